package cn.tcsubsidy.objection.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.TaskSubmissionListener;
import cn.tcsubsidy.objection.domain.Objection;
import cn.tcsubsidy.objection.domain.ObjectionChannel;
import cn.tcsubsidy.objection.domain.ObjectionService;
import cn.tcsubsidy.objection.domain.ObjectionStatus;
import cn.tcsubsidy.objection.domain.SupplementService;
import cn.tcsubsidy.objection.process.TcObjectionProcess.Elements;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of tc-objection with the real steps and mocked domain services: a dismissed objection ends after the
 * project's instance is told; an upheld one offers the next project in rank when the freed budget covers one, with
 * the notice length from the jurisdiction's round calendar (Hekou: 5 working days), and an added project gets its
 * own notice; a declined offer or none to make ends there; a refused decision keeps the bureau's task.
 */
class TcObjectionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-objection-test"))
            .assertClassCoverageAtLeast(0.9)
            .build();

    static final long PROJECT_ID = 42L;
    static final long OBJECTION_ID = 7L;
    static final long CANDIDATE_ID = 43L;

    ProcessEngine engine;
    ObjectionService objections = mock(ObjectionService.class);
    SupplementService supplements = mock(SupplementService.class);
    ObjectionProcesses processes = mock(ObjectionProcesses.class);
    ProjectRepository projects = mock(ProjectRepository.class);

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcObjectionProcess.KEY)
                .count() == 0) {
            ProcessTestEngine.deploy(engine, null, "processes/tc-objection.bpmn");
            ProcessTestEngine.deploy(engine, "hekou", "dmn/hekou/hekou-pipeline.dmn");
        }
        ObjectionSteps steps = new ObjectionSteps();
        Mocks.register("recordObjectionOutcomeDelegate",
                steps.recordObjectionOutcomeDelegate(objections, supplements, processes, projects));
        Mocks.register("startSupplementNoticeDelegate", steps.startSupplementNoticeDelegate(objections, supplements, processes));
        Mocks.register("taskSubmissionListener", new TaskSubmissionListener(List.of(
                steps.investigateObjectionHandler(objections), steps.offerNextInRankHandler(objections, supplements)),
                new Actors(engine.getIdentityService())));
        when(objections.roundYear(anyLong())).thenReturn(2026);
        when(projects.get(CANDIDATE_ID)).thenReturn(candidate());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance startObjection(ObjectionStatus decidedAs) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("jurisdiction", "hekou");
        vars.put("objectionId", OBJECTION_ID);
        vars.put("projectId", PROJECT_ID);
        vars.put("objectionSummary", "异议编号 7,书面实名异议;异议事实和理由:设备发票重复使用");
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(TcObjectionProcess.KEY,
                String.valueOf(PROJECT_ID), vars);
        when(objections.byProcessInstance(pi.getId())).thenReturn(objection(decidedAs));
        return pi;
    }

    private static Objection objection(ObjectionStatus status) {
        return new Objection(OBJECTION_ID, PROJECT_ID, "hekou", ObjectionChannel.WRITTEN, "张异议", "RESIDENT_ID",
                "37150019800101123X", "13800000001", "设备发票重复使用", "异议书.pdf", 40L, "hekou-bureau",
                LocalDateTime.of(2026, 12, 3, 9, 0), status, status == ObjectionStatus.OPEN ? null : "属实", "规程",
                "hekou-bureau", null, "PENDING");
    }

    private static SupplementService.Offer offer(String status) {
        return new SupplementService.Offer(3L, OBJECTION_ID, PROJECT_ID, CANDIDATE_ID, 11L, new BigDecimal("300000.00"),
                status, null, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 16));
    }

    private static Project candidate() {
        return new Project(CANDIDATE_ID, "hekou", "yihe", "东营市河口区递补示例有限公司", "91370503MA3C5X7Q3G",
                "2025-370503-34-03-000043", "生产线改造", "DIRECT_SUBSIDY", null, null, null, null, null, null, null, null,
                null, Stage.REJECTED, null, null, null, null, null, 11L, null, null, null, null, "工信局审定不予扶持", "pi-43",
                "hekou-ent-2", null, null);
    }

    private Map<String, Object> decision(String outcome) {
        return withVariables("objectionOutcome", outcome, "objectionFindings", "经核查", "objectionBasis", "本局异议处理规程");
    }

    @Test
    void shouldGiveTheBureauTheInvestigationAndEndOnceADismissedObjectionIsRecorded() {
        ProcessInstance pi = startObjection(ObjectionStatus.DISMISSED);
        assertThat(pi).isWaitingAt(Elements.INVESTIGATE);
        assertThat(task(Elements.INVESTIGATE, pi)).hasCandidateGroup("hekou-bureau");
        complete(task(Elements.INVESTIGATE, pi), decision("DISMISSED"));
        verify(objections).decide(eq(OBJECTION_ID), anyMap(), any());
        verify(processes).settle(PROJECT_ID);
        verify(supplements, never()).offerNext(anyLong());
        assertThat(pi).isEnded().hasPassed(Elements.RECORD_OUTCOME, Elements.OBJECTION_DECIDED)
                .hasNotPassed(Elements.OFFER_NEXT_IN_RANK);
    }

    @Test
    void shouldOfferTheNextInRankWhenUpheldAndStartTheAddedProjectsOwnNotice() {
        when(supplements.offerNext(OBJECTION_ID)).thenReturn(Optional.of(offer("OFFERED")));
        when(supplements.ofObjection(OBJECTION_ID)).thenReturn(Optional.of(offer("OFFERED")), Optional.of(offer("ACCEPTED")));
        ProcessInstance pi = startObjection(ObjectionStatus.UPHELD);
        complete(task(Elements.INVESTIGATE, pi), decision("UPHELD"));
        verify(processes).settle(PROJECT_ID);
        assertThat(pi).hasPassed(Elements.LOAD_NOTICE_CALENDAR).isWaitingAt(Elements.OFFER_NEXT_IN_RANK);
        assertThat(task(Elements.OFFER_NEXT_IN_RANK, pi)).hasCandidateGroup("hekou-bureau");
        Assertions.assertThat(TcObjectionProcess.Vars.SUPPLEMENT_SUMMARY.get(engine.getRuntimeService(), pi.getId()))
                .contains("东营市河口区递补示例有限公司", "300,000.00 元", "另行公示");
        complete(task(Elements.OFFER_NEXT_IN_RANK, pi), withVariables("supplementDecision", "ADD", "supplementReason", "按排名递补"));
        verify(supplements).decide(eq(3L), anyMap(), eq(5), any());
        verify(processes).startSupplement(offer("ACCEPTED"));
        assertThat(pi).isEnded().hasPassed(Elements.START_SUPPLEMENT_NOTICE, Elements.SUPPLEMENT_DECIDED);
    }

    @Test
    void shouldNotStartANoticeWhenTheBureauDeclinesTheOffer() {
        when(supplements.offerNext(OBJECTION_ID)).thenReturn(Optional.of(offer("OFFERED")));
        when(supplements.ofObjection(OBJECTION_ID)).thenReturn(Optional.of(offer("OFFERED")), Optional.of(offer("DECLINED")));
        ProcessInstance pi = startObjection(ObjectionStatus.UPHELD);
        complete(task(Elements.INVESTIGATE, pi), decision("UPHELD"));
        complete(task(Elements.OFFER_NEXT_IN_RANK, pi), withVariables("supplementDecision", "DECLINE", "supplementReason", "预算另有安排"));
        verify(processes, never()).startSupplement(any());
        assertThat(pi).isEnded().hasPassed(Elements.SUPPLEMENT_DECIDED);
    }

    @Test
    void shouldEndWhenUpheldAndNoProjectBelowTheLineFitsTheFreedBudget() {
        when(supplements.offerNext(OBJECTION_ID)).thenReturn(Optional.empty());
        ProcessInstance pi = startObjection(ObjectionStatus.UPHELD);
        complete(task(Elements.INVESTIGATE, pi), decision("UPHELD"));
        verify(supplements).offerNext(OBJECTION_ID);
        assertThat(pi).isEnded().hasPassed(Elements.OBJECTION_DECIDED).hasNotPassed(Elements.OFFER_NEXT_IN_RANK);
    }

    @Test
    void shouldKeepTheInvestigationWhenTheDecisionIsRefused() {
        ProcessInstance pi = startObjection(ObjectionStatus.OPEN);
        doThrow(new ValidationException("objectionFindings", "核查情况不能为空")).when(objections)
                .decide(anyLong(), anyMap(), any());
        String id = task(Elements.INVESTIGATE, pi).getId();
        Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("objectionOutcome", "UPHELD")))
                .hasMessageContaining("核查情况不能为空");
        assertThat(pi).isWaitingAt(Elements.INVESTIGATE);
        verify(processes, never()).settle(anyLong());
    }
}

package cn.tcsubsidy.correction.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.correction.domain.CorrectionService;
import cn.tcsubsidy.correction.domain.Revision;
import cn.tcsubsidy.correction.process.TcCorrectionProcess.Elements;
import cn.tcsubsidy.correction.process.TcCorrectionProcess.Vars;
import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.TaskSubmissionListener;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.process.ProjectTaskHandlers;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path of tc-correction with the real delegates, listener and submission handler and a mocked
 * {@link CorrectionService}: the filing user's task, due at the return's deadline, showing the points and the
 * current values; the submission going to the domain and the corrected values coming back from the project; a
 * refused submission keeping the task; the deadline rejecting the project.
 */
class TcCorrectionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-correction-test"))
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final long PROJECT_ID = 42L;
    private static final String ENTERPRISE = "hekou-ent-1";
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2026, 12, 10, 0, 0);
    private static final String POINTS = "实际设备投资与发票合计不符,请核对";

    ProcessEngine engine;
    CorrectionService corrections = mock(CorrectionService.class);
    ProjectRepository projects = mock(ProjectRepository.class);

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcCorrectionProcess.KEY)
                .count() == 0) {
            ProcessTestEngine.deploy(engine, null, "processes/tc-correction.bpmn");
        }
        when(projects.findIdByProcessInstance(any())).thenReturn(Optional.of(PROJECT_ID));
        when(projects.get(PROJECT_ID)).thenReturn(project("技改项目", "6000000.00"));
        when(corrections.requireOpen(eq(PROJECT_ID), any())).thenReturn(revision());
        CorrectionSteps steps = new CorrectionSteps();
        Mocks.register("openCorrectionDelegate", steps.openCorrectionDelegate(corrections, projects));
        Mocks.register("correctionTaskListener", steps.correctionTaskListener(corrections));
        Mocks.register("returnCorrectedDelegate", steps.returnCorrectedDelegate(corrections, projects));
        Mocks.register("expireCorrectionDelegate", steps.expireCorrectionDelegate(corrections));
        Mocks.register("taskSubmissionListener", new TaskSubmissionListener(List.of(
                steps.correctProjectHandler(new ProjectTaskHandlers(projects), corrections)),
                new Actors(engine.getIdentityService())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    private static Revision revision() {
        return new Revision(1, PROJECT_ID, Stage.RECOMMENDATION, "hekou-town-yihe-1", DEADLINE.minusDays(7), POINTS, 5,
                DEADLINE, Map.of(), null, null, null, null, null, null);
    }

    private static Project project(String name, String actualEquipment) {
        return new Project(PROJECT_ID, "hekou", "yihe", "测试企业", "91370500MA3C00001X", "2019-370502-34-03-000001",
                name, "DIRECT_SUBSIDY", new BigDecimal("9000000.00"), new BigDecimal("6000000.00"), null, null, null,
                null, LocalDate.of(2024, 3, 1), LocalDate.of(2025, 6, 30), null, Stage.RECOMMENDATION,
                LocalDate.of(2025, 6, 30), new BigDecimal("9000000.00"), new BigDecimal(actualEquipment), null, null,
                7L, null, null, null, null, null, "pi", ENTERPRISE, LocalDateTime.now(), LocalDateTime.now());
    }

    /** As tc-project calls it: the project's variables (tenant from the jurisdiction). */
    private ProcessInstance startCorrection() {
        return engine.getRuntimeService().startProcessInstanceByKey(TcCorrectionProcess.KEY,
                withVariables("jurisdiction", "hekou", "projectId", PROJECT_ID, "enterpriseName", "测试企业",
                        "projectName", "技改项目"));
    }

    private void asEnterprise(Runnable action) {
        engine.getIdentityService().setAuthentication(ENTERPRISE, List.of("hekou-enterprise"), List.of("hekou"));
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private Job deadlineTimer(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(Elements.CORRECTION_DEADLINE).singleResult();
    }

    @Test
    void shouldGiveTheFilingUserATaskDueAtTheDeadlineShowingThePointsAndCurrentValues() {
        ProcessInstance pi = startCorrection();

        assertThat(pi).hasPassed(Elements.OPEN_CORRECTION).isWaitingAt(Elements.CORRECT_PROJECT);
        Date due = Date.from(DEADLINE.atZone(ClockConfiguration.BEIJING).toInstant());
        Task t = task(Elements.CORRECT_PROJECT, pi);
        assertThat(t).isAssignedTo(ENTERPRISE).hasDueDate(due).hasFormKey(null);
        Assertions.assertThat(deadlineTimer(pi).getDuedate()).as("the deadline timer fires at the deadline").isEqualTo(due);
        Map<String, Object> local = engine.getTaskService().getVariablesLocal(t.getId());
        Assertions.assertThat(local).containsEntry(Vars.POINTS.name(), POINTS)
                .containsEntry(Vars.STAGE_LABEL.name(), Stage.RECOMMENDATION.label());
        Assertions.assertThat(engine.getTaskService().getVariables(t.getId())).as("the form's current values")
                .containsEntry("actualEquipmentInvestment", 6000000.0).containsEntry("plannedStartDate", "2024-03-01")
                .containsEntry("projectName", "技改项目").containsEntry("correctedProjectName", "技改项目").containsEntry("plannedSoftwareInvestment", null);
        Assertions.assertThat(Vars.DEADLINE_NOTE.get(local)).contains("5 个工作日", "常见做法", "2026-12-09");
    }

    @Test
    void shouldHandTheSubmissionToTheDomainAndReturnTheCorrectedValuesFromTheProject() {
        ProcessInstance pi = startCorrection();
        when(corrections.latestOutcome(PROJECT_ID)).thenReturn(Revision.CORRECTED);
        when(projects.get(PROJECT_ID)).thenReturn(project("技改项目(补正)", "5800000.00"));

        asEnterprise(() -> complete(task(Elements.CORRECT_PROJECT, pi), withVariables(
                "actualEquipmentInvestment", 5_800_000, "correctionNote", "按发票合计更正")));

        assertThat(pi).isEnded().hasPassed(Elements.RETURN_CORRECTED, Elements.CORRECTED)
                .hasNotPassed(Elements.EXPIRE_CORRECTION);
        ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.captor();
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(corrections).correct(eq(PROJECT_ID), values.capture(), actor.capture());
        Assertions.assertThat(values.getValue()).containsEntry("actualEquipmentInvestment", 5_800_000)
                .containsEntry("correctionNote", "按发票合计更正");
        Assertions.assertThat(actor.getValue().userId()).isEqualTo(ENTERPRISE);
        Map<String, Object> history = historicVariables(pi);
        Assertions.assertThat(history).containsEntry(Vars.OUTCOME.name(), "CORRECTED")
                .containsEntry("projectName", "技改项目(补正)").containsEntry("actualEquipmentInvestment", 5800000.0);
    }

    @Test
    void shouldKeepTheTaskWhenTheDomainRefusesTheCorrection() {
        ProcessInstance pi = startCorrection();
        doThrow(new ValidationException("plannedEndDate", "计划竣工日期不能早于计划开工日期"))
                .when(corrections).correct(eq(PROJECT_ID), anyMap(), any());

        asEnterprise(() -> Assertions.assertThatThrownBy(() -> complete(task(Elements.CORRECT_PROJECT, pi),
                withVariables("plannedEndDate", "2020-01-01", "correctionNote", "改日期")))
                .hasMessageContaining("计划竣工日期不能早于计划开工日期"));

        assertThat(pi).isWaitingAt(Elements.CORRECT_PROJECT);
        verify(corrections, never()).latestOutcome(PROJECT_ID);
    }

    @Test
    void shouldRejectTheProjectWhenTheDeadlinePasses() {
        ProcessInstance pi = startCorrection();

        execute(deadlineTimer(pi));

        assertThat(pi).isEnded().hasPassed(Elements.EXPIRE_CORRECTION, Elements.EXPIRED)
                .hasNotPassed(Elements.RETURN_CORRECTED);
        verify(corrections).expire(PROJECT_ID);
        verify(corrections, never()).correct(eq(PROJECT_ID), anyMap(), any());
        Assertions.assertThat(historicVariables(pi)).containsEntry(Vars.OUTCOME.name(), "EXPIRED");
    }

    @Test
    void shouldNotReturnAProjectWhoseCorrectionIsNotRecorded() {
        ProcessInstance pi = startCorrection();
        when(corrections.latestOutcome(PROJECT_ID)).thenReturn(null);

        asEnterprise(() -> Assertions.assertThatThrownBy(() -> complete(task(Elements.CORRECT_PROJECT, pi),
                withVariables("correctionNote", "说明"))).hasMessageContaining("补正未完成"));

        assertThat(pi).isWaitingAt(Elements.CORRECT_PROJECT);
    }

    private Map<String, Object> historicVariables(ProcessInstance pi) {
        Map<String, Object> vars = new java.util.HashMap<>();
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()
                .forEach(v -> {
                    if (v.getTaskId() == null) {
                        vars.put(v.getName(), v.getValue());
                    }
                });
        return vars;
    }
}

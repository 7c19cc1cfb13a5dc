package cn.tcsubsidy.followup.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.TaskSubmissionListener;
import cn.tcsubsidy.followup.domain.FollowUpRules;
import cn.tcsubsidy.followup.domain.FollowUpService;
import cn.tcsubsidy.followup.process.TcFollowUpProcess.Elements;
import cn.tcsubsidy.followup.process.TcFollowUpProcess.Vars;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.ProjectTaskHandlers;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path of tc-follow-up and its called tc-follow-up-report, with the real delegates and submission handlers
 * and a mocked {@link FollowUpService}: the report timer at the table's date; the enterprise's own task, due, with
 * the town's reminder when overdue and the bureau's later, both gone with the report; pass; rectify then pass;
 * rectification overdue; a clawback repaid in two parts; a refused submission keeps its task.
 */
class TcFollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-follow-up-test"))
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final long PROJECT_ID = 42L;
    private static final String REPORTER = "hekou-ent-1";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate OPENS = LocalDate.of(2027, 3, 1);
    private static final LocalDate DUE = LocalDate.of(2027, 3, 26);
    private static final LocalDate ESCALATION = LocalDate.of(2027, 4, 9);
    private static final LocalDate RECTIFY_DUE = LocalDate.of(2027, 7, 2);

    ProcessEngine engine;
    FollowUpService followUp = mock(FollowUpService.class);

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcFollowUpProcess.KEY)
                .count() == 0) {
            ProcessTestEngine.deploy(engine, null, "processes/tc-follow-up.bpmn", "processes/tc-follow-up-report.bpmn");
        }
        when(followUp.open(PROJECT_ID)).thenReturn(new FollowUpService.Schedule(OPENS, DUE, ESCALATION, REPORTER,
                "hekou-town-yihe"));
        when(followUp.reportSummary(PROJECT_ID)).thenReturn("绩效目标:新增产值 5,000,000.00 元");
        when(followUp.assess(PROJECT_ID)).thenReturn(new FollowUpService.Assessment(1, new BigDecimal("0.9"),
                new FollowUpRules.Suggestion("PASS", BigDecimal.ZERO, "通过(常见做法)"), BigDecimal.ZERO,
                new BigDecimal("420000"), "首次评价;评价建议:通过"));
        when(followUp.rectifyDueOn(PROJECT_ID)).thenReturn(RECTIFY_DUE);
        when(followUp.repaymentSummary(PROJECT_ID)).thenReturn("追回单 #1 尚欠 100,000.00 元");
        ProjectRepository projects = mock(ProjectRepository.class);
        when(projects.findIdByProcessInstance(any())).thenReturn(Optional.of(PROJECT_ID));
        ProjectTaskHandlers tasks = new ProjectTaskHandlers(projects);
        FollowUpTasks steps = new FollowUpTasks();
        Mocks.register("scheduleFollowUpDelegate", steps.scheduleFollowUpDelegate(followUp));
        Mocks.register("followUpSummaryListener", steps.followUpSummaryListener(followUp));
        Mocks.register("evaluationSummaryListener", steps.evaluationSummaryListener(followUp));
        Mocks.register("openRectificationDelegate", steps.openRectificationDelegate(followUp));
        Mocks.register("rectificationMissedDelegate", steps.rectificationMissedDelegate(followUp));
        Mocks.register("trackRepaymentDelegate", steps.trackRepaymentDelegate(followUp));
        Mocks.register("repaymentSummaryListener", steps.repaymentSummaryListener(followUp));
        Mocks.register("taskSubmissionListener", new TaskSubmissionListener(List.of(
                steps.reportResultsHandler(tasks, followUp), steps.urgeReportHandler(tasks, followUp),
                steps.escalateReportHandler(tasks, followUp), steps.evaluatePerformanceHandler(tasks, followUp),
                steps.rectifyHandler(tasks, followUp), steps.recordRepaymentHandler(tasks, followUp)),
                new Actors(engine.getIdentityService())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    /** tc-follow-up as tc-project calls it: the project's variables (tenant from the jurisdiction). */
    private ProcessInstance startFollowUp() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("jurisdiction", "hekou");
        vars.put("projectId", PROJECT_ID);
        vars.put("unitCode", "yihe");
        return engine.getRuntimeService().startProcessInstanceByKey(TcFollowUpProcess.KEY, vars);
    }

    /** Past the report timer: the called report instance. */
    private ProcessInstance reportOpened(ProcessInstance pi) {
        Job timer = job(pi, Elements.REPORT_DUE);
        Assertions.assertThat(timer.getDuedate()).as("the table's date, Beijing midnight").isEqualTo(midnight(OPENS));
        engine.getManagementService().executeJob(timer.getId());
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    }

    private ProcessInstance reported(ProcessInstance pi) {
        ProcessInstance report = reportOpened(pi);
        as(REPORTER, "hekou-enterprise", () -> complete(task(Elements.REPORT_RESULTS, report),
                withVariables("resultOutputValue", 4_800_000, "reportNote", "产值基本达标")));
        return report;
    }

    private Job job(ProcessInstance pi, String activity) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activity)
                .singleResult();
    }

    private static Date midnight(LocalDate day) {
        return Date.from(day.atStartOfDay(BEIJING).toInstant());
    }

    private void as(String user, String group, Runnable action) {
        engine.getIdentityService().setAuthentication(user, List.of(group), List.of("hekou"));
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void evaluate(ProcessInstance pi, String conclusion) {
        as("hekou-bureau", "hekou-bureau", () -> complete(task(Elements.EVALUATE, pi), withVariables(
                "performanceConclusion", conclusion, "performanceOpinion", "按目标评价")));
    }

    @Test
    void shouldAskTheFilingUserForResultsAtTheTablesDateAndPassOnTheBureausConclusion() {
        ProcessInstance pi = startFollowUp();
        assertThat(pi).isWaitingAt(Elements.REPORT_DUE).hasPassed(Elements.SCHEDULE);
        Assertions.assertThat(pi.getTenantId()).isEqualTo("hekou");

        ProcessInstance report = reportOpened(pi);
        assertThat(report).isWaitingAt(Elements.REPORT_RESULTS);
        assertThat(task(Elements.REPORT_RESULTS, report)).isAssignedTo(REPORTER).hasDueDate(midnight(DUE.plusDays(1)));
        Assertions.assertThat(engine.getTaskService().getVariableLocal(task(Elements.REPORT_RESULTS, report).getId(),
                Vars.FOLLOW_UP_SUMMARY.name())).isEqualTo("绩效目标:新增产值 5,000,000.00 元");
        as(REPORTER, "hekou-enterprise", () -> complete(task(Elements.REPORT_RESULTS, report),
                withVariables("resultOutputValue", 4_800_000, "reportNote", "产值基本达标")));
        assertThat(report).isEnded().hasPassed(Elements.REPORTED).hasNotPassed(Elements.URGE_REPORT);

        assertThat(task(Elements.EVALUATE, pi)).hasCandidateGroup("hekou-bureau").isNotAssigned();
        Assertions.assertThat(engine.getTaskService().getVariableLocal(task(Elements.EVALUATE, pi).getId(),
                Vars.EVALUATION_SUMMARY.name())).isEqualTo("首次评价;评价建议:通过");
        evaluate(pi, "PASS");

        assertThat(pi).isEnded().hasPassed(Elements.PASSED).hasNotPassed(Elements.RECTIFY, Elements.TRACK_REPAYMENT);
        ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.captor();
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(followUp).report(eq(PROJECT_ID), values.capture(), actor.capture());
        Assertions.assertThat(values.getValue()).containsEntry("resultOutputValue", 4_800_000);
        Assertions.assertThat(actor.getValue().userId()).isEqualTo(REPORTER);
        verify(followUp).evaluate(eq(PROJECT_ID), anyMap(), any());
    }

    @Test
    void shouldPassTheReportOnlyWhatItReadsNotTheProjectsOtherVariables() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("jurisdiction", "hekou");
        vars.put("projectId", PROJECT_ID);
        vars.put("enterpriseName", "测试企业");
        vars.put("projectName", "技改项目");
        vars.put("roundYear", 2026);
        vars.put("category", "DIRECT_SUBSIDY");
        vars.put("plannedTotalInvestment", 9_000_000);
        vars.put("proposedAmount", 420_000);
        // What tc-project holds besides: the enterprise's file and the earlier stages' decisions.
        vars.put("creditCode", "91370500MA3C00001X");
        vars.put("bankName", "中国银行黄冈分行");
        vars.put("contactEmail", "cfo@example.cn");
        vars.put("loanContractNo", "JK-2025-001");
        vars.put("awardOpinion", "同意");
        vars.put("unitCode", "yihe");
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(TcFollowUpProcess.KEY, vars);

        ProcessInstance report = reportOpened(pi);

        Assertions.assertThat(engine.getRuntimeService().getVariables(report.getId()))
                .as("the called report carries what its tasks, forms and listeners read, and nothing else")
                .containsOnlyKeys("projectId", "enterpriseName", "projectName", "roundYear", "jurisdiction", "category",
                        "plannedTotalInvestment", "proposedAmount", Vars.REPORTER.name(), Vars.TOWN_GROUP.name(), Vars.REPORT_DUE_AT.name(),
                        Vars.ESCALATION_DUE_AT.name())
                .containsEntry("projectId", PROJECT_ID).containsEntry(Vars.REPORTER.name(), REPORTER)
                .containsEntry(Vars.REPORT_DUE_AT.name(), midnight(DUE.plusDays(1)));
        String task = task(Elements.REPORT_RESULTS, report).getId();
        Assertions.assertThat(engine.getTaskService().getVariables(task)).as("what the enterprise's report form reads")
                .doesNotContainKeys("creditCode", "bankName", "contactEmail", "loanContractNo", "awardOpinion")
                .containsEntry("enterpriseName", "测试企业").containsEntry("proposedAmount", 420_000);
        // The engine is the class's: no open task of this follow-up may be left to the next test's queries.
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test over");
    }

    @Test
    void shouldUrgeThroughTheTownThenTheBureauAndDropTheRemindersWithTheReport() {
        ProcessInstance pi = startFollowUp();
        ProcessInstance report = reportOpened(pi);
        Job overdue = job(report, Elements.REPORT_OVERDUE);
        Assertions.assertThat(overdue.getDuedate()).isEqualTo(midnight(DUE.plusDays(1)));
        engine.getManagementService().executeJob(overdue.getId());
        assertThat(report).isWaitingAt(Elements.REPORT_RESULTS, Elements.URGE_REPORT);
        assertThat(task(Elements.URGE_REPORT, report)).hasCandidateGroup("hekou-town-yihe").isNotAssigned();
        as("hekou-town-yihe", "hekou-town-yihe", () -> complete(task(Elements.URGE_REPORT, report),
                withVariables("urgeNote", "电话督促企业负责人")));
        verify(followUp).urge(eq(PROJECT_ID), eq(FollowUpService.TOWN), anyMap(), any());

        Job escalated = job(report, Elements.REPORT_ESCALATED);
        Assertions.assertThat(escalated.getDuedate()).isEqualTo(midnight(ESCALATION.plusDays(1)));
        engine.getManagementService().executeJob(escalated.getId());
        assertThat(task(Elements.ESCALATE_REPORT, report)).hasCandidateGroup("hekou-bureau");
        assertThat(task(Elements.REPORT_RESULTS, report)).as("the enterprise may still report").isAssignedTo(REPORTER);

        as(REPORTER, "hekou-enterprise", () -> complete(task(Elements.REPORT_RESULTS, report),
                withVariables("resultOutputValue", 4_800_000, "reportNote", "逾期报送")));
        assertThat(report).isEnded().hasPassed(Elements.REPORTED);
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(report.getId()).count())
                .as("the bureau's reminder is gone with the report").isZero();
        verify(followUp, never()).urge(eq(PROJECT_ID), eq(FollowUpService.BUREAU), anyMap(), any());
        assertThat(pi).isWaitingAt(Elements.EVALUATE);
    }

    @Test
    void shouldRecordTheBureausReminder() {
        ProcessInstance pi = startFollowUp();
        ProcessInstance report = reportOpened(pi);
        engine.getManagementService().executeJob(job(report, Elements.REPORT_ESCALATED).getId());
        as("hekou-bureau", "hekou-bureau", () -> complete(task(Elements.ESCALATE_REPORT, report),
                withVariables("urgeNote", "发督办函")));
        verify(followUp).urge(eq(PROJECT_ID), eq(FollowUpService.BUREAU), anyMap(), any());
        assertThat(report).hasPassed("Event_ReportEscalatedDone").isWaitingAt(Elements.REPORT_RESULTS);
    }

    @Test
    void shouldRectifyThenPass() {
        ProcessInstance pi = startFollowUp();
        reported(pi);
        evaluate(pi, "RECTIFY");

        assertThat(pi).hasPassed(Elements.OPEN_RECTIFICATION).isWaitingAt(Elements.RECTIFY);
        assertThat(task(Elements.RECTIFY, pi)).isAssignedTo(REPORTER).hasDueDate(midnight(RECTIFY_DUE.plusDays(1)));
        Assertions.assertThat(job(pi, Elements.RECTIFICATION_OVERDUE).getDuedate()).isEqualTo(midnight(RECTIFY_DUE.plusDays(1)));
        assertThat(pi).variables().doesNotContainKeys("performanceConclusion", "performanceOpinion");
        as(REPORTER, "hekou-enterprise", () -> complete(task(Elements.RECTIFY, pi),
                withVariables("rectificationMeasures", "新增产线投产", "resultOutputValue", 5_200_000)));
        verify(followUp).rectify(eq(PROJECT_ID), anyMap(), any());

        assertThat(task(Elements.EVALUATE, pi)).hasCandidateGroup("hekou-bureau");
        evaluate(pi, "PASS");
        assertThat(pi).isEnded().hasPassed(Elements.PASSED).hasNotPassed(Elements.RECTIFICATION_MISSED);
        verify(followUp, times(2)).evaluate(eq(PROJECT_ID), anyMap(), any());
    }

    @Test
    void shouldEvaluateAgainWhenTheRectificationIsOverdue() {
        ProcessInstance pi = startFollowUp();
        reported(pi);
        evaluate(pi, "RECTIFY");
        engine.getManagementService().executeJob(job(pi, Elements.RECTIFICATION_OVERDUE).getId());

        assertThat(pi).hasPassed(Elements.RECTIFICATION_MISSED).isWaitingAt(Elements.EVALUATE);
        verify(followUp).rectificationMissed(PROJECT_ID);
        verify(followUp, never()).rectify(anyLong(), anyMap(), any());
    }

    @Test
    void shouldTrackAClawbackUntilRepaidInTwoParts() {
        when(followUp.clawbackOutstanding(PROJECT_ID)).thenReturn(true, true, false);
        ProcessInstance pi = startFollowUp();
        reported(pi);
        as("hekou-bureau", "hekou-bureau", () -> complete(task(Elements.EVALUATE, pi), withVariables(
                "performanceConclusion", "CLAWBACK", "departureReason", "产值仅完成四成", "clawbackAmount", 200_000,
                "clawbackBasis", "奖补协议第八条", "performanceOpinion", "追回部分奖补")));

        for (String part : List.of("2027-06-01", "2027-07-01")) {
            assertThat(pi).isWaitingAt(Elements.RECORD_REPAYMENT).variables()
                    .doesNotContainKeys("recoveredAmount", "recoveryDate", "clawbackAmount");
            assertThat(task(Elements.RECORD_REPAYMENT, pi)).hasCandidateGroup("hekou-finance");
            Assertions.assertThat(engine.getTaskService().getVariableLocal(task(Elements.RECORD_REPAYMENT, pi).getId(),
                    Vars.REPAYMENT_SUMMARY.name())).isEqualTo("追回单 #1 尚欠 100,000.00 元");
            as("hekou-finance", "hekou-finance", () -> complete(task(Elements.RECORD_REPAYMENT, pi),
                    withVariables("recoveredAmount", 100_000, "recoveryDate", part)));
        }

        assertThat(pi).isEnded().hasPassed(Elements.CLAWED_BACK).hasNotPassed(Elements.PASSED, Elements.RECTIFY);
        verify(followUp, times(2)).recordRepayment(eq(PROJECT_ID), anyMap(), any());
    }

    @Test
    void shouldKeepTheEvaluationTaskWhenTheServiceRefusesIt() {
        ProcessInstance pi = startFollowUp();
        reported(pi);
        doThrow(new ValidationException("clawbackAmount", "追回金额应大于 0 且不超过已拨付(扣除已追回)的 420,000.00 元"))
                .when(followUp).evaluate(anyLong(), anyMap(), any());
        String taskId = task(Elements.EVALUATE, pi).getId();
        engine.getIdentityService().setAuthentication("hekou-bureau", List.of("hekou-bureau"), List.of("hekou"));
        Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables(
                "performanceConclusion", "CLAWBACK", "clawbackAmount", 999_999, "clawbackBasis", "协议",
                "performanceOpinion", "追回"))).hasMessageContaining("不超过已拨付");
        engine.getIdentityService().clearAuthentication();
        assertThat(pi).isWaitingAt(Elements.EVALUATE).variables().doesNotContainKeys("performanceConclusion");
    }
}

package cn.tcsubsidy.project.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.correction.domain.CorrectionService;
import cn.tcsubsidy.correction.domain.Revision;
import cn.tcsubsidy.correction.process.CorrectionSteps;
import cn.tcsubsidy.correction.process.TcCorrectionProcess;
import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.TaskSubmissionHandler;
import cn.tcsubsidy.engine.TaskSubmissionListener;
import cn.tcsubsidy.filing.domain.FilingService;
import cn.tcsubsidy.filing.process.FilingDelegates;
import cn.tcsubsidy.followup.process.TcFollowUpProcess;
import cn.tcsubsidy.objection.domain.NoticeOutcome;
import cn.tcsubsidy.objection.domain.ObjectionService.Standing;
import cn.tcsubsidy.objection.domain.SupplementService;
import cn.tcsubsidy.payment.domain.AcceptanceService;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PaymentPhase;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.payment.process.PaymentTaskPayee;
import cn.tcsubsidy.progress.domain.ProgressService;
import cn.tcsubsidy.project.domain.ProjectLifecycle;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.TcProjectProcess.Elements;
import cn.tcsubsidy.project.process.TcProjectProcess.Messages;
import cn.tcsubsidy.recommendation.domain.RecommendationService;
import cn.tcsubsidy.review.domain.ReviewService;
import cn.tcsubsidy.panel.domain.PanelService;
import cn.tcsubsidy.panel.process.PanelStageTasks;
import cn.tcsubsidy.panel.process.TcPanelProcesses;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.round.process.RoundSteps;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.assertj.core.api.Assertions;

/**
 * Every path of tc-project, with the real thin delegates and submission handlers and mocked domain services; the
 * pool-entry table is each jurisdiction's real DMN.
 */
class TcProjectProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-project-test"))
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final long PROJECT_ID = 42L;
    private static final String PAYEE_SUMMARY = "中国银行黄冈分行 · 测试企业 · 账号尾号 5678(工信局已核实)";
    private static final java.util.Date RECOMMENDATION_DUE = new java.util.Date(1_796_000_000_000L);
    private static final String ORDER_SUMMARY = "拨付单 #1 · 黄冈市市级工业技改专项资金 · 全额拨付 500,000.00 元";

    private static final java.time.LocalDateTime CORRECTION_DEADLINE = java.time.LocalDateTime.of(2026, 12, 10, 0, 0);
    private static final Revision OPEN_RETURN = new Revision(1, PROJECT_ID,
            cn.tcsubsidy.project.domain.Stage.RECOMMENDATION, "hekou-town-yihe-1", CORRECTION_DEADLINE.minusDays(7),
            "竣工日期与验收报告不符", 5, CORRECTION_DEADLINE, Map.of(), null, null, null, null, null, null);
    /** The project as the enterprise left it after its correction (what the town's next form shows). */
    private static final cn.tcsubsidy.project.domain.Project CORRECTED_PROJECT = new cn.tcsubsidy.project.domain.Project(
            PROJECT_ID, "hekou", "yihe", "测试企业", "91370500MA3C00001X", "2019-370502-34-03-000001", "技改项目(补正)",
            "DIRECT_SUBSIDY", new java.math.BigDecimal("9000000.00"), null, null, null, null, null,
            java.time.LocalDate.of(2024, 3, 1), java.time.LocalDate.of(2025, 6, 30), null,
            cn.tcsubsidy.project.domain.Stage.RECOMMENDATION, java.time.LocalDate.of(2025, 6, 30),
            new java.math.BigDecimal("8800000.00"), new java.math.BigDecimal("5000000.00"), null, null, 7L, null, null,
            null, null, null, "pi", "hekou-ent-1", null, null);

    private static PaymentService.Progress progress(PaymentPhase phase) {
        return new PaymentService.Progress(phase, null);
    }

    ProcessEngine engine;
    FilingService filing = mock(FilingService.class);
    ProgressService progress = mock(ProgressService.class);
    RecommendationService recommendation = mock(RecommendationService.class);
    PanelService panel = mock(PanelService.class);
    AwardDecisionService awards = mock(AwardDecisionService.class);
    NoticeOutcome noticeOutcome = mock(NoticeOutcome.class);
    SupplementService supplements = mock(SupplementService.class);
    PaymentService payment = mock(PaymentService.class);
    AcceptanceService acceptance = mock(AcceptanceService.class);
    static final String FOLLOW_UP_STUB = "Task_FollowUpStub";
    ProjectLifecycle lifecycle = mock(ProjectLifecycle.class);
    AwardCases awardCases = mock(AwardCases.class);
    PayeeService payees = mock(PayeeService.class);
    RoundService rounds = mock(RoundService.class);
    CorrectionService corrections = mock(CorrectionService.class);

    @BeforeEach
    void wireDelegates() {
        engine = extension.getProcessEngine();
        // Several test engines live in one JVM: bind the assertions to this class's engine.
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcProjectProcess.KEY).count() == 0) {
            ProcessTestEngine.deploy(engine, null, "processes/tc-project.bpmn");
            // The panel's seats are tc-panel-seat's own (TcPanelSeatProcessTest); here a seat ends at once.
            engine.getRepositoryService().createDeployment().addModelInstance("tc-panel-seat.bpmn",
                    org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(TcPanelProcesses.SEAT_KEY)
                            .camundaHistoryTimeToLive(1).startEvent().endEvent().done()).deploy();
            // The follow-up is tc-follow-up's own (TcFollowUpProcessTest); here it waits in one task.
            engine.getRepositoryService().createDeployment().addModelInstance("tc-follow-up.bpmn",
                    org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(TcFollowUpProcess.KEY)
                            .camundaHistoryTimeToLive(1).startEvent().userTask(FOLLOW_UP_STUB).endEvent().done()).deploy();
            ProcessTestEngine.deploy(engine, null, "processes/tc-correction.bpmn");
            ProcessTestEngine.deploy(engine, "hekou", "dmn/hekou/hekou-pipeline.dmn");
            ProcessTestEngine.deploy(engine, "huanggang", "dmn/huanggang/huanggang-pipeline.dmn");
        }
        when(filing.file(anyMap(), any(), any())).thenReturn(PROJECT_ID);
        when(awardCases.quote(PROJECT_ID)).thenReturn("按规则测算奖补金额 420,000.00 元");
        Actors actors = new Actors(engine.getIdentityService());
        FilingDelegates filingDelegates = new FilingDelegates();
        Mocks.register("registerProjectDelegate", filingDelegates.registerProjectDelegate(filing, actors));
        Mocks.register("enterPoolDelegate", filingDelegates.enterPoolDelegate(filing, actors));
        ProjectStageTasks stages = new ProjectStageTasks();
        PanelStageTasks panelStages = new PanelStageTasks();
        when(panel.open(PROJECT_ID)).thenReturn(new PanelService.Opened(List.of(1, 2, 3), null));
        when(panel.aggregate(PROJECT_ID)).thenReturn(new PanelService.Aggregated(false, "hekou-expert-1", "汇总"));
        when(panel.conclude(PROJECT_ID)).thenReturn(new PanelService.Conclusion(ReviewService.PASS, "评审小组 3 份评分取平均"));
        Mocks.register("drawPanelDelegate", panelStages.drawPanelDelegate(panel));
        Mocks.register("aggregatePanelDelegate", panelStages.aggregatePanelDelegate(panel));
        Mocks.register("consensusTaskListener", panelStages.consensusTaskListener(panel));
        Mocks.register("concludePanelDelegate", panelStages.concludePanelDelegate(panel));
        ProjectRepository projects = mock(ProjectRepository.class);
        when(projects.findIdByProcessInstance(any())).thenReturn(java.util.Optional.of(PROJECT_ID));
        ProjectTaskHandlers tasks = new ProjectTaskHandlers(projects);
        Mocks.register("returnToPoolDelegate", stages.returnToPoolDelegate(recommendation));
        Mocks.register("exitPoolDelegate", stages.exitPoolDelegate(payment));
        Mocks.register("quoteAwardDelegate", stages.quoteAwardDelegate(awardCases));
        Mocks.register("requoteAwardDelegate", stages.requoteAwardDelegate(awardCases));
        CorrectionSteps correctionSteps = new CorrectionSteps();
        when(projects.get(PROJECT_ID)).thenReturn(CORRECTED_PROJECT);
        when(corrections.requireOpen(org.mockito.ArgumentMatchers.eq(PROJECT_ID), any())).thenReturn(OPEN_RETURN);
        Mocks.register("openCorrectionDelegate", correctionSteps.openCorrectionDelegate(corrections, projects));
        Mocks.register("correctionTaskListener", correctionSteps.correctionTaskListener(corrections));
        Mocks.register("returnCorrectedDelegate", correctionSteps.returnCorrectedDelegate(corrections, projects));
        Mocks.register("expireCorrectionDelegate", correctionSteps.expireCorrectionDelegate(corrections));
        Mocks.register("reviewCorrectionTaskListener", correctionSteps.reviewCorrectionTaskListener(corrections));
        Mocks.register("closeRejectedProjectDelegate", stages.closeRejectedProjectDelegate(lifecycle));
        when(payees.paymentFormSummary(PROJECT_ID)).thenReturn(PAYEE_SUMMARY);
        Mocks.register("payeeSummaryListener", new PaymentTaskPayee().payeeSummaryListener(projects, payees));
        Mocks.register("paymentTaskSummaryListener", new PaymentTaskPayee().paymentTaskSummaryListener(projects, payment));
        Mocks.register("openPaymentOrdersDelegate", stages.openPaymentOrdersDelegate(payment));
        Mocks.register("trackPaymentOrdersDelegate", stages.trackPaymentOrdersDelegate(payment));
        // By default the notice ends without objections.
        when(noticeOutcome.settle(PROJECT_ID)).thenReturn(Standing.NONE);
        Mocks.register("checkObjectionsDelegate", stages.checkObjectionsDelegate(noticeOutcome));
        Mocks.register("closeSupplementNoticeDelegate", stages.closeSupplementNoticeDelegate(supplements));
        when(payment.preparationSummary(PROJECT_ID)).thenReturn(ORDER_SUMMARY);
        when(payment.approvalSummary(PROJECT_ID)).thenReturn("拨付单 #1 待审核,由 huanggang-finance 提交");
        when(payment.settlementSummary(PROJECT_ID)).thenReturn("核定奖补 500,000.00 元,已先期预拨 250,000.00 元");
        when(payment.recoverySummary(PROJECT_ID)).thenReturn("追回单 #1 尚欠 50,000.00 元");
        when(payment.paymentsSummary(PROJECT_ID)).thenReturn("已拨付 500,000.00 元");
        // By default one order: due, then paid.
        when(payment.progress(PROJECT_ID)).thenReturn(progress(PaymentPhase.ORDERS_DUE), progress(PaymentPhase.PAID));
        List<TaskSubmissionHandler> handlers = List.of(
                stages.reportProgressHandler(tasks, progress), stages.reportCompletionHandler(tasks, progress),
                stages.recommendProjectHandler(tasks, recommendation),
                panelStages.resolvePanelShortageHandler(tasks, panel), panelStages.reachConsensusHandler(tasks, panel),
                stages.decideAwardHandler(tasks, awards),
                stages.preparePaymentHandler(tasks, payment), stages.approvePaymentHandler(tasks, payment),
                stages.settleAwardHandler(tasks, payment), stages.recordRecoveryHandler(tasks, payment),
                stages.recordAcceptanceHandler(tasks, acceptance),
                correctionSteps.correctProjectHandler(tasks, corrections),
                panelStages.reviewCorrectionHandler(tasks, panel));
        Mocks.register("taskSubmissionListener", new TaskSubmissionListener(handlers, actors));
        Mocks.register("roundQuoteAnsweredListener", new RoundSteps().roundQuoteAnsweredListener(rounds));
        Mocks.register("roundStepAnsweredListener", new RoundSteps().roundStepAnsweredListener(rounds));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    private ProcessInstance startProject(String jurisdiction, String unit, long total) {
        engine.getIdentityService().setAuthentication(jurisdiction + "-ent-1", List.of(jurisdiction + "-enterprise"), List.of(jurisdiction));
        Map<String, Object> filingForm = new HashMap<>();
        filingForm.put("jurisdiction", jurisdiction);
        filingForm.put("unitCode", unit);
        filingForm.put("enterpriseName", "测试企业");
        filingForm.put("plannedTotalInvestment", total);
        filingForm.put("bankName", "中国银行黄冈分行");
        filingForm.put("bankAccount", "6222000012345678");
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(TcProjectProcess.KEY, filingForm);
        engine.getIdentityService().clearAuthentication();
        return pi;
    }

    private ProcessInstance projectAwaitingRound() {
        ProcessInstance pi = startProject("hekou", "yihe", 9_000_000);
        complete(task(Elements.REPORT_COMPLETION, pi), withVariables("completionDate", "2025-06-30"));
        return pi;
    }

    private void openRecommendation(ProcessInstance pi) {
        engine.getRuntimeService().createMessageCorrelation(Messages.RECOMMENDATION_OPENED)
                .processInstanceId(pi.getId()).setVariables(TcProjectProcess.Vars.ROUND_ID.entry(7L))
                .setVariables(TcProjectProcess.Vars.ROUND_YEAR.entry(2026))
                .setVariables(TcProjectProcess.Vars.RECOMMENDATION_DUE_AT.entry(RECOMMENDATION_DUE)).correlate();
        runContinuation(pi);
    }

    /** The round's message, and the project's own job that does the work (the message only records itself). */
    private void correlate(String message, ProcessInstance pi) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(pi.getId()).correlate();
        if (!Messages.NOTICE_OPENED.equals(message)) {
            runContinuation(pi);
        }
    }

    private void runContinuation(ProcessInstance pi) {
        Job continuation = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(continuation).as("the project's work after the round's message is a job of its own")
                .isNotNull();
        execute(continuation);
    }

    /** The panel: the draw's job, the seats (here ending at once), the aggregate's job and the conclusion. */
    private void reviewByPanel(ProcessInstance pi) {
        assertThat(pi).isWaitingAt(Elements.DRAW_PANEL);
        execute(job(Elements.DRAW_PANEL, pi));
        leaveSeats(pi, 3);
        assertThat(pi).isWaitingAt(Elements.AGGREGATE_PANEL);
        Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(pi.getId()).processDefinitionKey(TcPanelProcesses.SEAT_KEY).count())
                .as("one seat instance per panel member").isEqualTo(3);
        execute(job(Elements.AGGREGATE_PANEL, pi));
    }

    /** Each seat's end is a job of its own (asyncAfter on the seats' loop). */
    private void leaveSeats(ProcessInstance pi, int seats) {
        List<Job> ends = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(Elements.PANEL_SEATS).list();
        Assertions.assertThat(ends).as("one job per seat ending").hasSize(seats);
        for (Job end : ends) {
            execute(end);
        }
    }

    private ProcessInstance projectAwaitingAwardDecision() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        reviewByPanel(pi);
        assertThat(pi).isWaitingAt(Elements.REVIEW_CLOSED);
        correlate(Messages.REVIEW_CLOSED, pi);
        return pi;
    }

    private ProcessInstance projectAfterNotice() {
        ProcessInstance pi = projectAwaitingAwardDecision();
        complete(task(Elements.DECIDE_AWARD, pi), withVariables("awardDecision", "PROPOSE", "proposedAmount", 420000));
        assertThat(pi).isWaitingAt(Elements.NOTICE_OPENED);
        correlate(Messages.NOTICE_OPENED, pi);
        assertThat(pi).isWaitingAt(Elements.NOTICE_CLOSED);
        correlate(Messages.NOTICE_CLOSED, pi);
        return pi;
    }

    @Test
    void shouldTakeProjectFromFilingToPerformanceFollowUp() {
        ProcessInstance pi = startProject("huanggang", "huangzhou", 25_000_000);

        assertThat(pi).hasPassed(Elements.REGISTER, Elements.DETERMINE_POOL_ENTRY, Elements.ENTER_POOL)
                .isWaitingAt(Elements.REPORT_COMPLETION)
                .variables().containsEntry("projectId", PROJECT_ID).containsEntry("poolLevel", "CITY")
                .containsEntry("progressCycle", "R/P1M").containsEntry("filedBy", "huanggang-ent-1")
                .containsEntry("bankName", "中国银行黄冈分行").doesNotContainKey("bankAccount");
        Assertions.assertThat(pi.getTenantId()).isEqualTo("huanggang");
        assertThat(task(Elements.REPORT_COMPLETION, pi)).hasCandidateUser("huanggang-ent-1")
                .hasCandidateGroup("huanggang-town-huangzhou");
        verify(filing).enterPool(PROJECT_ID, "CITY", "huanggang-ent-1");

        complete(task(Elements.REPORT_COMPLETION, pi), withVariables("completionDate", "2025-06-30"));
        assertThat(pi).isWaitingAt(Elements.RECOMMENDATION_OPENED);
        openRecommendation(pi);
        assertThat(task(Elements.RECOMMEND, pi)).hasCandidateGroup("huanggang-town-huangzhou").hasDueDate(RECOMMENDATION_DUE);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        when(panel.open(PROJECT_ID)).thenReturn(new PanelService.Opened(List.of(1, 2, 3, 4, 5), null));
        assertThat(pi).isWaitingAt(Elements.DRAW_PANEL);
        execute(job(Elements.DRAW_PANEL, pi));
        Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(pi.getId()).count()).as("a 25,000,000 project: 5 seats").isEqualTo(5);
        leaveSeats(pi, 5);
        execute(job(Elements.AGGREGATE_PANEL, pi));
        assertThat(pi).hasPassed(Elements.CONCLUDE_PANEL).hasNotPassed(Elements.REACH_CONSENSUS)
                .isWaitingAt(Elements.REVIEW_CLOSED);
        correlate(Messages.REVIEW_CLOSED, pi);
        assertThat(pi).hasPassed(Elements.QUOTE_AWARD).variables()
                .containsEntry("quoteNote", "按规则测算奖补金额 420,000.00 元");
        verify(awardCases).quote(PROJECT_ID);
        verify(rounds).quoted(7L, PROJECT_ID);
        assertThat(task(Elements.DECIDE_AWARD, pi)).hasCandidateGroup("huanggang-bureau");
        complete(task(Elements.DECIDE_AWARD, pi), withVariables("awardDecision", "PROPOSE", "proposedAmount", 500000));
        correlate(Messages.NOTICE_OPENED, pi);
        correlate(Messages.NOTICE_CLOSED, pi);
        assertThat(pi).hasPassed(Elements.CHECK_OBJECTIONS, Elements.OPEN_PAYMENT_ORDERS, Elements.TRACK_PAYMENT_ORDERS)
                .variables().containsEntry("paymentPhase", "ORDERS_DUE");
        assertThat(task(Elements.PREPARE_PAYMENT, pi)).hasCandidateGroup("huanggang-finance");
        String prepare = task(Elements.PREPARE_PAYMENT, pi).getId();
        Assertions.assertThat(engine.getTaskService().getVariableLocal(prepare, "payeeSummary"))
                .as("the payee from the app's records, masked").isEqualTo(PAYEE_SUMMARY);
        Assertions.assertThat(TcProjectProcess.Vars.PAYMENT_ORDER_SUMMARY.getLocal(engine.getTaskService(), prepare))
                .isEqualTo(ORDER_SUMMARY);
        complete(task(Elements.PREPARE_PAYMENT, pi), withVariables("paymentDate", "2026-01-05"));
        assertThat(task(Elements.APPROVE_PAYMENT, pi)).hasCandidateGroup("huanggang-finance");
        Assertions.assertThat(engine.getTaskService().getVariableLocal(task(Elements.APPROVE_PAYMENT, pi).getId(),
                "paymentOrderSummary")).isEqualTo("拨付单 #1 待审核,由 huanggang-finance 提交");
        complete(task(Elements.APPROVE_PAYMENT, pi), withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).variables().containsEntry("paymentPhase", "PAID").doesNotContainKeys("paymentDate", "approvalDecision");
        assertThat(task(Elements.RECORD_ACCEPTANCE, pi)).hasCandidateGroup("huanggang-town-huangzhou")
                .hasCandidateGroup("huanggang-bureau");
        Assertions.assertThat(engine.getTaskService().getVariableLocal(task(Elements.RECORD_ACCEPTANCE, pi).getId(),
                "paymentsSummary")).isEqualTo("已拨付 500,000.00 元");
        assertThat(pi).hasNotPassed(Elements.EXIT_POOL);
        complete(task(Elements.RECORD_ACCEPTANCE, pi), withVariables("acceptanceDate", "2026-01-20"));
        assertThat(pi).hasPassed(Elements.EXIT_POOL).hasNotPassed(Elements.SETTLE_AWARD, Elements.RECORD_RECOVERY);
        assertThat(pi).isWaitingAt(Elements.FOLLOW_UP);
        endFollowUp(pi);

        assertThat(pi).isEnded().hasPassed(Elements.PROJECT_CLOSED).hasNotPassed(Elements.PROJECT_REJECTED);
        verify(progress).reportCompletion(eq(PROJECT_ID), anyMap(), any());
        verify(recommendation).recommend(eq(PROJECT_ID), anyMap(), any());
        verify(panel).conclude(PROJECT_ID);
        verify(awards).decide(eq(PROJECT_ID), anyMap(), any());
        verify(noticeOutcome).settle(PROJECT_ID);
        verify(payment).openOrders(PROJECT_ID);
        verify(payment).prepare(eq(PROJECT_ID), anyMap(), any());
        verify(payment).approve(eq(PROJECT_ID), anyMap(), any());
        verify(acceptance).accept(eq(PROJECT_ID), anyMap(), any());
        verify(payment).exitPool(PROJECT_ID);
        verify(lifecycle, never()).closeRejected(anyLong());
    }

    @Test
    void shouldPutSmallHuanggangProjectInCountyPoolAndOthersInNoLevel() {
        ProcessInstance county = startProject("huanggang", "macheng", 19_999_999);
        assertThat(county).variables().containsEntry("poolLevel", "COUNTY");
        ProcessInstance hekou = startProject("hekou", "yihe", 30_000_000);
        assertThat(hekou).variables().containsEntry("poolLevel", null);
        Assertions.assertThat(hekou.getTenantId()).isEqualTo("hekou");
    }

    @Test
    void shouldAskForProgressReportEachCycleWhileBuilding() {
        ProcessInstance pi = startProject("hekou", "kfq", 9_000_000);
        execute(job(Elements.PROGRESS_REPORT_DUE, pi));
        assertThat(pi).isWaitingAt(Elements.REPORT_COMPLETION, Elements.REPORT_PROGRESS);
        assertThat(task(Elements.REPORT_PROGRESS, pi)).hasCandidateGroup("hekou-town-kfq");
        complete(task(Elements.REPORT_PROGRESS, pi), withVariables("completedInvestmentToDate", 3_000_000));
        assertThat(pi).hasPassed(Elements.PROGRESS_REPORTED).isWaitingAt(Elements.REPORT_COMPLETION);
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(Elements.PROGRESS_REPORT_DUE).count()).as("the cycle goes on").isEqualTo(1);
        verify(progress).reportProgress(eq(PROJECT_ID), anyMap(), any());
    }

    @Test
    void shouldRefuseCompletionReportTheServiceRejects() {
        ProcessInstance pi = startProject("hekou", "yihe", 9_000_000);
        doThrow(new ValidationException("actualTotalInvestment", "实际总投资不能为负数"))
                .when(progress).reportCompletion(anyLong(), anyMap(), any());
        String taskId = task(Elements.REPORT_COMPLETION, pi).getId();
        Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("actualTotalInvestment", -1)))
                .hasMessageContaining("实际总投资不能为负数").hasRootCauseInstanceOf(ValidationException.class);
        assertThat(pi).isWaitingAt(Elements.REPORT_COMPLETION);
        Assertions.assertThat(engine.getRuntimeService().getVariable(pi.getId(), "actualTotalInvestment"))
                .as("the refused value is not stored").isNull();
    }

    @Test
    void shouldEndRejectedWhenTownDoesNotRecommend() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "REJECT"));
        assertThat(pi).isEnded().hasPassed(Elements.REJECTED, Elements.CLOSE_REJECTED, Elements.PROJECT_REJECTED)
                .hasNotPassed(Elements.DRAW_PANEL);
        verify(lifecycle).closeRejected(PROJECT_ID);
    }

    @Test
    void shouldReturnToPoolWhenRecommendationClosesBeforeTheTownActs() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        correlate(Messages.RECOMMENDATION_CLOSED, pi);
        assertThat(pi).hasPassed(Elements.RECOMMENDATION_CLOSED, Elements.RETURN_TO_POOL)
                .isWaitingAt(Elements.RECOMMENDATION_OPENED);
        verify(recommendation).notRecommendedInTime(PROJECT_ID);

        openRecommendation(pi);
        assertThat(pi).isWaitingAt(Elements.RECOMMEND);
    }

    @Test
    void shouldKeepTheRoundsMessageAndRetryOnlyTheQuoteWhenItFails() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        reviewByPanel(pi);
        when(awardCases.quote(PROJECT_ID)).thenThrow(new IllegalStateException("奖补规则表暂时不可用"))
                .thenReturn("按规则测算奖补金额 420,000.00 元");

        engine.getRuntimeService().createMessageCorrelation(Messages.REVIEW_CLOSED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).as("the message is stored; the round's step does not wait for the quote")
                .hasPassed(Elements.REVIEW_CLOSED).hasNotPassed(Elements.QUOTE_AWARD);
        Job quote = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(quote.getId()))
                .hasMessageContaining("奖补规则表暂时不可用");
        Job retried = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(retried.getRetries()).as("R3/PT5M: retried with back-off").isEqualTo(2);
        Assertions.assertThat(retried.getDuedate()).isAfter(new java.util.Date());
        verify(rounds, never()).quoted(anyLong(), anyLong());

        execute(retried);
        assertThat(pi).hasPassed(Elements.QUOTE_AWARD).isWaitingAt(Elements.DECIDE_AWARD);
        verify(panel).conclude(PROJECT_ID);
        verify(rounds).quoted(7L, PROJECT_ID);
    }

    @Test
    void shouldEndRejectedWhenReviewFails() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        when(panel.conclude(PROJECT_ID)).thenReturn(new PanelService.Conclusion(ReviewService.FAIL, "未通过评审"));
        reviewByPanel(pi);
        assertThat(pi).isEnded().hasPassed(Elements.PROJECT_REJECTED).hasNotPassed(Elements.DECIDE_AWARD);
        verify(lifecycle).closeRejected(PROJECT_ID);
    }

    @Test
    void shouldAskTheBureauToCompleteThePoolAndDrawAgainWhenItIsShort() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        when(panel.open(PROJECT_ID)).thenReturn(new PanelService.Opened(List.of(), "回避后可抽取的专家不足"))
                .thenReturn(new PanelService.Opened(List.of(1, 2, 3), null));
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        execute(job(Elements.DRAW_PANEL, pi));
        assertThat(pi).isWaitingAt(Elements.RESOLVE_PANEL_SHORTAGE).variables()
                .containsEntry("panelShortage", "回避后可抽取的专家不足");
        assertThat(task(Elements.RESOLVE_PANEL_SHORTAGE, pi)).hasCandidateGroup("hekou-bureau");
        complete(task(Elements.RESOLVE_PANEL_SHORTAGE, pi), withVariables("drawReason", "已增补两名第三方机构成员"));
        verify(panel).shortageResolved(eq(PROJECT_ID), anyMap(), any());
        reviewByPanel(pi);
        assertThat(pi).isWaitingAt(Elements.REVIEW_CLOSED);
    }

    @Test
    void shouldGiveThePanelLeadAConsensusTaskWhenScoresLieFarApart() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        when(panel.aggregate(PROJECT_ID)).thenReturn(new PanelService.Aggregated(true, "hekou-expert-3", "分差 35"));
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        reviewByPanel(pi);
        assertThat(pi).isWaitingAt(Elements.REACH_CONSENSUS);
        assertThat(task(Elements.REACH_CONSENSUS, pi)).isAssignedTo("hekou-expert-3");
        Assertions.assertThat(engine.getTaskService().getVariableLocal(task(Elements.REACH_CONSENSUS, pi).getId(),
                "panelSummary")).as("the members' totals for the lead's task only").isEqualTo("分差 35");
        complete(task(Elements.REACH_CONSENSUS, pi), withVariables("agreedScore", 80, "agreedReason", "合议一致"));
        verify(panel).agree(eq(PROJECT_ID), anyMap(), any());
        assertThat(pi).hasPassed(Elements.CONCLUDE_PANEL).isWaitingAt(Elements.REVIEW_CLOSED);
    }

    @Test
    void shouldEndRejectedWhenBureauDoesNotPropose() {
        ProcessInstance pi = projectAwaitingAwardDecision();
        complete(task(Elements.DECIDE_AWARD, pi), withVariables("awardDecision", "REJECT"));
        assertThat(pi).isEnded().hasPassed(Elements.PROJECT_REJECTED).hasNotPassed(Elements.NOTICE_OPENED);
    }

    @Test
    void shouldEndRejectedWhenObjectionUpheld() {
        when(noticeOutcome.settle(PROJECT_ID)).thenReturn(Standing.UPHELD);
        ProcessInstance pi = projectAfterNotice();
        assertThat(pi).isEnded().hasPassed(Elements.PROJECT_REJECTED).hasNotPassed(Elements.OPEN_PAYMENT_ORDERS);
        verify(payment, never()).openOrders(anyLong());
        verify(payment, never()).prepare(anyLong(), anyMap(), any());
    }

    @Test
    void shouldHandTheProjectToItsFollowUpOnceItLeftThePool() {
        when(noticeOutcome.settle(PROJECT_ID)).thenReturn(Standing.DISMISSED);
        ProcessInstance pi = projectAfterNotice();
        payOneOrderAndAccept(pi);
        assertThat(pi).hasPassed(Elements.EXIT_POOL).isWaitingAt(Elements.FOLLOW_UP).hasNotPassed(Elements.PROJECT_CLOSED);
        ProcessInstance followUp = calledFollowUp(pi);
        assertThat(followUp).variables().containsEntry(TcProjectProcess.Vars.PROJECT_ID.name(), PROJECT_ID);
        Assertions.assertThat(followUp.getTenantId()).isEqualTo("hekou");
        endFollowUp(pi);
        assertThat(pi).isEnded().hasPassed(Elements.PROJECT_CLOSED);
    }

    private ProcessInstance calledFollowUp(ProcessInstance pi) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    }

    private void endFollowUp(ProcessInstance pi) {
        complete(task(FOLLOW_UP_STUB, calledFollowUp(pi)));
    }

    private void payOneOrderAndAccept(ProcessInstance pi) {
        complete(task(Elements.PREPARE_PAYMENT, pi));
        complete(task(Elements.APPROVE_PAYMENT, pi), withVariables("approvalDecision", "APPROVE"));
        complete(task(Elements.RECORD_ACCEPTANCE, pi));
        assertThat(pi).hasPassed(Elements.EXIT_POOL);
    }

    @Test
    void shouldPrepareAndApproveEachOrderInTurnUntilEveryOrderIsPaid() {
        when(payment.progress(PROJECT_ID)).thenReturn(progress(PaymentPhase.ORDERS_DUE), progress(PaymentPhase.ORDERS_DUE),
                progress(PaymentPhase.ORDERS_DUE), progress(PaymentPhase.PAID));
        ProcessInstance pi = projectAfterNotice();
        // Two orders (e.g. two funds share the award); the first approval is returned and prepared again.
        for (String decision : List.of("RETURN", "APPROVE", "APPROVE")) {
            assertThat(pi).isWaitingAt(Elements.PREPARE_PAYMENT);
            Assertions.assertThat(engine.getRuntimeService().getVariable(pi.getId(), "paymentDate"))
                    .as("each order's form starts empty").isNull();
            complete(task(Elements.PREPARE_PAYMENT, pi), withVariables("paymentDate", "2026-01-05", "paymentNote", "按公示拨付"));
            assertThat(pi).isWaitingAt(Elements.APPROVE_PAYMENT);
            complete(task(Elements.APPROVE_PAYMENT, pi), withVariables("approvalDecision", decision, "approvalNote", "核对"));
        }
        assertThat(pi).isWaitingAt(Elements.RECORD_ACCEPTANCE).variables().doesNotContainKeys("approvalDecision",
                "approvalNote", "paymentNote");
        verify(payment, org.mockito.Mockito.times(3)).prepare(eq(PROJECT_ID), anyMap(), any());
        verify(payment, org.mockito.Mockito.times(3)).approve(eq(PROJECT_ID), anyMap(), any());
        verify(payment).openOrders(PROJECT_ID);
    }

    @Test
    void shouldKeepTheApprovalTaskWhenTheServiceRefusesThePreparersOwnApproval() {
        ProcessInstance pi = projectAfterNotice();
        complete(task(Elements.PREPARE_PAYMENT, pi));
        doThrow(new ValidationException("approvalDecision", "四眼原则:提交人不能审核本人的拨付申请"))
                .when(payment).approve(anyLong(), anyMap(), any());
        String approve = task(Elements.APPROVE_PAYMENT, pi).getId();
        Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(approve, Map.of("approvalDecision", "APPROVE")))
                .hasMessageContaining("提交人不能审核本人的拨付申请").hasRootCauseInstanceOf(ValidationException.class);
        assertThat(pi).isWaitingAt(Elements.APPROVE_PAYMENT).hasNotPassed(Elements.RECORD_ACCEPTANCE);
        Assertions.assertThat(engine.getRuntimeService().getVariable(pi.getId(), "approvalDecision"))
                .as("the refused decision is not stored").isNull();
    }

    @Test
    void shouldWaitForTheSettlementDayAfterTheAdvanceThenSettleAndRecoverTheExcess() {
        java.time.LocalDate due = java.time.LocalDate.of(2027, 1, 15);
        when(payment.progress(PROJECT_ID)).thenReturn(progress(PaymentPhase.ORDERS_DUE),
                new PaymentService.Progress(PaymentPhase.SETTLEMENT_DUE, due), progress(PaymentPhase.RECOVERY_DUE),
                progress(PaymentPhase.RECOVERY_DUE), progress(PaymentPhase.PAID));
        ProcessInstance pi = projectAfterNotice();
        complete(task(Elements.PREPARE_PAYMENT, pi));
        complete(task(Elements.APPROVE_PAYMENT, pi), withVariables("approvalDecision", "APPROVE"));

        // The advance is paid: the year-end settlement waits for the day the table gave, a timer of that date.
        assertThat(pi).isWaitingAt(Elements.SETTLEMENT_DUE);
        Job timer = job(Elements.SETTLEMENT_DUE, pi);
        Assertions.assertThat(timer.getDuedate().toInstant())
                .isEqualTo(due.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        execute(timer);
        assertThat(task(Elements.SETTLE_AWARD, pi)).hasCandidateGroup("hekou-bureau");
        Assertions.assertThat(engine.getTaskService().getVariableLocal(task(Elements.SETTLE_AWARD, pi).getId(),
                "settlementSummary")).isEqualTo("核定奖补 500,000.00 元,已先期预拨 250,000.00 元");
        complete(task(Elements.SETTLE_AWARD, pi), withVariables("settledAmount", 200_000, "settlementBasis", "年度实际投资"));

        // The advance exceeded the settled award: a recovery, repaid in two parts, then acceptance.
        for (int part = 0; part < 2; part++) {
            assertThat(task(Elements.RECORD_RECOVERY, pi)).hasCandidateGroup("hekou-finance");
            Assertions.assertThat(engine.getTaskService().getVariableLocal(task(Elements.RECORD_RECOVERY, pi).getId(),
                    "recoverySummary")).isEqualTo("追回单 #1 尚欠 50,000.00 元");
            complete(task(Elements.RECORD_RECOVERY, pi), withVariables("recoveredAmount", 25_000, "recoveryDate", "2027-02-01"));
        }
        assertThat(task(Elements.RECORD_ACCEPTANCE, pi)).hasCandidateGroup("hekou-town-yihe").hasCandidateGroup("hekou-bureau");
        complete(task(Elements.RECORD_ACCEPTANCE, pi));
        assertThat(pi).hasPassed(Elements.EXIT_POOL).isWaitingAt(Elements.FOLLOW_UP)
                .variables().doesNotContainKeys("settledAmount", "settlementBasis", "recoveredAmount", "recoveryDate");
        verify(payment).settle(eq(PROJECT_ID), anyMap(), any());
        verify(payment, org.mockito.Mockito.times(2)).recordRepayment(eq(PROJECT_ID), anyMap(), any());
        verify(acceptance).accept(eq(PROJECT_ID), anyMap(), any());
    }

    @Test
    void shouldGoStraightToAcceptanceWhenTheSettlementNeedsNoFurtherOrder() {
        when(payment.progress(PROJECT_ID)).thenReturn(progress(PaymentPhase.ORDERS_DUE),
                new PaymentService.Progress(PaymentPhase.SETTLEMENT_DUE, java.time.LocalDate.of(2027, 1, 15)),
                progress(PaymentPhase.ORDERS_DUE), progress(PaymentPhase.PAID));
        ProcessInstance pi = projectAfterNotice();
        complete(task(Elements.PREPARE_PAYMENT, pi));
        complete(task(Elements.APPROVE_PAYMENT, pi), withVariables("approvalDecision", "APPROVE"));
        execute(job(Elements.SETTLEMENT_DUE, pi));
        complete(task(Elements.SETTLE_AWARD, pi), withVariables("settledAmount", 500_000, "settlementBasis", "年度实际投资"));
        // The settlement ordered the rest: prepared and approved like any order.
        complete(task(Elements.PREPARE_PAYMENT, pi));
        complete(task(Elements.APPROVE_PAYMENT, pi), withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isWaitingAt(Elements.RECORD_ACCEPTANCE).hasNotPassed(Elements.RECORD_RECOVERY);
    }

    /** The enterprise's correction task in the project's called tc-correction instance. */
    private org.camunda.bpm.engine.task.Task correctionTask(ProcessInstance pi) {
        ProcessInstance child = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(pi.getId()).processDefinitionKey(TcCorrectionProcess.KEY).singleResult();
        Assertions.assertThat(child).as("the project is out for correction").isNotNull();
        return engine.getTaskService().createTaskQuery().processInstanceId(child.getId())
                .taskDefinitionKey(TcCorrectionProcess.Elements.CORRECT_PROJECT).singleResult();
    }

    private void correctAsEnterprise(ProcessInstance pi) {
        when(corrections.latestOutcome(PROJECT_ID)).thenReturn(Revision.CORRECTED);
        org.camunda.bpm.engine.task.Task t = correctionTask(pi);
        assertCorrectionCarriesOnlyItsOwn(t);
        assertThat(t).isAssignedTo("hekou-ent-1");
        engine.getIdentityService().setAuthentication("hekou-ent-1", List.of("hekou-enterprise"), List.of("hekou"));
        try {
            complete(t, withVariables("actualTotalInvestment", 8_800_000, "correctionNote", "已按验收报告更正"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Variables the filing and the earlier stages leave in tc-project that no called process reads. */
    private static final List<String> NOT_FOR_CHILDREN = List.of("creditCode", "bankName", "contactEmail",
            "loanContractNo", "filedBy", "unitCode", "poolLevel", "recommendationDecision", "correctionPoints");

    /** The enterprise's file beside what the filing form of {@link #startProject} gives. */
    private void addEnterpriseFile(ProcessInstance pi) {
        engine.getRuntimeService().setVariable(pi.getId(), "creditCode", "91370500MA3C00001X");
        engine.getRuntimeService().setVariable(pi.getId(), "contactEmail", "cfo@example.cn");
        engine.getRuntimeService().setVariable(pi.getId(), "loanContractNo", "JK-2025-001");
    }

    /**
     * tc-correction gets the project's id and card names from tc-project; Task_OpenCorrection adds the assignee, the
     * deadline and the correctable fields from the project. Nothing of the filing beyond that reaches the enterprise's
     * task (its own file aside, it is the same user, but the history of the call keeps only what it reads).
     */
    private void assertCorrectionCarriesOnlyItsOwn(org.camunda.bpm.engine.task.Task t) {
        java.util.Set<String> expected = new java.util.HashSet<>(List.of("projectId", "enterpriseName", "roundYear",
                TcCorrectionProcess.Vars.ASSIGNEE.name(), TcCorrectionProcess.Vars.DUE_AT.name(),
                cn.tcsubsidy.correction.domain.CorrectableFields.FORM_PROJECT_NAME));
        expected.addAll(TcCorrectionProcess.Vars.FIELDS);
        Assertions.assertThat(engine.getRuntimeService().getVariables(t.getProcessInstanceId()).keySet())
                .as("the correction instance's variables").containsExactlyInAnyOrderElementsOf(expected);
        Assertions.assertThat(TcProjectProcess.Vars.PROJECT_ID.get(engine.getRuntimeService(), t.getProcessInstanceId()))
                .isEqualTo(PROJECT_ID);
    }

    @Test
    void shouldPassEachPanelSeatOnlyWhatTheSeatAndItsTurnReadNotTheEnterprisesFile() {
        ProcessInstance pi = projectAwaitingRound();
        addEnterpriseFile(pi);
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND",
                "recommendationOpinion", "同意推荐"));
        execute(job(Elements.DRAW_PANEL, pi));

        List<org.camunda.bpm.engine.history.HistoricProcessInstance> seats = engine.getHistoryService()
                .createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey(TcPanelProcesses.SEAT_KEY).list();
        Assertions.assertThat(seats).hasSize(3);
        List<Object> seatNumbers = new java.util.ArrayList<>();
        for (org.camunda.bpm.engine.history.HistoricProcessInstance seat : seats) {
            Map<String, Object> passed = new HashMap<>();
            engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(seat.getId()).list()
                    .forEach(v -> passed.put(v.getName(), v.getValue()));
            Assertions.assertThat(passed).as("what a seat and its member's turn read, and nothing else")
                    .containsOnlyKeys("projectId", "enterpriseName", "projectName", "roundYear", "jurisdiction",
                            "category", "plannedTotalInvestment", "actualTotalInvestment", "actualEquipmentInvestment",
                            "actualRdInvestment", TcPanelProcesses.Vars.PANEL_SEAT.name())
                    .containsEntry("projectId", PROJECT_ID).containsEntry("enterpriseName", "测试企业")
                    .containsEntry("jurisdiction", "hekou").containsEntry("roundYear", 2026);
            Assertions.assertThat(passed).as("the enterprise's file stays in tc-project")
                    .doesNotContainKeys(NOT_FOR_CHILDREN.toArray(String[]::new))
                    .doesNotContainKeys("bankAccount", "recommendationOpinion", "loopCounter", "nrOfInstances");
            seatNumbers.add(passed.get(TcPanelProcesses.Vars.PANEL_SEAT.name()));
        }
        Assertions.assertThat(seatNumbers).as("one seat each (the loop counter + 1)").containsExactlyInAnyOrder(1L, 2L, 3L);
        Assertions.assertThat(engine.getRuntimeService().getVariables(pi.getId()))
                .as("tc-project keeps its own").containsKeys("creditCode", "bankName", "contactEmail");
    }

    @Test
    void shouldPassTheFollowUpOnlyWhatItAndItsReportReadNotTheEnterprisesFile() {
        ProcessInstance pi = projectAwaitingAwardDecision();
        addEnterpriseFile(pi);
        complete(task(Elements.DECIDE_AWARD, pi), withVariables("awardDecision", "PROPOSE", "proposedAmount", 420000));
        correlate(Messages.NOTICE_OPENED, pi);
        correlate(Messages.NOTICE_CLOSED, pi);
        payOneOrderAndAccept(pi);
        ProcessInstance followUp = calledFollowUp(pi);

        Assertions.assertThat(engine.getRuntimeService().getVariables(followUp.getId()))
                .as("what tc-follow-up and its report read, and nothing else")
                .containsOnlyKeys("projectId", "enterpriseName", "projectName", "roundYear", "jurisdiction", "category",
                        "plannedTotalInvestment", "proposedAmount")
                .containsEntry("projectId", PROJECT_ID).containsEntry("proposedAmount", 420000)
                .containsEntry("plannedTotalInvestment", 9_000_000L);
        Assertions.assertThat(engine.getRuntimeService().getVariables(pi.getId()))
                .as("tc-project keeps its own").containsKeys("creditCode", "bankName", "awardDecision");
    }

    @Test
    void shouldReturnToTheTownWithTheCorrectedValuesWhenTheEnterpriseCorrectsInTime() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", RecommendationService.CORRECT,
                "correctionPoints", "竣工日期与验收报告不符"));
        assertThat(pi).isWaitingAt(Elements.RECOMMENDATION_CORRECTION).hasNotPassed(Elements.DRAW_PANEL,
                Elements.REJECTED);

        correctAsEnterprise(pi);

        assertThat(pi).hasPassed(Elements.RECOMMENDATION_CORRECTED).isWaitingAt(Elements.RECOMMEND).variables()
                .containsEntry("projectName", "技改项目(补正)").containsEntry("actualTotalInvestment", 8800000.0);
        verify(corrections).correct(eq(PROJECT_ID), anyMap(), any());
        assertThat(task(Elements.RECOMMEND, pi)).hasCandidateGroup("hekou-town-yihe");
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        assertThat(pi).isWaitingAt(Elements.DRAW_PANEL);
        verify(recommendation, org.mockito.Mockito.times(2)).recommend(eq(PROJECT_ID), anyMap(), any());
    }

    @Test
    void shouldRejectTheProjectWhenTheEnterpriseMissesTheCorrectionDeadline() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", RecommendationService.CORRECT,
                "correctionPoints", "竣工日期与验收报告不符"));
        ProcessInstance child = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(pi.getId()).singleResult();

        execute(engine.getManagementService().createJobQuery().processInstanceId(child.getId())
                .activityId(TcCorrectionProcess.Elements.CORRECTION_DEADLINE).singleResult());

        verify(corrections).expire(PROJECT_ID);
        assertThat(pi).isEnded().hasPassed(Elements.RECOMMENDATION_CORRECTED, Elements.REJECTED,
                Elements.CLOSE_REJECTED, Elements.PROJECT_REJECTED).hasNotPassed(Elements.DRAW_PANEL);
        verify(lifecycle).closeRejected(PROJECT_ID);
    }

    @Test
    void shouldHoldPaymentWhileAnObjectionIsOpenAndPayOnceItIsDismissed() {
        when(noticeOutcome.settle(PROJECT_ID)).thenReturn(Standing.OPEN, Standing.DISMISSED);
        ProcessInstance pi = projectAfterNotice();
        assertThat(pi).hasPassed(Elements.CHECK_OBJECTIONS).isWaitingAt(Elements.OBJECTIONS_SETTLED)
                .hasNotPassed(Elements.OPEN_PAYMENT_ORDERS);
        verify(payment, never()).openOrders(anyLong());
        engine.getRuntimeService().createMessageCorrelation(Messages.OBJECTIONS_SETTLED).processInstanceId(pi.getId())
                .correlate();
        runContinuation(pi);
        assertThat(pi).hasPassed(Elements.OPEN_PAYMENT_ORDERS).isWaitingAt(Elements.PREPARE_PAYMENT)
                .variables().containsEntry("objectionsOpen", false).containsEntry("objectionUpheld", false);
        verify(noticeOutcome, org.mockito.Mockito.times(2)).settle(PROJECT_ID);
    }

    @Test
    void shouldEndRejectedWhenTheOpenObjectionIsUpheld() {
        when(noticeOutcome.settle(PROJECT_ID)).thenReturn(Standing.OPEN, Standing.UPHELD);
        ProcessInstance pi = projectAfterNotice();
        engine.getRuntimeService().createMessageCorrelation(Messages.OBJECTIONS_SETTLED).processInstanceId(pi.getId())
                .correlate();
        runContinuation(pi);
        assertThat(pi).isEnded().hasPassed(Elements.PROJECT_REJECTED).hasNotPassed(Elements.OPEN_PAYMENT_ORDERS);
        verify(lifecycle).closeRejected(PROJECT_ID);
    }

    @Test
    void shouldReturnToThePoolWhenRecommendationClosesWhileTheEnterpriseCorrects() {
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", RecommendationService.CORRECT,
                "correctionPoints", "补充手续"));
        org.camunda.bpm.engine.task.Task t = correctionTask(pi);

        correlate(Messages.RECOMMENDATION_CLOSED, pi);

        assertThat(pi).hasPassed(Elements.RECOMMENDATION_CLOSED_IN_CORRECTION, Elements.RETURN_TO_POOL)
                .isWaitingAt(Elements.RECOMMENDATION_OPENED);
        Assertions.assertThat(engine.getTaskService().createTaskQuery().taskId(t.getId()).count())
                .as("the enterprise's task is gone with the round's deadline").isZero();
        verify(recommendation).notRecommendedInTime(PROJECT_ID);
        verify(rounds).answered(7L, cn.tcsubsidy.round.domain.RoundStepAnswers.RECOMMENDATION_CLOSED, PROJECT_ID);
    }

    @Test
    void shouldQuoteAgainFromTheCorrectedFiguresBeforeTheBureauDecidesAgain() {
        ProcessInstance pi = projectAwaitingAwardDecision();
        when(awardCases.requote(PROJECT_ID)).thenReturn("按规则测算奖补金额 300,000.00 元");
        when(awardCases.eligibleQuote(PROJECT_ID)).thenReturn(new java.math.BigDecimal("300000.00"));
        complete(task(Elements.DECIDE_AWARD, pi), withVariables("awardDecision", AwardDecisionService.CORRECT,
                "correctionPoints", "设备发票与清单不符"));
        assertThat(pi).isWaitingAt(Elements.AWARD_CORRECTION).hasNotPassed(Elements.NOTICE_OPENED);

        correctAsEnterprise(pi);

        assertThat(pi).hasPassed(Elements.AWARD_CORRECTED, Elements.REQUOTE_AWARD).isWaitingAt(Elements.DECIDE_AWARD)
                .variables().containsEntry("quoteNote", "按规则测算奖补金额 300,000.00 元")
                .containsEntry("proposedAmount", 300000.0);
        verify(awardCases).requote(PROJECT_ID);
        verify(rounds, org.mockito.Mockito.times(1)).quoted(7L, PROJECT_ID);
        complete(task(Elements.DECIDE_AWARD, pi), withVariables("awardDecision", "PROPOSE", "proposedAmount", 300000));
        assertThat(pi).isWaitingAt(Elements.NOTICE_OPENED);
    }

    @Test
    void shouldRejectAtTheAwardDecisionWhenTheCorrectionDeadlinePasses() {
        ProcessInstance pi = projectAwaitingAwardDecision();
        complete(task(Elements.DECIDE_AWARD, pi), withVariables("awardDecision", AwardDecisionService.CORRECT,
                "correctionPoints", "设备发票与清单不符"));
        ProcessInstance child = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(pi.getId()).processDefinitionKey(TcCorrectionProcess.KEY).singleResult();

        execute(engine.getManagementService().createJobQuery().processInstanceId(child.getId())
                .activityId(TcCorrectionProcess.Elements.CORRECTION_DEADLINE).singleResult());

        assertThat(pi).isEnded().hasPassed(Elements.AWARD_CORRECTED, Elements.CLOSE_REJECTED)
                .hasNotPassed(Elements.REQUOTE_AWARD, Elements.NOTICE_OPENED);
        verify(corrections).expire(PROJECT_ID);
    }

    @Test
    void shouldReturnToThePanelLeadAfterACorrectionTheReviewersAskedFor() {
        when(panel.conclude(PROJECT_ID)).thenReturn(
                new PanelService.Conclusion(PanelService.CORRECT, "评审小组成员提出企业可补正的问题"),
                new PanelService.Conclusion(ReviewService.PASS, "复核得分 86"));
        when(corrections.of(PROJECT_ID)).thenReturn(List.of(new Revision(1, PROJECT_ID,
                cn.tcsubsidy.project.domain.Stage.EXPERT_REVIEW, "system", CORRECTION_DEADLINE.minusDays(7),
                "评审意见 1:设备清单缺发票号", 5, CORRECTION_DEADLINE, Map.of("projectName", "技改项目"),
                Map.of("projectName", "技改项目(补正)"), "补齐发票号", "hekou-ent-1", CORRECTION_DEADLINE.minusDays(2),
                Revision.CORRECTED, null)));
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        reviewByPanel(pi);
        assertThat(pi).isWaitingAt(Elements.REVIEW_CORRECTION_CALL).hasNotPassed(Elements.REVIEW_CLOSED);

        correctAsEnterprise(pi);

        assertThat(pi).hasPassed(Elements.REVIEW_CORRECTED).isWaitingAt(Elements.REVIEW_CORRECTION);
        org.camunda.bpm.engine.task.Task review = task(Elements.REVIEW_CORRECTION, pi);
        assertThat(review).isAssignedTo("hekou-expert-1");
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(review.getId()))
                .containsEntry(TcCorrectionProcess.Vars.POINTS.name(), "评审意见 1:设备清单缺发票号")
                .containsEntry(TcCorrectionProcess.Vars.CHANGES.name(), "项目名称:技改项目 → 技改项目(补正);企业说明:补齐发票号");
        complete(review, withVariables("agreedScore", 86, "agreedReason", "补正后材料齐全"));

        verify(panel).reviewCorrection(eq(PROJECT_ID), anyMap(), any());
        verify(panel, org.mockito.Mockito.times(2)).conclude(PROJECT_ID);
        assertThat(pi).isWaitingAt(Elements.REVIEW_CLOSED);
    }

    @Test
    void shouldRejectAtReviewWhenTheCorrectionDeadlinePasses() {
        when(panel.conclude(PROJECT_ID)).thenReturn(new PanelService.Conclusion(PanelService.CORRECT, "退回补正"));
        ProcessInstance pi = projectAwaitingRound();
        openRecommendation(pi);
        complete(task(Elements.RECOMMEND, pi), withVariables("recommendationDecision", "RECOMMEND"));
        reviewByPanel(pi);
        ProcessInstance child = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(pi.getId()).processDefinitionKey(TcCorrectionProcess.KEY).singleResult();

        execute(engine.getManagementService().createJobQuery().processInstanceId(child.getId())
                .activityId(TcCorrectionProcess.Elements.CORRECTION_DEADLINE).singleResult());

        assertThat(pi).isEnded().hasPassed(Elements.REVIEW_CORRECTED, Elements.CLOSE_REJECTED)
                .hasNotPassed(Elements.REVIEW_CORRECTION, Elements.REVIEW_CLOSED);
        verify(corrections).expire(PROJECT_ID);
    }

    @Test
    void shouldNoticeAProjectAddedAfterAnUpheldObjectionOnItsOwnAndThenPayIt() {
        java.util.Date endsAt = java.util.Date.from(java.time.LocalDate.of(2027, 3, 9)
                .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceByKey("tc-project")
                .startBeforeActivity(Elements.SUPPLEMENT_NOTICE_OVER)
                .setVariables(TcProjectProcess.Vars.PROJECT_ID.entry(PROJECT_ID)).setVariable("jurisdiction", "hekou")
                .setVariables(TcProjectProcess.Vars.SUPPLEMENT_NOTICE_ENDS_AT.entry(endsAt)).execute();
        assertThat(pi).isWaitingAt(Elements.SUPPLEMENT_NOTICE_OVER);
        Job timer = job(Elements.SUPPLEMENT_NOTICE_OVER, pi);
        Assertions.assertThat(timer.getDuedate()).isEqualTo(endsAt);
        execute(timer);
        verify(supplements).closeNotice(PROJECT_ID);
        assertThat(pi).hasPassed(Elements.CLOSE_SUPPLEMENT_NOTICE, Elements.CHECK_OBJECTIONS, Elements.OPEN_PAYMENT_ORDERS)
                .isWaitingAt(Elements.PREPARE_PAYMENT);
    }
}

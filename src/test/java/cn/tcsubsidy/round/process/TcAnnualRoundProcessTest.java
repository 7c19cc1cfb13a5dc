package cn.tcsubsidy.round.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.award.domain.BudgetLineService;
import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.TaskSubmissionListener;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.process.ProjectProcessFacade;
import cn.tcsubsidy.round.domain.RoundCalendar;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess.Elements;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess.Opener;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
 * Every path of tc-annual-round and tc-round-opener, with the real round steps and a mocked round service and project
 * facade; the calendar is Hekou's real table.
 */
class TcAnnualRoundProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-round-test"))
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final long ROUND_ID = 5L;
    private static final String TENANT = "hekou";

    ProcessEngine engine;
    RoundService rounds = mock(RoundService.class);
    ProjectProcessFacade projects = mock(ProjectProcessFacade.class);
    BudgetLineService budgetLine = mock(BudgetLineService.class);
    List<Project> two = List.of(project(1), project(2));

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        // Several test engines live in one JVM: bind the assertions to this class's engine.
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcAnnualRoundProcess.KEY).count() == 0) {
            ProcessTestEngine.deploy(engine, TENANT, "processes/tc-annual-round.bpmn", "processes/tc-round-opener.bpmn",
                    "dmn/hekou/hekou-pipeline.dmn");
        }
        when(rounds.roundYear(anyMap())).thenReturn(2026);
        when(rounds.open(eq(TENANT), eq(2026), any(), any(), any())).thenReturn(ROUND_ID);
        when(rounds.gather(ROUND_ID)).thenReturn(two);
        when(rounds.closeRecommendation(ROUND_ID)).thenReturn(List.of());
        when(rounds.inReview(ROUND_ID)).thenReturn(2);
        when(rounds.concludeReview(ROUND_ID)).thenReturn(two);
        when(rounds.rankAgainstBudget(ROUND_ID)).thenReturn(Map.of(1L, "预算排序第 1 名,在预算线内"));
        when(rounds.openNotice(eq(ROUND_ID), anyInt())).thenReturn(
                new RoundService.NoticePeriod(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 11), two));
        when(rounds.closeNotice(ROUND_ID)).thenReturn(two);

        RoundSteps steps = new RoundSteps();
        Actors actors = new Actors(engine.getIdentityService());
        Mocks.register("startAnnualRoundDelegate", steps.startAnnualRoundDelegate(rounds));
        Mocks.register("prepareRoundDelegate", steps.prepareRoundDelegate(rounds));
        Mocks.register("openRoundDelegate", steps.openRoundDelegate(rounds, actors));
        Mocks.register("gatherProjectsDelegate", steps.gatherProjectsDelegate(rounds, projects));
        Mocks.register("closeRecommendationDelegate", steps.closeRecommendationDelegate(rounds, projects));
        Mocks.register("concludeReviewDelegate", steps.concludeReviewDelegate(rounds, projects));
        Mocks.register("rankAgainstBudgetDelegate", steps.rankAgainstBudgetDelegate(rounds, projects));
        Mocks.register("openNoticeDelegate", steps.openNoticeDelegate(rounds, projects));
        Mocks.register("closeNoticeDelegate", steps.closeNoticeDelegate(rounds, projects));
        Mocks.register("roundEndedListener", steps.roundEndedListener(rounds));
        Mocks.register("proposedListTaskListener", steps.proposedListTaskListener(budgetLine));
        when(budgetLine.board(ROUND_ID)).thenReturn(new BudgetLineService.Board(ROUND_ID, TENANT, 2026, "LIST_DECISION",
                java.time.LocalDateTime.of(2026, 12, 1, 9, 0), List.of(), List.of(), List.of()));
        Mocks.register("taskSubmissionListener", new TaskSubmissionListener(List.of(
                steps.closeRecommendationHandler(rounds), steps.closeReviewHandler(rounds),
                steps.awaitQuotesHandler(rounds), steps.decideProposedListHandler(rounds)), actors));
        when(rounds.awaitingDecision(ROUND_ID)).thenReturn(two);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** A round started and its opening job run. */
    private ProcessInstance startRound() {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceByKey(TcAnnualRoundProcess.KEY)
                .processDefinitionTenantId(TENANT).setVariables(TcAnnualRoundProcess.Vars.ROUND_YEAR.entry(2026))
                .execute();
        execute(job(pi));
        return pi;
    }

    @Test
    void shouldRegisterTheRoundInTheStartAndGatherTheProjectsInTheRoundsOwnJob() {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceByKey(TcAnnualRoundProcess.KEY)
                .processDefinitionTenantId(TENANT).setVariables(TcAnnualRoundProcess.Vars.ROUND_YEAR.entry(2026))
                .execute();
        assertThat(pi).as("the start registered the round and stopped at the save point")
                .hasPassed(Elements.PREPARE_ROUND, Elements.LOAD_CALENDAR, Elements.OPEN_ROUND)
                .isWaitingAt(Elements.GATHER_PROJECTS).variables().containsEntry("roundId", ROUND_ID);
        verify(rounds).open(eq(TENANT), eq(2026), any(), any(), eq(pi.getId()));
        verify(rounds, never()).gather(anyLong());
        execute(job(pi));
        assertThat(pi).isWaitingAt(Elements.CLOSE_RECOMMENDATION);
        verify(rounds).gather(ROUND_ID);
        verify(rounds).open(eq(TENANT), eq(2026), any(), any(), any());
    }

    @Test
    void shouldRefuseAYearAlreadyOpenedInTheStartersOwnCall() {
        when(rounds.open(eq(TENANT), eq(2026), any(), any(), any()))
                .thenThrow(new cn.tcsubsidy.shared.ValidationException("roundYear", "2026 年度推荐评审已经发起,不能重复发起"));
        long jobsBefore = engine.getManagementService().createJobQuery().activityId(Elements.GATHER_PROJECTS).count();
        Assertions.assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey(TcAnnualRoundProcess.KEY)
                        .processDefinitionTenantId(TENANT)
                        .setVariables(TcAnnualRoundProcess.Vars.ROUND_YEAR.entry(2026)).execute())
                .hasMessageContaining("已经发起");
        Assertions.assertThat(engine.getManagementService().createJobQuery().activityId(Elements.GATHER_PROJECTS).count())
                .as("nothing stored, no job").isEqualTo(jobsBefore);
    }

    @Test
    void shouldRunRoundFromOpeningToNoticeClose() {
        ProcessInstance pi = startRound();

        assertThat(pi).hasPassed(Elements.PREPARE_ROUND, Elements.LOAD_CALENDAR, Elements.OPEN_ROUND, Elements.GATHER_PROJECTS)
                .isWaitingAt(Elements.CLOSE_RECOMMENDATION)
                .variables().containsEntry("roundId", ROUND_ID).containsEntry("projectCount", 2);
        ArgumentCaptor<RoundCalendar> calendar = ArgumentCaptor.forClass(RoundCalendar.class);
        verify(rounds).open(eq(TENANT), eq(2026), calendar.capture(), any(), eq(pi.getId()));
        Assertions.assertThat(calendar.getValue()).as("Hekou's calendar table")
                .isEqualTo(new RoundCalendar(LocalDate.of(2026, 11, 30), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 5));
        verify(projects).openRecommendation(two, ROUND_ID, 2026,
                Date.from(LocalDate.of(2026, 12, 1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        assertThat(task(Elements.CLOSE_RECOMMENDATION, pi)).hasCandidateGroup("hekou-bureau");

        complete(task(Elements.CLOSE_RECOMMENDATION, pi), withVariables("closeNote", "各镇街已推荐完毕"));
        verify(rounds).checkCloseRecommendation(eq(ROUND_ID), anyMap(), any());
        assertThat(pi).as("the click stored the decision; the step is a job").hasPassed(Elements.CLOSE_RECOMMENDATION)
                .hasNotPassed(Elements.CLOSE_RECOMMENDATION_WINDOW);
        verify(projects, never()).closeRecommendation(any());
        execute(job(pi));
        verify(projects).closeRecommendation(List.of());
        assertThat(pi).isWaitingAt(Elements.CLOSE_REVIEW).variables().containsEntry("reviewCount", 2);

        complete(task(Elements.CLOSE_REVIEW, pi), withVariables("reviewSummary", "评审完成"));
        verify(rounds).checkReviewComplete(eq(ROUND_ID), anyMap(), any());
        verify(projects, never()).closeReview(any());
        execute(job(pi));
        verify(projects).closeReview(two);
        assertThat(pi).as("each project quotes in its own job; the round waits for their answers")
                .isWaitingAt(Elements.AWAIT_QUOTES).variables().containsEntry("passedCount", 2);
        assertThat(task(Elements.AWAIT_QUOTES, pi)).hasCandidateGroup("hekou-bureau");
        verify(rounds, never()).rankAgainstBudget(anyLong());

        projectsQuoted();
        verify(rounds, never()).rankAgainstBudget(anyLong());
        assertThat(pi).hasPassed(Elements.PROJECTS_QUOTED).isWaitingAt(Elements.RANK_AGAINST_BUDGET);
        execute(job(pi));
        verify(projects).noteBudget(two, Map.of(1L, "预算排序第 1 名,在预算线内"));
        assertThat(pi).isWaitingAt(Elements.DECIDE_PROPOSED_LIST);
        Object list = engine.getTaskService().getVariableLocal(task(Elements.DECIDE_PROPOSED_LIST, pi).getId(),
                ProposedListTask.PROPOSED_LIST);
        Assertions.assertThat(list).as("the ranked list, task-local, for the form's text").isNotNull();
        Assertions.assertThat(list.toString()).contains("预算排序与预算线(2026 年度").contains("本轮尚无按预算排序的项目");

        complete(task(Elements.DECIDE_PROPOSED_LIST, pi), withVariables("listNote", "拟扶持名单"));
        execute(job(pi));
        verify(rounds).openNotice(ROUND_ID, 5);
        verify(projects).openNotice(two);
        assertThat(pi).isWaitingAt(Elements.NOTICE_PERIOD_OVER);
        Job noticeTimer = job(Elements.NOTICE_PERIOD_OVER, pi);
        Assertions.assertThat(noticeTimer.getDuedate()).as("the day after the last working day, 00:00 Beijing")
                .isEqualTo(Date.from(LocalDate.of(2026, 12, 12).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));

        execute(noticeTimer);
        verify(projects).closeNotice(two);
        assertThat(pi).isEnded().hasPassed(Elements.CLOSE_NOTICE, Elements.ROUND_CLOSED);
        verify(rounds).close(ROUND_ID);
    }

    @Test
    void shouldCloseRecommendationWhenDeadlinePasses() {
        when(rounds.closeRecommendation(ROUND_ID)).thenReturn(List.of(project(2)));
        ProcessInstance pi = startRound();
        Job deadline = job(Elements.RECOMMENDATION_DEADLINE, pi);
        Assertions.assertThat(deadline.getDuedate()).as("recommendation closes when November 30th is over")
                .isEqualTo(Date.from(LocalDate.of(2026, 12, 1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        execute(deadline);
        assertThat(pi).hasPassed(Elements.RECOMMENDATION_DEADLINE, Elements.CLOSE_RECOMMENDATION_WINDOW)
                .isWaitingAt(Elements.CLOSE_REVIEW);
        verify(projects).closeRecommendation(List.of(project(2)));
    }

    @Test
    void shouldEndWhenNoProjectCompletedLastYear() {
        when(rounds.gather(ROUND_ID)).thenReturn(List.of());
        ProcessInstance pi = startRound();
        assertThat(pi).isEnded().hasPassed(Elements.ROUND_WITHOUT_PROJECTS);
        verify(rounds).close(ROUND_ID);
    }

    @Test
    void shouldEndWhenNoProjectWasRecommended() {
        when(rounds.inReview(ROUND_ID)).thenReturn(0);
        ProcessInstance pi = startRound();
        complete(task(Elements.CLOSE_RECOMMENDATION, pi), withVariables("closeNote", "无推荐"));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed(Elements.ROUND_WITHOUT_RECOMMENDATIONS);
    }

    @Test
    void shouldEndWhenNoProjectPassedReview() {
        when(rounds.concludeReview(ROUND_ID)).thenReturn(List.of());
        ProcessInstance pi = startRound();
        complete(task(Elements.CLOSE_RECOMMENDATION, pi), withVariables("closeNote", "截止"));
        execute(job(pi));
        complete(task(Elements.CLOSE_REVIEW, pi), withVariables("reviewSummary", "均未通过"));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed(Elements.ROUND_WITHOUT_PASSED);
    }

    @Test
    void shouldEndWhenTheListIsEmpty() {
        when(rounds.openNotice(eq(ROUND_ID), anyInt())).thenReturn(
                new RoundService.NoticePeriod(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 11), List.of()));
        ProcessInstance pi = startRound();
        toListDecision(pi);
        complete(task(Elements.DECIDE_PROPOSED_LIST, pi), withVariables("listNote", "均不予扶持"));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed(Elements.ROUND_WITHOUT_PROPOSED);
    }

    @Test
    void shouldOpenTheTenantsRoundEveryNovember() {
        Job november = engine.getManagementService().createJobQuery().activityId(Opener.START_NOVEMBER).tenantIdIn(TENANT)
                .singleResult();
        Assertions.assertThat(november).as("one November timer per tenant deployment").isNotNull();
        Assertions.assertThat(november.getDuedate()).isAfter(new Date());
        List<String> before = roundIds();
        execute(november);

        List<ProcessInstance> started = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(TcAnnualRoundProcess.KEY).tenantIdIn(TENANT).list().stream()
                .filter(p -> !before.contains(p.getId())).toList();
        Assertions.assertThat(started).hasSize(1);
        ProcessInstance round = started.get(0);
        assertThat(round).isWaitingAt(Elements.GATHER_PROJECTS);
        execute(job(round));
        assertThat(round).isWaitingAt(Elements.CLOSE_RECOMMENDATION).variables().containsEntry("roundYear", 2026);
        Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(Opener.ANNUAL_ROUND_STARTED).count()).isEqualTo(1);
    }

    @Test
    void shouldGoOnWithoutUnquotedProjectsWhenTheBureauGivesAReason() {
        ProcessInstance pi = startRound();
        complete(task(Elements.CLOSE_RECOMMENDATION, pi), withVariables("closeNote", "截止"));
        execute(job(pi));
        complete(task(Elements.CLOSE_REVIEW, pi), withVariables("reviewSummary", "完成"));
        execute(job(pi));

        complete(task(Elements.AWAIT_QUOTES, pi), withVariables("proceedReason", "项目2材料有误,下轮再议"));
        verify(rounds).checkQuotesAnswered(eq(ROUND_ID), anyMap(), any());
        assertThat(pi).hasPassed(Elements.AWAIT_QUOTES).hasNotPassed(Elements.PROJECTS_QUOTED)
                .isWaitingAt(Elements.RANK_AGAINST_BUDGET);
        execute(job(pi));
        assertThat(pi).isWaitingAt(Elements.DECIDE_PROPOSED_LIST);
    }

    @Test
    void shouldKeepTheBureausClickWhenTheStepAfterItFails() {
        ProcessInstance pi = startRound();
        complete(task(Elements.CLOSE_RECOMMENDATION, pi), withVariables("closeNote", "截止"));
        execute(job(pi));
        doThrow(new IllegalStateException("数据库暂时不可用")).when(rounds).concludeReview(ROUND_ID);
        complete(task(Elements.CLOSE_REVIEW, pi), withVariables("reviewSummary", "完成"));

        Job step = job(pi);
        Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(step.getId()))
                .hasMessageContaining("数据库暂时不可用");
        Assertions.assertThat(job(pi).getRetries()).as("retried with back-off").isEqualTo(2);
        Assertions.assertThat(job(pi).getDuedate()).as("five minutes later").isAfter(new Date());
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count())
                .as("the bureau's completion stays stored").isZero();

        org.mockito.Mockito.reset(rounds);
        when(rounds.concludeReview(ROUND_ID)).thenReturn(two);
        execute(job(pi));
        verify(rounds, never()).checkReviewComplete(anyLong(), anyMap(), any());
        verify(projects).closeReview(two);
        assertThat(pi).isWaitingAt(Elements.AWAIT_QUOTES);
    }

    @Test
    void shouldNotRepeatTheFanOutWhenTheRankingFails() {
        ProcessInstance pi = startRound();
        toAwaitQuotes(pi);
        doThrow(new IllegalStateException("预算表暂时不可用")).when(rounds).rankAgainstBudget(ROUND_ID);
        projectsQuoted();
        Job ranking = job(pi);
        Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(ranking.getId()))
                .hasMessageContaining("预算表暂时不可用");

        org.mockito.Mockito.reset(rounds);
        when(rounds.rankAgainstBudget(ROUND_ID)).thenReturn(Map.of());
        when(rounds.awaitingDecision(ROUND_ID)).thenReturn(two);
        execute(job(pi));
        verify(projects, times(1)).closeReview(two);
        verify(rounds, never()).concludeReview(anyLong());
        assertThat(pi).isWaitingAt(Elements.DECIDE_PROPOSED_LIST);
    }

    private void toAwaitQuotes(ProcessInstance pi) {
        complete(task(Elements.CLOSE_RECOMMENDATION, pi), withVariables("closeNote", "截止"));
        execute(job(pi));
        complete(task(Elements.CLOSE_REVIEW, pi), withVariables("reviewSummary", "完成"));
        execute(job(pi));
    }

    private void toListDecision(ProcessInstance pi) {
        toAwaitQuotes(pi);
        projectsQuoted();
        execute(job(pi));
    }

    /** What the last project's quote job does (RoundSteps.roundQuoteAnsweredListener). */
    private void projectsQuoted() {
        engine.getRuntimeService().createMessageCorrelation(TcAnnualRoundProcess.Messages.PROJECTS_QUOTED)
                .tenantId(TENANT).processInstanceVariableEquals(TcAnnualRoundProcess.Vars.ROUND_ID.name(), ROUND_ID).correlateAll();
    }

    private List<String> roundIds() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TcAnnualRoundProcess.KEY)
                .list().stream().map(ProcessInstance::getId).toList();
    }

    static Project project(long id) {
        return new Project(id, TENANT, "yihe", "企业" + id, null, null, "项目" + id, "DIRECT_SUBSIDY", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, ROUND_ID, null, null, null, null, null,
                "pi-" + id, "hekou-ent-1", null, null);
    }
}

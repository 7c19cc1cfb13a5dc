package cn.tcsubsidy.panel.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
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

import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.TaskSubmissionListener;
import cn.tcsubsidy.panel.domain.Criterion;
import cn.tcsubsidy.panel.domain.PanelRules;
import cn.tcsubsidy.panel.domain.PanelService;
import cn.tcsubsidy.panel.domain.PanelService.SeatState;
import cn.tcsubsidy.panel.process.TcPanelProcesses.Elements;
import cn.tcsubsidy.panel.process.TcPanelProcesses.Vars;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.ProjectTaskHandlers;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of tc-panel-seat (one seat of a project's panel) with the real tc-panel-turn it calls, the real thin
 * delegate and submission handlers and a mocked {@link PanelService}: the seat's member scores and the seat is done;
 * the reserves ran out and the bureau draws more; a member steps aside and the next reserve sits; the bureau
 * replaces a late member, the turn's escalation cancels the member's task and the seat is taken again.
 */
class TcPanelSeatProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-panel-seat-test"))
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final long PROJECT_ID = 42L;
    private static final int SEAT = 3;
    private static final String FIRST = "hekou-expert-1";
    private static final String RESERVE = "hekou-expert-6";
    private static final LocalDateTime DUE = LocalDateTime.of(2026, 12, 10, 0, 0);
    private static final LocalDateTime LATER_DUE = LocalDateTime.of(2026, 12, 17, 0, 0);
    private static final Clock CLOCK = Clock.system(ClockConfiguration.BEIJING);

    ProcessEngine engine;
    PanelService panel = mock(PanelService.class);
    PanelRules rules = mock(PanelRules.class);

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcPanelProcesses.SEAT_KEY)
                .count() == 0) {
            ProcessTestEngine.deploy(engine, null, "processes/tc-panel-seat.bpmn", "processes/tc-panel-turn.bpmn");
        }
        when(rules.criteria("hekou")).thenReturn(List.of(
                new Criterion("INVESTMENT", "投资", new BigDecimal("100"), new BigDecimal("0.25")),
                new Criterion("TECHNOLOGY", "技术水平", new BigDecimal("100"), new BigDecimal("0.75"))));
        ProjectRepository projects = mock(ProjectRepository.class);
        when(projects.findIdByProcessInstance(any())).thenReturn(Optional.of(PROJECT_ID));
        ProjectTaskHandlers tasks = new ProjectTaskHandlers(projects);
        PanelStageTasks stages = new PanelStageTasks();
        Mocks.register("takeSeatDelegate", stages.takeSeatDelegate(panel, rules, CLOCK));
        Mocks.register("taskSubmissionListener", new TaskSubmissionListener(List.of(
                stages.scoreProjectHandler(tasks, panel), stages.replaceOverdueReviewerHandler(tasks, panel),
                stages.drawMoreReviewersHandler(tasks, panel)), new Actors(engine.getIdentityService())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    private static SeatState occupied(String member, LocalDateTime due) {
        return new SeatState(SeatState.OCCUPIED, member, member + "的姓名", due, null);
    }

    private static SeatState done(String member) {
        return new SeatState(SeatState.DONE, member, member + "的姓名", DUE, null);
    }

    private static SeatState vacant() {
        return new SeatState(SeatState.VACANT, null, null, null, "第 3 席的候补已用尽,请补充抽取");
    }

    /** A seat as tc-project's multi-instance calls it (tenant from the jurisdiction, as the project's). */
    private ProcessInstance startSeat() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("jurisdiction", "hekou");
        vars.put("projectId", PROJECT_ID);
        Vars.PANEL_SEAT.putInto(vars, SEAT);
        return engine.getRuntimeService().startProcessInstanceByKey(TcPanelProcesses.SEAT_KEY, vars);
    }

    private ProcessInstance turn(ProcessInstance seat) {
        ProcessInstance turn = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(seat.getId()).singleResult();
        Assertions.assertThat(turn).as("the seat's member is on a turn").isNotNull();
        return turn;
    }

    private Map<String, Object> sheet() {
        Map<String, Object> s = new HashMap<>();
        s.put("conflictDeclaration", "NO_CONFLICT");
        s.put("score_INVESTMENT", 80);
        s.put("score_TECHNOLOGY", 90);
        s.put("opinion", "RECOMMEND");
        return s;
    }

    private static Date date(LocalDateTime t) {
        return Date.from(t.atZone(ClockConfiguration.BEIJING).toInstant());
    }

    @Test
    void shouldCallTheMembersTurnAndEndTheSeatWhenTheMemberHasScored() {
        when(panel.takeSeat(PROJECT_ID, SEAT)).thenReturn(occupied(FIRST, DUE)).thenReturn(done(FIRST));
        ProcessInstance seat = startSeat();

        assertThat(seat).hasPassed(Elements.TAKE_SEAT).isWaitingAt(Elements.REVIEWER_TURN).variables()
                .containsEntry(Vars.SEAT_STATE.name(), SeatState.OCCUPIED).containsEntry(Vars.SEAT_MEMBER.name(), FIRST)
                .containsEntry(Vars.SEAT_MEMBER_NAME.name(), FIRST + "的姓名").containsEntry(Vars.SEAT_DUE.name(), date(DUE))
                .containsEntry(Vars.SEAT_DUE_TEXT.name(), "2026年12月10日 00:00 前")
                .containsEntry(Vars.SCORE_SCALE.name(), "投资 满分 100 分、权重 25%;技术水平 满分 100 分、权重 75%");
        ProcessInstance turn = turn(seat);
        Assertions.assertThat(turn.getTenantId()).as("the turn is the project's jurisdiction's").isEqualTo("hekou");
        assertThat(task(Elements.SCORE_PROJECT, turn)).isAssignedTo(FIRST).hasDueDate(date(DUE));

        complete(task(Elements.SCORE_PROJECT, turn), sheet());

        assertThat(turn).isEnded().hasPassed(Elements.TURN_ENDED);
        assertThat(seat).isEnded().hasPassed(Elements.SEAT_SCORED).hasNotPassed(Elements.DRAW_MORE_REVIEWERS);
        verify(panel).score(eq(PROJECT_ID), anyMap(), any());
        verify(panel, times(2)).takeSeat(PROJECT_ID, SEAT);
    }

    @Test
    void shouldPassTheMembersTurnOnlyWhatItReadsNotTheEnterprisesFile() {
        when(panel.takeSeat(PROJECT_ID, SEAT)).thenReturn(occupied(FIRST, DUE));
        Map<String, Object> vars = new HashMap<>();
        vars.put("jurisdiction", "hekou");
        vars.put("projectId", PROJECT_ID);
        Vars.PANEL_SEAT.putInto(vars, SEAT);
        vars.put("enterpriseName", "测试企业");
        vars.put("projectName", "技改项目");
        vars.put("roundYear", 2026);
        vars.put("category", "DIRECT_SUBSIDY");
        vars.put("plannedTotalInvestment", 9_000_000);
        vars.put("actualTotalInvestment", 8_800_000);
        vars.put("actualEquipmentInvestment", 5_000_000);
        vars.put("actualRdInvestment", 300_000);
        // Had the seat more (it should not: tc-project passes the same list), the turn still gets only its own.
        vars.put("creditCode", "91370500MA3C00001X");
        vars.put("bankName", "中国银行黄冈分行");
        vars.put("contactEmail", "cfo@example.cn");
        vars.put("recommendationOpinion", "同意推荐");
        ProcessInstance seat = engine.getRuntimeService().startProcessInstanceByKey(TcPanelProcesses.SEAT_KEY, vars);

        ProcessInstance turn = turn(seat);

        Assertions.assertThat(engine.getRuntimeService().getVariables(turn.getId()))
                .as("the member's turn carries what its tasks, forms and listeners read, and nothing else")
                .containsOnlyKeys("projectId", "enterpriseName", "projectName", "roundYear", "jurisdiction", "category",
                        "plannedTotalInvestment", "actualTotalInvestment", "actualEquipmentInvestment",
                        "actualRdInvestment", Vars.SEAT_MEMBER.name(), Vars.SEAT_MEMBER_NAME.name(), Vars.SEAT_DUE.name(),
                        Vars.SEAT_DUE_TEXT.name(), Vars.SCORE_SCALE.name(), Vars.PANEL_SEAT.name())
                .containsEntry(Vars.SEAT_MEMBER.name(), FIRST).containsEntry(Vars.PANEL_SEAT.name(), SEAT)
                .containsEntry(Vars.SEAT_DUE_TEXT.name(), "2026年12月10日 00:00 前");
        String task = task(Elements.SCORE_PROJECT, turn).getId();
        Assertions.assertThat(engine.getTaskService().getVariables(task)).as("what the member's score form reads")
                .doesNotContainKeys("creditCode", "bankName", "contactEmail", "recommendationOpinion",
                        Vars.SEAT_STATE.name(), Vars.SEAT_SHORTAGE.name())
                .containsEntry("enterpriseName", "测试企业").containsEntry("actualTotalInvestment", 8_800_000);
        // The engine is the class's: no open task of this seat may be left to the next test's queries.
        engine.getRuntimeService().deleteProcessInstance(seat.getId(), "test over");
    }

    @Test
    void shouldSeatTheNextReserveWhenTheMemberStepsAside() {
        when(panel.takeSeat(PROJECT_ID, SEAT)).thenReturn(occupied(FIRST, DUE))
                .thenReturn(occupied(RESERVE, LATER_DUE)).thenReturn(done(RESERVE));
        ProcessInstance seat = startSeat();

        complete(task(Elements.SCORE_PROJECT, turn(seat)), withVariables("conflictDeclaration", "CONFLICT",
                "conflictReason", "曾为该企业提供咨询服务"));

        ProcessInstance next = turn(seat);
        assertThat(task(Elements.SCORE_PROJECT, next)).isAssignedTo(RESERVE).hasDueDate(date(LATER_DUE));
        Assertions.assertThat(engine.getTaskService().createTaskQuery().taskAssignee(FIRST).count())
                .as("the member who stepped aside has no task").isZero();
        complete(task(Elements.SCORE_PROJECT, next), sheet());
        assertThat(seat).isEnded().hasPassed(Elements.SEAT_SCORED);
        verify(panel, times(2)).score(eq(PROJECT_ID), anyMap(), any());
    }

    @Test
    void shouldAskTheBureauToDrawMoreWhenTheReservesRanOutAndTakeTheSeatAgain() {
        when(panel.takeSeat(PROJECT_ID, SEAT)).thenReturn(vacant()).thenReturn(occupied(RESERVE, LATER_DUE))
                .thenReturn(done(RESERVE));
        ProcessInstance seat = startSeat();

        assertThat(seat).isWaitingAt(Elements.DRAW_MORE_REVIEWERS).variables()
                .containsEntry(Vars.SEAT_STATE.name(), SeatState.VACANT).containsEntry(Vars.SEAT_MEMBER.name(), null)
                .containsEntry(Vars.SEAT_DUE.name(), null).containsEntry(Vars.SEAT_SHORTAGE.name(), "第 3 席的候补已用尽,请补充抽取");
        assertThat(task(Elements.DRAW_MORE_REVIEWERS, seat)).hasCandidateGroup("hekou-bureau").isNotAssigned();

        doThrow(new ValidationException("drawReason", "专家库仍不足:评审领域「直接奖补」回避后可抽取的专家不足"))
                .doNothing().when(panel).drawMore(anyLong(), anyInt(), anyMap(), any());
        String drawMore = task(Elements.DRAW_MORE_REVIEWERS, seat).getId();
        Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(drawMore, Map.of("drawReason", "补充抽取")))
                .hasMessageContaining("可抽取的专家不足");
        assertThat(seat).isWaitingAt(Elements.DRAW_MORE_REVIEWERS);

        complete(task(Elements.DRAW_MORE_REVIEWERS, seat), withVariables("drawReason", "候补均已回避,补充抽取"));

        verify(panel, times(2)).drawMore(eq(PROJECT_ID), eq(SEAT), anyMap(), any());
        assertThat(seat).isWaitingAt(Elements.REVIEWER_TURN);
        assertThat(task(Elements.SCORE_PROJECT, turn(seat))).isAssignedTo(RESERVE);
        complete(task(Elements.SCORE_PROJECT, turn(seat)), sheet());
        assertThat(seat).isEnded().hasPassed(Elements.SEAT_SCORED);
    }

    @Test
    void shouldTakeTheSeatAgainWhenTheBureauReplacesALateMember() {
        when(panel.takeSeat(PROJECT_ID, SEAT)).thenReturn(occupied(FIRST, DUE))
                .thenReturn(occupied(RESERVE, LATER_DUE)).thenReturn(done(RESERVE));
        ProcessInstance seat = startSeat();
        ProcessInstance late = turn(seat);
        String lateTask = task(Elements.SCORE_PROJECT, late).getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(late.getId()).activityId(Elements.SCORE_OVERDUE).singleResult().getId());
        assertThat(task(Elements.REPLACE_OVERDUE_REVIEWER, late)).hasCandidateGroup("hekou-bureau");

        complete(task(Elements.REPLACE_OVERDUE_REVIEWER, late), withVariables("replaceReason", "逾期未评分"));

        verify(panel).replaceOverdue(eq(PROJECT_ID), eq(SEAT), anyMap(), any());
        assertThat(late).isEnded().hasPassed(Elements.REPLACE_OVERDUE_REVIEWER).hasNotPassed(Elements.TURN_ENDED);
        Assertions.assertThat(engine.getTaskService().createTaskQuery().taskId(lateTask).count())
                .as("the late member's task is cancelled").isZero();
        assertThat(seat).hasPassed(Elements.REVIEWER_REPLACED_CAUGHT).isWaitingAt(Elements.REVIEWER_TURN);
        ProcessInstance next = turn(seat);
        Task reserveTask = task(Elements.SCORE_PROJECT, next);
        assertThat(reserveTask).isAssignedTo(RESERVE).hasDueDate(date(LATER_DUE));
        verify(panel, never()).score(anyLong(), anyMap(), any());

        complete(reserveTask, sheet());
        assertThat(seat).isEnded().hasPassed(Elements.SEAT_SCORED);
        verify(panel, times(3)).takeSeat(PROJECT_ID, SEAT);
    }
}

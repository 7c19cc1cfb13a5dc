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
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.TaskSubmissionListener;
import cn.tcsubsidy.panel.domain.PanelService;
import cn.tcsubsidy.panel.process.TcPanelProcesses.Elements;
import cn.tcsubsidy.panel.process.TcPanelProcesses.Vars;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.ProjectTaskHandlers;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import cn.tcsubsidy.support.ProcessTestEngine;
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
 * Every path of tc-panel-turn (one member's turn on a seat), with the real submission handlers and a mocked
 * {@link PanelService}: the member's own task due at the seat's due time; the submission ending the turn; the
 * overdue timer giving the bureau a replacement task beside the member's, which the member's late submission
 * cancels, and whose completion ends the turn with the escalation the seat catches (TcPanelSeatProcessTest).
 */
class TcPanelTurnProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.Companion
            .builder(ProcessTestEngine.configuration("tc-panel-turn-test"))
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final long PROJECT_ID = 42L;
    private static final String MEMBER = "hekou-expert-1";
    private static final Date DUE = new Date(1_796_000_000_000L);

    ProcessEngine engine;
    PanelService panel = mock(PanelService.class);

    @BeforeEach
    void wire() {
        engine = extension.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TcPanelProcesses.TURN_KEY)
                .count() == 0) {
            ProcessTestEngine.deploy(engine, null, "processes/tc-panel-turn.bpmn");
        }
        ProjectRepository projects = mock(ProjectRepository.class);
        when(projects.findIdByProcessInstance(any())).thenReturn(Optional.of(PROJECT_ID));
        ProjectTaskHandlers tasks = new ProjectTaskHandlers(projects);
        PanelStageTasks stages = new PanelStageTasks();
        Mocks.register("taskSubmissionListener", new TaskSubmissionListener(List.of(
                stages.scoreProjectHandler(tasks, panel), stages.replaceOverdueReviewerHandler(tasks, panel)),
                new Actors(engine.getIdentityService())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    /** A turn as tc-panel-seat calls it: the seat's variables (tenant from the jurisdiction, as the project's). */
    private ProcessInstance startTurn() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("jurisdiction", "hekou");
        vars.put("projectId", PROJECT_ID);
        Vars.PANEL_SEAT.putInto(vars, 2);
        Vars.SEAT_MEMBER.putInto(vars, MEMBER);
        Vars.SEAT_DUE.putInto(vars, DUE);
        return engine.getRuntimeService().startProcessInstanceByKey(TcPanelProcesses.TURN_KEY, vars);
    }

    private Job overdueTimer(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(Elements.SCORE_OVERDUE).singleResult();
    }

    private Map<String, Object> sheet() {
        Map<String, Object> s = new HashMap<>();
        s.put("conflictDeclaration", "NO_CONFLICT");
        for (String c : List.of("INVESTMENT", "TECHNOLOGY", "ECONOMIC", "SOCIAL")) {
            s.put("score_" + c, 85);
            s.put("comment_" + c, "符合要求");
        }
        s.put("opinion", "RECOMMEND");
        s.put("overallComment", "同意推荐");
        return s;
    }

    private void as(String user, List<String> groups, Runnable action) {
        engine.getIdentityService().setAuthentication(user, groups, List.of("hekou"));
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void shouldGiveTheMemberATaskDueAtTheSeatsDueTimeAndEndTheTurnWithTheSubmission() {
        ProcessInstance pi = startTurn();

        assertThat(pi).isWaitingAt(Elements.SCORE_PROJECT);
        Assertions.assertThat(pi.getTenantId()).isEqualTo("hekou");
        assertThat(task(Elements.SCORE_PROJECT, pi)).isAssignedTo(MEMBER).hasDueDate(DUE);
        Assertions.assertThat(overdueTimer(pi).getDuedate()).as("the overdue timer fires at the seat's due time")
                .isEqualTo(DUE);

        as(MEMBER, List.of("hekou-experts"), () -> complete(task(Elements.SCORE_PROJECT, pi), sheet()));

        assertThat(pi).isEnded().hasPassed(Elements.TURN_ENDED).hasNotPassed(Elements.REPLACE_OVERDUE_REVIEWER);
        ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.captor();
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(panel).score(eq(PROJECT_ID), values.capture(), actor.capture());
        Assertions.assertThat(values.getValue()).containsEntry("score_TECHNOLOGY", 85)
                .containsEntry("conflictDeclaration", "NO_CONFLICT");
        Assertions.assertThat(actor.getValue().userId()).as("the member, as signed in").isEqualTo(MEMBER);
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count())
                .as("no overdue timer left").isZero();
    }

    @Test
    void shouldKeepTheTaskWhenTheServiceRefusesTheSheet() {
        ProcessInstance pi = startTurn();
        doThrow(new ValidationException("score_TECHNOLOGY", "技术水平评分应在 0 至 100 之间"))
                .when(panel).score(anyLong(), anyMap(), any());
        String taskId = task(Elements.SCORE_PROJECT, pi).getId();
        Map<String, Object> bad = sheet();
        bad.put("score_TECHNOLOGY", 120);

        Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(taskId, bad))
                .hasMessageContaining("技术水平评分应在 0 至 100 之间");

        assertThat(pi).isWaitingAt(Elements.SCORE_PROJECT);
        Assertions.assertThat(engine.getRuntimeService().getVariables(pi.getId())).as("nothing of the sheet kept")
                .doesNotContainKeys("score_TECHNOLOGY", "conflictDeclaration", "opinion");
    }

    @Test
    void shouldGiveTheBureauAReplacementTaskWhenLateAndCancelItWhenTheMemberScoresAfterAll() {
        ProcessInstance pi = startTurn();

        engine.getManagementService().executeJob(overdueTimer(pi).getId());

        assertThat(pi).isWaitingAt(Elements.SCORE_PROJECT, Elements.REPLACE_OVERDUE_REVIEWER);
        assertThat(task(Elements.REPLACE_OVERDUE_REVIEWER, pi)).hasCandidateGroup("hekou-bureau").isNotAssigned();
        assertThat(task(Elements.SCORE_PROJECT, pi)).as("the member may still score").isAssignedTo(MEMBER);

        as(MEMBER, List.of("hekou-experts"), () -> complete(task(Elements.SCORE_PROJECT, pi), sheet()));

        assertThat(pi).isEnded().hasPassed(Elements.TURN_ENDED).hasNotPassed(Elements.REVIEWER_REPLACED_CAUGHT);
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count())
                .as("the bureau's replacement task is gone with the turn").isZero();
        verify(panel).score(eq(PROJECT_ID), anyMap(), any());
        verify(panel, never()).replaceOverdue(anyLong(), anyInt(), anyMap(), any());
    }

    @Test
    void shouldEndTheTurnWithTheEscalationWhenTheBureauReplacesTheLateMember() {
        ProcessInstance pi = startTurn();
        engine.getManagementService().executeJob(overdueTimer(pi).getId());

        as("hekou-bureau", List.of("hekou-bureau"), () -> complete(task(Elements.REPLACE_OVERDUE_REVIEWER, pi),
                withVariables("replaceReason", "逾期三日未评分,电话联系未果")));

        ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.captor();
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(panel).replaceOverdue(eq(PROJECT_ID), eq(2), values.capture(), actor.capture());
        Assertions.assertThat(values.getValue()).containsEntry("replaceReason", "逾期三日未评分,电话联系未果");
        Assertions.assertThat(actor.getValue().userId()).isEqualTo("hekou-bureau");
        // Alone, the turn's escalation has no catcher; called by tc-panel-seat, its boundary cancels the member's
        // task (TcPanelSeatProcessTest).
        assertThat(pi).hasPassed("Event_ReviewerReplaced").isWaitingAt(Elements.SCORE_PROJECT);
        verify(panel, never()).score(anyLong(), anyMap(), any());
    }

    @Test
    void shouldKeepTheReplacementTaskWhenTheServiceRefusesIt() {
        ProcessInstance pi = startTurn();
        engine.getManagementService().executeJob(overdueTimer(pi).getId());
        doThrow(new ValidationException("replaceReason", "第 2 席的评分期限尚未届满,不能以逾期为由更换"))
                .when(panel).replaceOverdue(anyLong(), anyInt(), anyMap(), any());
        String taskId = task(Elements.REPLACE_OVERDUE_REVIEWER, pi).getId();

        Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("replaceReason", "逾期")))
                .hasMessageContaining("评分期限尚未届满");

        assertThat(pi).isWaitingAt(Elements.SCORE_PROJECT, Elements.REPLACE_OVERDUE_REVIEWER)
                .hasNotPassed("Event_ReviewerReplaced");
    }
}

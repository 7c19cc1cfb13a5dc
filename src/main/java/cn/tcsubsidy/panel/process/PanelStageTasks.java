package cn.tcsubsidy.panel.process;

import static cn.tcsubsidy.project.process.TcProjectProcess.Vars.PROJECT_ID;

import cn.tcsubsidy.engine.TaskSubmissionHandler;
import cn.tcsubsidy.panel.domain.Criterion;
import cn.tcsubsidy.panel.domain.PanelRules;
import cn.tcsubsidy.panel.domain.PanelService;
import cn.tcsubsidy.panel.process.TcPanelProcesses.Elements;
import cn.tcsubsidy.panel.process.TcPanelProcesses.Vars;
import cn.tcsubsidy.project.process.ProjectTaskHandlers;
import cn.tcsubsidy.project.process.TcProjectProcess;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each step of the expert panel does (tc-project's panel steps, tc-panel-seat, tc-panel-turn), one line per
 * step, each calling {@link PanelService}. The seat a bureau task concerns is the seat instance's {@code panelSeat},
 * set by the engine from the loop counter; a submission carries only its form's fields (the command guard).
 */
@Configuration
public class PanelStageTasks {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** Task_DrawPanel: draw and seat the panel, or say what the pool lacks. */
    @Bean
    public JavaDelegate drawPanelDelegate(PanelService panel) {
        return execution -> {
            PanelService.Opened opened = panel.open(PROJECT_ID.get(execution));
            TcProjectProcess.Vars.PANEL_STATE.set(execution, opened.drawn()
                    ? TcProjectProcess.Values.PANEL_DRAWN : TcProjectProcess.Values.PANEL_SHORT);
            TcProjectProcess.Vars.PANEL_SIZE.set(execution, opened.seats().size());
            TcProjectProcess.Vars.PANEL_SHORTAGE.set(execution, opened.shortage());
        };
    }

    @Bean
    public TaskSubmissionHandler resolvePanelShortageHandler(ProjectTaskHandlers tasks, PanelService panel) {
        return tasks.forProject(TcProjectProcess.Elements.RESOLVE_PANEL_SHORTAGE, panel::shortageResolved);
    }

    /** Task_TakeSeat: who sits on this seat now (the next reserve after a member left), or that it is vacant or done. */
    @Bean
    public JavaDelegate takeSeatDelegate(PanelService panel, PanelRules rules, Clock clock) {
        return execution -> {
            PanelService.SeatState seat = panel.takeSeat(PROJECT_ID.get(execution),
                    Vars.PANEL_SEAT.get(execution));
            Vars.SEAT_STATE.set(execution, seat.state());
            Vars.SEAT_MEMBER.set(execution, seat.memberUserId());
            Vars.SEAT_MEMBER_NAME.set(execution, seat.memberName());
            Vars.SEAT_DUE.set(execution, seat.dueAt() == null ? null
                    : Date.from(seat.dueAt().atZone(clock.getZone()).toInstant()));
            Vars.SEAT_DUE_TEXT.set(execution, seat.dueAt() == null ? null : seat.dueAt().format(DUE) + " 前");
            Vars.SEAT_SHORTAGE.set(execution, seat.shortage());
            Vars.SCORE_SCALE.set(execution, scale(rules, execution.getTenantId()));
        };
    }

    @Bean
    public TaskSubmissionHandler scoreProjectHandler(ProjectTaskHandlers tasks, PanelService panel) {
        return tasks.forProject(Elements.SCORE_PROJECT, panel::score);
    }

    @Bean
    public TaskSubmissionHandler replaceOverdueReviewerHandler(ProjectTaskHandlers tasks, PanelService panel) {
        return tasks.forProject(Elements.REPLACE_OVERDUE_REVIEWER,
                (projectId, values, actor) -> panel.replaceOverdue(projectId, Vars.PANEL_SEAT.get(values), values, actor));
    }

    @Bean
    public TaskSubmissionHandler drawMoreReviewersHandler(ProjectTaskHandlers tasks, PanelService panel) {
        return tasks.forProject(Elements.DRAW_MORE_REVIEWERS,
                (projectId, values, actor) -> panel.drawMore(projectId, Vars.PANEL_SEAT.get(values), values, actor));
    }

    /** Task_AggregatePanel: the panel's aggregate, whether it needs a consensus, and who leads it. */
    @Bean
    public JavaDelegate aggregatePanelDelegate(PanelService panel) {
        return execution -> {
            PanelService.Aggregated a = panel.aggregate(PROJECT_ID.get(execution));
            TcProjectProcess.Vars.NEEDS_CONSENSUS.set(execution, a.needsConsensus());
            TcProjectProcess.Vars.PANEL_LEAD.set(execution, a.leadUserId());
        };
    }

    /** Task_ReachConsensus, on create: the members' totals and opinions for the lead only (task-local). */
    @Bean
    public TaskListener consensusTaskListener(PanelService panel) {
        return task -> Vars.PANEL_SUMMARY.setLocal(task, panel.aggregate(PROJECT_ID.get(task)).summary());
    }

    @Bean
    public TaskSubmissionHandler reachConsensusHandler(ProjectTaskHandlers tasks, PanelService panel) {
        return tasks.forProject(TcProjectProcess.Elements.REACH_CONSENSUS, panel::agree);
    }

    @Bean
    public TaskSubmissionHandler reviewCorrectionHandler(ProjectTaskHandlers tasks, PanelService panel) {
        return tasks.forProject(TcProjectProcess.Elements.REVIEW_CORRECTION, panel::reviewCorrection);
    }

    /** Task_ConcludePanel: the final score to the project, and PASS or FAIL for the review gateway. */
    @Bean
    public JavaDelegate concludePanelDelegate(PanelService panel) {
        return execution -> {
            PanelService.Conclusion c = panel.conclude(PROJECT_ID.get(execution));
            TcProjectProcess.Vars.REVIEW_CONCLUSION.set(execution, c.conclusion());
            TcProjectProcess.Vars.PANEL_NOTE.set(execution, c.note());
        };
    }

    private static String scale(PanelRules rules, String jurisdiction) {
        return rules.criteria(jurisdiction).stream().map(PanelStageTasks::describe).collect(Collectors.joining(";"));
    }

    private static String describe(Criterion c) {
        return c.label() + " 满分 " + c.maxScore().toPlainString() + " 分、权重 "
                + c.weight().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}

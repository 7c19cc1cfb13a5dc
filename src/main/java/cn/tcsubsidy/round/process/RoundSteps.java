package cn.tcsubsidy.round.process;

import static cn.tcsubsidy.engine.guard.Refusals.refusingBadInput;

import cn.tcsubsidy.award.domain.BudgetLineService;
import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.AsSystem;
import cn.tcsubsidy.engine.TaskSubmissionHandler;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.process.ProjectProcessFacade;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.domain.RoundCalendar;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess.Calendar;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess.Elements;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess.Vars;
import cn.tcsubsidy.shared.ClockConfiguration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What each step of tc-annual-round does, in the order of the model. */
@Configuration
public class RoundSteps {

    /** tc-round-opener's only step: the November timer opens this tenant's round for the current year. */
    @Bean
    public JavaDelegate startAnnualRoundDelegate(RoundService rounds) {
        return execution -> execution.getProcessEngineServices().getRuntimeService()
                .createProcessInstanceByKey(TcAnnualRoundProcess.KEY)
                .processDefinitionTenantId(execution.getTenantId())
                .setVariables(Vars.ROUND_YEAR.entry(rounds.roundYear(Map.of())))
                .execute();
    }

    @Bean
    public JavaDelegate prepareRoundDelegate(RoundService rounds) {
        return execution -> Vars.ROUND_YEAR.set(execution,
                refusingBadInput(() -> rounds.roundYear(execution.getVariables())));
    }

    /**
     * Registers the round in the starter's own call (the bureau's click, or the November timer's job): a year opened
     * twice is refused there and then, by the round's unique row.
     */
    @Bean
    public JavaDelegate openRoundDelegate(RoundService rounds, Actors actors) {
        return execution -> {
            int year = Vars.ROUND_YEAR.get(execution);
            RoundCalendar calendar = calendar(execution);
            long roundId = refusingBadInput(() -> rounds.open(execution.getTenantId(), year, calendar,
                    actors.current(), execution.getProcessInstanceId()));
            Vars.ROUND_ID.set(execution, roundId);
            // The deadline day is the last day to recommend: recommendation closes when it is over.
            Vars.RECOMMENDATION_DEADLINE_AT.set(execution, startOf(calendar.recommendationDeadline().plusDays(1)));
        };
    }

    /** The round's own job: gathers the completed projects of its window and opens recommendation in each. */
    @Bean
    public JavaDelegate gatherProjectsDelegate(RoundService rounds, ProjectProcessFacade projects) {
        return execution -> {
            long roundId = Vars.ROUND_ID.get(execution);
            int year = Vars.ROUND_YEAR.get(execution);
            List<Project> gathered = rounds.gather(roundId);
            projects.openRecommendation(gathered, roundId, year, Vars.RECOMMENDATION_DEADLINE_AT.get(execution));
            Vars.PROJECT_COUNT.set(execution, gathered.size());
        };
    }

    @Bean
    public TaskSubmissionHandler closeRecommendationHandler(RoundService rounds) {
        return TaskSubmissionHandler.of(Elements.CLOSE_RECOMMENDATION,
                (vars, actor) -> rounds.checkCloseRecommendation(Vars.ROUND_ID.get(vars), vars, actor));
    }

    @Bean
    public JavaDelegate closeRecommendationDelegate(RoundService rounds, ProjectProcessFacade projects) {
        return execution -> {
            long roundId = Vars.ROUND_ID.get(execution);
            List<Project> late = rounds.closeRecommendation(roundId);
            projects.closeRecommendation(late);
            Vars.REVIEW_COUNT.set(execution, rounds.inReview(roundId));
        };
    }

    @Bean
    public TaskSubmissionHandler closeReviewHandler(RoundService rounds) {
        return TaskSubmissionHandler.of(Elements.CLOSE_REVIEW,
                (vars, actor) -> rounds.checkReviewComplete(Vars.ROUND_ID.get(vars), vars, actor));
    }

    /**
     * Review closed: the passed projects move on, each quoting its award in a job of its own (the message only
     * records itself in the project); the round then waits at Task_AwaitQuotes for their answers.
     */
    @Bean
    public JavaDelegate concludeReviewDelegate(RoundService rounds, ProjectProcessFacade projects) {
        return execution -> {
            List<Project> passed = rounds.concludeReview(Vars.ROUND_ID.get(execution));
            projects.closeReview(passed);
            Vars.PASSED_COUNT.set(execution, passed.size());
        };
    }

    /**
     * tc-project's Task_QuoteAward, when it ends: the project's answer to the round. The last one moves the round on
     * (the round's row lock makes exactly one project the last); the message finds nothing when the bureau already
     * went on without the project.
     */
    @Bean
    public ExecutionListener roundQuoteAnsweredListener(RoundService rounds) {
        return execution -> {
            long roundId = TcProjectProcess.Vars.ROUND_ID.get(execution);
            long projectId = TcProjectProcess.Vars.PROJECT_ID.get(execution);
            if (rounds.quoted(roundId, projectId)) {
                AsSystem.run(() -> execution.getProcessEngineServices().getRuntimeService()
                        .createMessageCorrelation(TcAnnualRoundProcess.Messages.PROJECTS_QUOTED)
                        .tenantId(execution.getTenantId())
                        .processInstanceVariableEquals(Vars.ROUND_ID.name(), roundId).correlateAll());
            }
        };
    }

    /**
     * tc-project's part of a round step the round does not wait on, done in the project's own job: the town's task
     * created (Task_RecommendProject, start), the return to the pool (Task_ReturnToPool, end), the bureau's
     * check of the notice's objections (Task_CheckObjections, start). Which step it answers follows from the activity.
     */
    @Bean
    public ExecutionListener roundStepAnsweredListener(RoundService rounds) {
        Map<String, String> steps = Map.of(
                "Task_RecommendProject", cn.tcsubsidy.round.domain.RoundStepAnswers.RECOMMENDATION_OPENED,
                "Task_ReturnToPool", cn.tcsubsidy.round.domain.RoundStepAnswers.RECOMMENDATION_CLOSED,
                "Task_CheckObjections", cn.tcsubsidy.round.domain.RoundStepAnswers.NOTICE_CLOSED);
        return execution -> {
            String step = steps.get(execution.getCurrentActivityId());
            if (step == null) {
                throw new IllegalStateException("no round step answered at " + execution.getCurrentActivityId());
            }
            TcProjectProcess.Vars.ROUND_ID.find(execution).ifPresent(roundId -> rounds.answered(roundId, step,
                    TcProjectProcess.Vars.PROJECT_ID.get(execution)));
        };
    }

    /** The bureau goes on before every project quoted: only with a reason, recorded for the projects left out. */
    @Bean
    public TaskSubmissionHandler awaitQuotesHandler(RoundService rounds) {
        return TaskSubmissionHandler.of(Elements.AWAIT_QUOTES,
                (vars, actor) -> rounds.checkQuotesAnswered(Vars.ROUND_ID.get(vars), vars, actor));
    }

    /** Every project quoted (or the bureau went on): rank the quoted ones against the budget. */
    @Bean
    public JavaDelegate rankAgainstBudgetDelegate(RoundService rounds, ProjectProcessFacade projects) {
        return execution -> {
            long roundId = Vars.ROUND_ID.get(execution);
            Map<Long, String> notes = rounds.rankAgainstBudget(roundId);
            projects.noteBudget(rounds.awaitingDecision(roundId), notes);
        };
    }

    /**
     * Task_DecideProposedList, when created: the ranked list per fund with the budget line, as the form's text shows
     * it (a task-local variable, kept in step with every move across the line by {@link ProposedListTask}).
     */
    @Bean
    public TaskListener proposedListTaskListener(BudgetLineService budgetLine) {
        return task -> task.setVariableLocal(ProposedListTask.PROPOSED_LIST,
                ProposedListTask.value(budgetLine.board(Vars.ROUND_ID.get(task))));
    }

    @Bean
    public TaskSubmissionHandler decideProposedListHandler(RoundService rounds) {
        return TaskSubmissionHandler.of(Elements.DECIDE_PROPOSED_LIST,
                (vars, actor) -> rounds.checkListComplete(Vars.ROUND_ID.get(vars), vars, actor));
    }

    @Bean
    public JavaDelegate openNoticeDelegate(RoundService rounds, ProjectProcessFacade projects) {
        return execution -> {
            int days = ((Number) calendarMap(execution).get(Calendar.NOTICE_WORKING_DAYS)).intValue();
            RoundService.NoticePeriod period = rounds.openNotice(Vars.ROUND_ID.get(execution), days);
            projects.openNotice(period.projects());
            Vars.PROPOSED_COUNT.set(execution, period.projects().size());
            Vars.NOTICE_ENDS_AT.set(execution, startOf(period.lastDay().plusDays(1)));
        };
    }

    @Bean
    public JavaDelegate closeNoticeDelegate(RoundService rounds, ProjectProcessFacade projects) {
        return execution -> projects.closeNotice(rounds.closeNotice(Vars.ROUND_ID.get(execution)));
    }

    /** Whatever end the round reaches, its row is closed. */
    @Bean
    public ExecutionListener roundEndedListener(RoundService rounds) {
        return execution -> Vars.ROUND_ID.find(execution).ifPresent(rounds::close);
    }

    private static Map<String, Object> calendarMap(DelegateExecution execution) {
        return Vars.ROUND_CALENDAR.find(execution).orElseThrow(() -> new IllegalStateException(
                "decision " + Calendar.DECISION + " of tenant " + execution.getTenantId() + " gave no result"));
    }

    private static RoundCalendar calendar(DelegateExecution execution) {
        Map<String, Object> c = calendarMap(execution);
        Object from = c.get(Calendar.COMPLETED_FROM);
        return new RoundCalendar(LocalDate.parse((String) c.get(Calendar.RECOMMENDATION_DEADLINE)),
                from instanceof String text && !text.isBlank() ? LocalDate.parse(text) : null,
                LocalDate.parse((String) c.get(Calendar.COMPLETED_BEFORE)),
                ((Number) c.get(Calendar.NOTICE_WORKING_DAYS)).intValue());
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ClockConfiguration.BEIJING).toInstant());
    }
}

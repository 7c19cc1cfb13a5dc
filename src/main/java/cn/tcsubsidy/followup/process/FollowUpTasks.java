package cn.tcsubsidy.followup.process;

import static cn.tcsubsidy.project.process.TcProjectProcess.Vars.PROJECT_ID;

import cn.tcsubsidy.engine.TaskSubmissionHandler;
import cn.tcsubsidy.followup.domain.FollowUpService;
import cn.tcsubsidy.followup.process.TcFollowUpProcess.Elements;
import cn.tcsubsidy.followup.process.TcFollowUpProcess.Values;
import cn.tcsubsidy.followup.process.TcFollowUpProcess.Vars;
import cn.tcsubsidy.project.process.ProjectTaskHandlers;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.shared.ClockConfiguration;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each step of tc-follow-up and tc-follow-up-report does, one line per step, each calling
 * {@link FollowUpService}. The project is the root instance's (a task's handler) or the instance's system-set
 * projectId (a delegate); the timers' dates and the reporter come from the follow-up's row, never from a caller.
 */
@Configuration
public class FollowUpTasks {

    /** Task_ScheduleFollowUp: the report's dates from the table and who reports, the town that urges. */
    @Bean
    public JavaDelegate scheduleFollowUpDelegate(FollowUpService followUp) {
        return execution -> {
            FollowUpService.Schedule s = followUp.open(PROJECT_ID.get(execution));
            Vars.REPORT_OPENS_AT.set(execution, startOf(s.reportOpensOn()));
            Vars.REPORT_DUE_AT.set(execution, startOf(s.reportDueOn().plusDays(1)));
            Vars.ESCALATION_DUE_AT.set(execution, startOf(s.escalationDueOn().plusDays(1)));
            Vars.REPORTER.set(execution, s.reporter());
            Vars.TOWN_GROUP.set(execution, s.townGroup());
        };
    }

    @Bean
    public TaskSubmissionHandler reportResultsHandler(ProjectTaskHandlers tasks, FollowUpService followUp) {
        return tasks.forProject(Elements.REPORT_RESULTS, followUp::report);
    }

    @Bean
    public TaskSubmissionHandler urgeReportHandler(ProjectTaskHandlers tasks, FollowUpService followUp) {
        return tasks.forProject(Elements.URGE_REPORT,
                (projectId, values, actor) -> followUp.urge(projectId, FollowUpService.TOWN, values, actor));
    }

    @Bean
    public TaskSubmissionHandler escalateReportHandler(ProjectTaskHandlers tasks, FollowUpService followUp) {
        return tasks.forProject(Elements.ESCALATE_REPORT,
                (projectId, values, actor) -> followUp.urge(projectId, FollowUpService.BUREAU, values, actor));
    }

    /** On create of the report, reminder and rectification tasks: the targets and what is to be reported. */
    @Bean
    public TaskListener followUpSummaryListener(FollowUpService followUp) {
        return task -> Vars.FOLLOW_UP_SUMMARY.setLocal(task, followUp.reportSummary(PROJECT_ID.get(task)));
    }

    /** On create of Task_EvaluatePerformance: targets against results and the table's suggestion (task-local). */
    @Bean
    public TaskListener evaluationSummaryListener(FollowUpService followUp) {
        return task -> {
            FollowUpService.Assessment a = followUp.assess(PROJECT_ID.get(task));
            Vars.EVALUATION_SUMMARY.setLocal(task, a.summary());
            Vars.SUGGESTED_CONCLUSION.setLocal(task, a.suggestion().conclusion());
        };
    }

    @Bean
    public TaskSubmissionHandler evaluatePerformanceHandler(ProjectTaskHandlers tasks, FollowUpService followUp) {
        return tasks.forProject(Elements.EVALUATE, followUp::evaluate);
    }

    /** Task_OpenRectification: the rectification's deadline for Task_Rectify and its timer. */
    @Bean
    public JavaDelegate openRectificationDelegate(FollowUpService followUp) {
        return execution -> {
            clearLoopFields(execution);
            Vars.RECTIFY_DUE_AT.set(execution, startOf(followUp.rectifyDueOn(PROJECT_ID.get(execution)).plusDays(1)));
        };
    }

    @Bean
    public TaskSubmissionHandler rectifyHandler(ProjectTaskHandlers tasks, FollowUpService followUp) {
        return tasks.forProject(Elements.RECTIFY, followUp::rectify);
    }

    @Bean
    public JavaDelegate rectificationMissedDelegate(FollowUpService followUp) {
        return execution -> followUp.rectificationMissed(PROJECT_ID.get(execution));
    }

    /** Task_TrackRepayment: whether the clawback is still outstanding; the last form's values leave the instance. */
    @Bean
    public JavaDelegate trackRepaymentDelegate(FollowUpService followUp) {
        return execution -> {
            clearLoopFields(execution);
            Vars.CLAWBACK_STATE.set(execution, followUp.clawbackOutstanding(PROJECT_ID.get(execution))
                    ? Values.OUTSTANDING : Values.REPAID);
        };
    }

    @Bean
    public TaskListener repaymentSummaryListener(FollowUpService followUp) {
        return task -> Vars.REPAYMENT_SUMMARY.setLocal(task, followUp.repaymentSummary(PROJECT_ID.get(task)));
    }

    @Bean
    public TaskSubmissionHandler recordRepaymentHandler(ProjectTaskHandlers tasks, FollowUpService followUp) {
        return tasks.forProject(Elements.RECORD_REPAYMENT, followUp::recordRepayment);
    }

    private static void clearLoopFields(DelegateExecution execution) {
        for (String name : Vars.LOOP_FIELDS) {
            execution.removeVariable(name);
        }
    }

    /** Midnight in Beijing at the start of {@code day}: a date's deadline is over when the next day begins. */
    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ClockConfiguration.BEIJING).toInstant());
    }
}

package cn.tcsubsidy.project.process;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.domain.AwardDecisionService;
import cn.tcsubsidy.engine.TaskSubmissionHandler;
import cn.tcsubsidy.objection.domain.NoticeOutcome;
import cn.tcsubsidy.objection.domain.ObjectionService;
import cn.tcsubsidy.objection.domain.SupplementService;
import cn.tcsubsidy.payment.domain.AcceptanceService;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.progress.domain.ProgressService;
import cn.tcsubsidy.project.domain.ProjectLifecycle;
import cn.tcsubsidy.project.process.TcProjectProcess.Elements;
import cn.tcsubsidy.recommendation.domain.RecommendationService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each step of tc-project does in the domain, in the order of the model: one line per user task
 * (server-side check and record of the submission) and per service task. Each line calls one feature's service.
 * The expert panel's steps are in {@link cn.tcsubsidy.panel.process.PanelStageTasks}, the performance follow-up's
 * (called process tc-follow-up) in {@link cn.tcsubsidy.followup.process.FollowUpTasks}.
 */
@Configuration
public class ProjectStageTasks {

    @Bean
    public TaskSubmissionHandler reportProgressHandler(ProjectTaskHandlers tasks, ProgressService progress) {
        return tasks.forProject(Elements.REPORT_PROGRESS, progress::reportProgress);
    }

    @Bean
    public TaskSubmissionHandler reportCompletionHandler(ProjectTaskHandlers tasks, ProgressService progress) {
        return tasks.forProject(Elements.REPORT_COMPLETION, progress::reportCompletion);
    }

    @Bean
    public TaskSubmissionHandler recommendProjectHandler(ProjectTaskHandlers tasks, RecommendationService recommendation) {
        return tasks.forProject(Elements.RECOMMEND, recommendation::recommend);
    }

    @Bean
    public JavaDelegate returnToPoolDelegate(RecommendationService recommendation) {
        return execution -> recommendation.notRecommendedInTime(TcProjectProcess.Vars.PROJECT_ID.get(execution));
    }

    /** Task_QuoteAward: the jurisdiction's award tables quote the project from its actual figures. */
    @Bean
    public JavaDelegate quoteAwardDelegate(AwardCases awards) {
        return execution -> showQuote(execution, awards, awards.quote(TcProjectProcess.Vars.PROJECT_ID.get(execution)));
    }

    /** Task_RequoteAward: after a correction at the award decision, the quote again from the corrected figures. */
    @Bean
    public JavaDelegate requoteAwardDelegate(AwardCases awards) {
        return execution -> showQuote(execution, awards, awards.requote(TcProjectProcess.Vars.PROJECT_ID.get(execution)));
    }

    private static void showQuote(org.camunda.bpm.engine.delegate.DelegateExecution execution, AwardCases awards,
                                  String note) {
        long projectId = TcProjectProcess.Vars.PROJECT_ID.get(execution);
        TcProjectProcess.Vars.QUOTE_NOTE.set(execution, note);
        // The award decision's form starts with the proposed amount at the quote (a form field shows the variable
        // of its key): the bureau may lower it; above the quote the decision is refused, and the ledger cuts it to
        // what is left under the enterprise's cap. Nothing is offered where the rules award nothing.
        java.math.BigDecimal quote = awards.eligibleQuote(projectId);
        if (quote != null) {
            TcProjectProcess.Vars.PROPOSED_AMOUNT.set(execution, quote);
        } else {
            TcProjectProcess.Vars.PROPOSED_AMOUNT.remove(execution);
        }
    }

    @Bean
    public TaskSubmissionHandler decideAwardHandler(ProjectTaskHandlers tasks, AwardDecisionService awards) {
        return tasks.forProject(Elements.DECIDE_AWARD, awards::decide);
    }

    /**
     * Task_CheckObjections: the notice is over; its objections decide (none or dismissed: payment; one upheld: the
     * rejection; one open: wait for Event_ObjectionsSettled, which tc-objection sends on the last decision).
     */
    @Bean
    public JavaDelegate checkObjectionsDelegate(NoticeOutcome outcome) {
        return execution -> {
            ObjectionService.Standing s = outcome.settle(TcProjectProcess.Vars.PROJECT_ID.get(execution));
            TcProjectProcess.Vars.OBJECTIONS_OPEN.set(execution, s == ObjectionService.Standing.OPEN);
            TcProjectProcess.Vars.OBJECTION_UPHELD.set(execution, s == ObjectionService.Standing.UPHELD);
        };
    }

    /** Task_CloseSupplementNotice: a project added after an upheld objection (递补) ends its own notice. */
    @Bean
    public JavaDelegate closeSupplementNoticeDelegate(SupplementService supplements) {
        return execution -> supplements.closeNotice(TcProjectProcess.Vars.PROJECT_ID.get(execution));
    }

    /** Task_OpenPaymentOrders: one payment order per award and paying fund (the advance share where the table says). */
    @Bean
    public JavaDelegate openPaymentOrdersDelegate(PaymentService payment) {
        return execution -> payment.openOrders(TcProjectProcess.Vars.PROJECT_ID.get(execution));
    }

    /**
     * Task_TrackPaymentOrders: what is due next, read from the orders (paymentPhase; settlementDueAt, the settlement
     * timer's date, Beijing midnight); the loop's last form values leave the instance so the next form starts empty.
     */
    @Bean
    public JavaDelegate trackPaymentOrdersDelegate(PaymentService payment) {
        return execution -> {
            PaymentService.Progress progress = payment.progress(TcProjectProcess.Vars.PROJECT_ID.get(execution));
            for (String name : TcProjectProcess.Vars.PAYMENT_LOOP_FIELDS) {
                execution.removeVariable(name);
            }
            TcProjectProcess.Vars.PAYMENT_PHASE.set(execution, progress.phase().name());
            if (progress.settlementDueOn() != null) {
                TcProjectProcess.Vars.SETTLEMENT_DUE_AT.set(execution, java.util.Date.from(
                        progress.settlementDueOn().atStartOfDay(cn.tcsubsidy.shared.ClockConfiguration.BEIJING).toInstant()));
            }
        };
    }

    @Bean
    public TaskSubmissionHandler preparePaymentHandler(ProjectTaskHandlers tasks, PaymentService payment) {
        return tasks.forProject(Elements.PREPARE_PAYMENT, payment::prepare);
    }

    @Bean
    public TaskSubmissionHandler approvePaymentHandler(ProjectTaskHandlers tasks, PaymentService payment) {
        return tasks.forProject(Elements.APPROVE_PAYMENT, payment::approve);
    }

    @Bean
    public TaskSubmissionHandler settleAwardHandler(ProjectTaskHandlers tasks, PaymentService payment) {
        return tasks.forProject(Elements.SETTLE_AWARD, payment::settle);
    }

    @Bean
    public TaskSubmissionHandler recordRecoveryHandler(ProjectTaskHandlers tasks, PaymentService payment) {
        return tasks.forProject(Elements.RECORD_RECOVERY, payment::recordRepayment);
    }

    @Bean
    public TaskSubmissionHandler recordAcceptanceHandler(ProjectTaskHandlers tasks, AcceptanceService acceptance) {
        return tasks.forProject(Elements.RECORD_ACCEPTANCE, acceptance::accept);
    }

    @Bean
    public JavaDelegate exitPoolDelegate(PaymentService payment) {
        return execution -> payment.exitPool(TcProjectProcess.Vars.PROJECT_ID.get(execution));
    }

    @Bean
    public JavaDelegate closeRejectedProjectDelegate(ProjectLifecycle lifecycle) {
        return execution -> lifecycle.closeRejected(TcProjectProcess.Vars.PROJECT_ID.get(execution));
    }
}

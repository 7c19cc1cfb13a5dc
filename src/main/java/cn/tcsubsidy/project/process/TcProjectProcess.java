package cn.tcsubsidy.project.process;

import cn.tcsubsidy.engine.ProcessVariable;
import cn.tcsubsidy.engine.TaskCardVariables;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;

/** Process {@code tc-project} (技改项目全周期): key, element ids, messages and variables, in one place. */
public final class TcProjectProcess {

    public static final String KEY = "tc-project";

    public static final class Elements {
        public static final String START = "StartEvent_ProjectFiled";
        public static final String REGISTER = "Task_RegisterProject";
        public static final String DETERMINE_POOL_ENTRY = "Task_DeterminePoolEntry";
        public static final String ENTER_POOL = "Task_EnterPool";
        public static final String REPORT_COMPLETION = "Task_ReportCompletion";
        public static final String PROGRESS_REPORT_DUE = "Event_ProgressReportDue";
        public static final String REPORT_PROGRESS = "Task_ReportProgress";
        public static final String PROGRESS_REPORTED = "Event_ProgressReported";
        public static final String AWAIT_ROUND = "Gateway_AwaitRound";
        public static final String RECOMMENDATION_OPENED = "Event_RecommendationOpened";
        public static final String RECOMMEND = "Task_RecommendProject";
        public static final String RECOMMENDATION_CLOSED = "Event_RecommendationClosed";
        public static final String RETURN_TO_POOL = "Task_ReturnToPool";
        public static final String RECOMMENDED = "Gateway_Recommended";
        public static final String RECOMMENDATION_CORRECTION = "CallActivity_RecommendationCorrection";
        public static final String RECOMMENDATION_CLOSED_IN_CORRECTION = "Event_RecommendationClosedInCorrection";
        public static final String RECOMMENDATION_CORRECTED = "Gateway_RecommendationCorrected";
        public static final String DRAW_PANEL = "Task_DrawPanel";
        public static final String PANEL_DRAWN = "Gateway_PanelDrawn";
        public static final String RESOLVE_PANEL_SHORTAGE = "Task_ResolvePanelShortage";
        public static final String PANEL_SEATS = "CallActivity_PanelSeats";
        public static final String AGGREGATE_PANEL = "Task_AggregatePanel";
        public static final String NEEDS_CONSENSUS = "Gateway_NeedsConsensus";
        public static final String REACH_CONSENSUS = "Task_ReachConsensus";
        public static final String CONCLUDE_PANEL = "Task_ConcludePanel";
        public static final String REVIEW_PASSED = "Gateway_ReviewPassed";
        public static final String REVIEW_CORRECTION_CALL = "CallActivity_ReviewCorrection";
        public static final String REVIEW_CORRECTED = "Gateway_ReviewCorrected";
        public static final String REVIEW_CORRECTION = "Task_ReviewCorrection";
        public static final String REVIEW_CLOSED = "Event_ReviewClosed";
        public static final String QUOTE_AWARD = "Task_QuoteAward";
        public static final String DECIDE_AWARD = "Task_DecideAward";
        public static final String AWARD_PROPOSED = "Gateway_AwardProposed";
        public static final String AWARD_CORRECTION = "CallActivity_AwardCorrection";
        public static final String AWARD_CORRECTED = "Gateway_AwardCorrected";
        public static final String REQUOTE_AWARD = "Task_RequoteAward";
        public static final String NOTICE_OPENED = "Event_NoticeOpened";
        public static final String NOTICE_CLOSED = "Event_NoticeClosed";
        /** After the notice: the objections' outcome (none, dismissed, upheld) or a wait for the open ones. */
        public static final String CHECK_OBJECTIONS = "Task_CheckObjections";
        public static final String OBJECTIONS_OPEN = "Gateway_ObjectionsOpen";
        public static final String OBJECTIONS_SETTLED = "Event_ObjectionsSettled";
        /** 递补: the entry of a project added after an upheld objection; its own notice's end, then the check. */
        public static final String SUPPLEMENT_NOTICE_OVER = "Event_SupplementNoticeOver";
        public static final String CLOSE_SUPPLEMENT_NOTICE = "Task_CloseSupplementNotice";
        public static final String OBJECTION_UPHELD = "Gateway_ObjectionUpheld";
        public static final String OPEN_PAYMENT_ORDERS = "Task_OpenPaymentOrders";
        public static final String TRACK_PAYMENT_ORDERS = "Task_TrackPaymentOrders";
        public static final String PAYMENT_PHASE = "Gateway_PaymentPhase";
        public static final String PREPARE_PAYMENT = "Task_PreparePayment";
        public static final String APPROVE_PAYMENT = "Task_ApprovePayment";
        public static final String SETTLEMENT_DUE = "Event_SettlementDue";
        public static final String SETTLE_AWARD = "Task_SettleAward";
        public static final String RECORD_RECOVERY = "Task_RecordRecovery";
        public static final String RECORD_ACCEPTANCE = "Task_RecordAcceptance";
        public static final String EXIT_POOL = "Task_ExitPool";
        /** Calls tc-follow-up (绩效跟踪评价): report, evaluation, rectification, clawback. */
        public static final String FOLLOW_UP = "CallActivity_FollowUp";
        public static final String PROJECT_CLOSED = "Event_ProjectClosed";
        public static final String REJECTED = "Gateway_Rejected";
        public static final String CLOSE_REJECTED = "Task_CloseRejectedProject";
        public static final String PROJECT_REJECTED = "Event_ProjectRejected";

        private Elements() {
        }
    }

    public static final class Messages {
        public static final String RECOMMENDATION_OPENED = "RecommendationOpened";
        public static final String RECOMMENDATION_CLOSED = "RecommendationClosed";
        public static final String REVIEW_CLOSED = "ReviewClosed";
        public static final String NOTICE_OPENED = "NoticeOpened";
        public static final String NOTICE_CLOSED = "NoticeClosed";
        /** From tc-objection: the project's last open objection is decided. */
        public static final String OBJECTIONS_SETTLED = "ObjectionsSettled";

        private Messages() {
        }
    }

    public static final class Vars {
        public static final ProcessVariable<Long> PROJECT_ID = TaskCardVariables.PROJECT_ID;
        public static final ProcessVariable<String> FILED_BY = ProcessVariable.text("filedBy");
        public static final ProcessVariable<Map<String, Object>> POOL_ENTRY = ProcessVariable.map("poolEntry");
        public static final ProcessVariable<String> POOL_LEVEL = ProcessVariable.text("poolLevel");
        public static final ProcessVariable<String> PROGRESS_CYCLE = ProcessVariable.text("progressCycle");
        public static final ProcessVariable<Long> ROUND_ID = ProcessVariable.id("roundId");
        public static final ProcessVariable<Integer> ROUND_YEAR = TaskCardVariables.ROUND_YEAR;
        public static final ProcessVariable<Date> RECOMMENDATION_DUE_AT = ProcessVariable.date("recommendationDueAt");
        public static final ProcessVariable<String> QUOTE_NOTE = ProcessVariable.text("quoteNote");
        public static final ProcessVariable<String> BUDGET_NOTE = ProcessVariable.text("budgetNote");
        /** The decide-award form's amount: set to the quote when quoted, then what the bureau submitted. */
        public static final ProcessVariable<BigDecimal> PROPOSED_AMOUNT = ProcessVariable.money("proposedAmount");
        public static final ProcessVariable<String> REVIEW_CONCLUSION = ProcessVariable.text("reviewConclusion");
        /** Set by Task_DrawPanel: DRAWN, or SHORT with panelShortage saying what the pool lacks. */
        public static final ProcessVariable<String> PANEL_STATE = ProcessVariable.text("panelState");
        public static final ProcessVariable<String> PANEL_SHORTAGE = ProcessVariable.text("panelShortage");
        /** The panel's number of seats: one call of tc-panel-seat each. */
        public static final ProcessVariable<Integer> PANEL_SIZE = ProcessVariable.wholeNumber("panelSize");
        /** Set by Task_AggregatePanel: whether the lead must hold a consensus, and the lead's user id. */
        public static final ProcessVariable<Boolean> NEEDS_CONSENSUS = ProcessVariable.flag("needsConsensus");
        public static final ProcessVariable<String> PANEL_LEAD = ProcessVariable.text("panelLead");
        /** Set by Task_ConcludePanel: the panel's result as the award decision's form shows it. */
        public static final ProcessVariable<String> PANEL_NOTE = ProcessVariable.text("panelNote");
        /** Set by Task_CheckObjections (the system): an objection still open; one upheld. */
        public static final ProcessVariable<Boolean> OBJECTIONS_OPEN = ProcessVariable.flag("objectionsOpen");
        public static final ProcessVariable<Boolean> OBJECTION_UPHELD = ProcessVariable.flag("objectionUpheld");
        /** Set when a project is added after an upheld objection (递补): when its own notice ends. */
        public static final ProcessVariable<Date> SUPPLEMENT_NOTICE_ENDS_AT = ProcessVariable.date("supplementNoticeEndsAt");
        /** Set by Task_TrackPaymentOrders: a {@link cn.tcsubsidy.payment.domain.PaymentPhase} name. */
        public static final ProcessVariable<String> PAYMENT_PHASE = ProcessVariable.text("paymentPhase");
        /** Set by Task_TrackPaymentOrders when the settlement is due: the timer Event_SettlementDue's date. */
        public static final ProcessVariable<Date> SETTLEMENT_DUE_AT = ProcessVariable.date("settlementDueAt");
        /** Task-local summaries the payment tasks' forms show (read-only). */
        public static final ProcessVariable<String> PAYMENT_ORDER_SUMMARY = ProcessVariable.text("paymentOrderSummary");
        public static final ProcessVariable<String> SETTLEMENT_SUMMARY = ProcessVariable.text("settlementSummary");
        public static final ProcessVariable<String> RECOVERY_SUMMARY = ProcessVariable.text("recoverySummary");
        public static final ProcessVariable<String> PAYMENTS_SUMMARY = ProcessVariable.text("paymentsSummary");
        /**
         * The payment loop's form values: removed each time the loop comes round (Task_TrackPaymentOrders), so the
         * next order's form starts empty; the app's tables keep them.
         */
        public static final java.util.List<String> PAYMENT_LOOP_FIELDS = java.util.List.of("paymentDate", "paymentNote",
                "approvalDecision", "approvalNote", "settledAmount", "settlementBasis", "recoveredAmount", "recoveryDate");

        private Vars() {
        }
    }

    /**
     * Values the model's gateways compare. The deciding forms' outcomes are the services' own
     * ({@code RecommendationService}, {@code ReviewService}, {@code AwardDecisionService}).
     */
    public static final class Values {
        public static final String PANEL_DRAWN = "DRAWN";
        public static final String PANEL_SHORT = "SHORT";

        private Values() {
        }
    }

    private TcProjectProcess() {
    }
}

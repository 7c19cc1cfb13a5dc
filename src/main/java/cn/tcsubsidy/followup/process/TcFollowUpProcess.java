package cn.tcsubsidy.followup.process;

import java.util.List;

/**
 * Processes {@code tc-follow-up} (绩效跟踪评价, called by tc-project once the project left the pool) and
 * {@code tc-follow-up-report} (企业报送绩效目标完成情况, with its reminders): keys, element ids and variables.
 */
public final class TcFollowUpProcess {

    public static final String KEY = "tc-follow-up";
    public static final String REPORT_KEY = "tc-follow-up-report";

    public static final class Elements {
        public static final String STARTED = "Event_FollowUpStarted";
        public static final String SCHEDULE = "Task_ScheduleFollowUp";
        public static final String REPORT_DUE = "Event_ReportPeriodOver";
        public static final String REPORT_RESULTS_CALL = "CallActivity_ReportResults";
        public static final String EVALUATE = "Task_EvaluatePerformance";
        public static final String CONCLUSION = "Gateway_PerformanceConclusion";
        public static final String OPEN_RECTIFICATION = "Task_OpenRectification";
        public static final String RECTIFY = "Task_Rectify";
        public static final String RECTIFICATION_OVERDUE = "Event_RectificationOverdue";
        public static final String RECTIFICATION_MISSED = "Task_RecordRectificationMissed";
        public static final String TRACK_REPAYMENT = "Task_TrackRepayment";
        public static final String REPAID = "Gateway_ClawbackRepaid";
        public static final String RECORD_REPAYMENT = "Task_RecordRepayment";
        public static final String PASSED = "Event_FollowUpPassed";
        public static final String CLAWED_BACK = "Event_ClawbackRepaid";
        // tc-follow-up-report
        public static final String REPORT_STARTED = "Event_ReportOpened";
        public static final String REPORT_RESULTS = "Task_ReportResults";
        public static final String REPORT_OVERDUE = "Event_ReportOverdue";
        public static final String URGE_REPORT = "Task_UrgeReport";
        public static final String REPORT_ESCALATED = "Event_ReportEscalated";
        public static final String ESCALATE_REPORT = "Task_EscalateReport";
        public static final String REPORTED = "Event_ResultsReported";

        private Elements() {
        }
    }

    /** Set by the system (Task_ScheduleFollowUp, Task_OpenRectification, Task_TrackRepayment), never by a caller. */
    public static final class Vars {
        public static final String REPORT_OPENS_AT = "reportOpensAt";
        public static final String REPORT_DUE_AT = "reportDueAt";
        public static final String ESCALATION_DUE_AT = "escalationDueAt";
        public static final String REPORTER = "reporter";
        public static final String TOWN_GROUP = "townGroup";
        public static final String RECTIFY_DUE_AT = "rectifyDueAt";
        public static final String CLAWBACK_STATE = "clawbackState";
        /** Task-local summaries the forms show (read-only). */
        public static final String FOLLOW_UP_SUMMARY = "followUpSummary";
        public static final String EVALUATION_SUMMARY = "evaluationSummary";
        public static final String SUGGESTED_CONCLUSION = "suggestedConclusion";
        public static final String REPAYMENT_SUMMARY = "repaymentSummary";
        /** The evaluation's conclusion: the form field, checked by FollowUpService.evaluate before it is kept. */
        public static final String PERFORMANCE_CONCLUSION = "performanceConclusion";
        /** Form values of the loops, removed each time round so that the next form starts empty. */
        public static final List<String> LOOP_FIELDS = List.of("recoveredAmount", "recoveryDate", "performanceConclusion",
                "departureReason", "clawbackAmount", "clawbackBasis", "performanceOpinion");

        private Vars() {
        }
    }

    public static final class Values {
        public static final String PASS = "PASS";
        public static final String RECTIFY = "RECTIFY";
        public static final String CLAWBACK = "CLAWBACK";
        public static final String OUTSTANDING = "OUTSTANDING";
        public static final String REPAID = "REPAID";

        private Values() {
        }
    }

    private TcFollowUpProcess() {
    }
}

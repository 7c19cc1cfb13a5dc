package cn.tcsubsidy.followup.process;

import cn.tcsubsidy.engine.ProcessVariable;
import java.util.Date;
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
        public static final ProcessVariable<Date> REPORT_OPENS_AT = ProcessVariable.date("reportOpensAt");
        public static final ProcessVariable<Date> REPORT_DUE_AT = ProcessVariable.date("reportDueAt");
        public static final ProcessVariable<Date> ESCALATION_DUE_AT = ProcessVariable.date("escalationDueAt");
        public static final ProcessVariable<String> REPORTER = ProcessVariable.text("reporter");
        public static final ProcessVariable<String> TOWN_GROUP = ProcessVariable.text("townGroup");
        public static final ProcessVariable<Date> RECTIFY_DUE_AT = ProcessVariable.date("rectifyDueAt");
        public static final ProcessVariable<String> CLAWBACK_STATE = ProcessVariable.text("clawbackState");
        /** Task-local summaries the forms show (read-only). */
        public static final ProcessVariable<String> FOLLOW_UP_SUMMARY = ProcessVariable.text("followUpSummary");
        public static final ProcessVariable<String> EVALUATION_SUMMARY = ProcessVariable.text("evaluationSummary");
        public static final ProcessVariable<String> SUGGESTED_CONCLUSION = ProcessVariable.text("suggestedConclusion");
        public static final ProcessVariable<String> REPAYMENT_SUMMARY = ProcessVariable.text("repaymentSummary");
        /** Form values of the loops, removed each time round so that the next form starts empty. */
        public static final List<String> LOOP_FIELDS = List.of("recoveredAmount", "recoveryDate", "performanceConclusion",
                "departureReason", "clawbackAmount", "clawbackBasis", "performanceOpinion");

        private Vars() {
        }
    }

    public static final class Values {
        public static final String OUTSTANDING = "OUTSTANDING";
        public static final String REPAID = "REPAID";

        private Values() {
        }
    }

    private TcFollowUpProcess() {
    }
}

package cn.tcsubsidy.panel.process;

import cn.tcsubsidy.engine.ProcessVariable;
import java.util.Date;

/**
 * Processes {@code tc-panel-seat} (评审席位: one seat of a project's panel, called once per seat by tc-project) and
 * {@code tc-panel-turn} (评审成员独立评分: one member's turn on a seat): keys, element ids and variables.
 */
public final class TcPanelProcesses {

    public static final String SEAT_KEY = "tc-panel-seat";
    public static final String TURN_KEY = "tc-panel-turn";

    public static final class Elements {
        public static final String TAKE_SEAT = "Task_TakeSeat";
        public static final String SEAT_STATE = "Gateway_SeatState";
        public static final String REVIEWER_TURN = "CallActivity_ReviewerTurn";
        public static final String REVIEWER_REPLACED_CAUGHT = "Event_ReviewerReplaced";
        public static final String DRAW_MORE_REVIEWERS = "Task_DrawMoreReviewers";
        public static final String SEAT_SCORED = "Event_SeatScored";
        public static final String SCORE_PROJECT = "Task_ScoreProject";
        public static final String SCORE_OVERDUE = "Event_ScoreOverdue";
        public static final String REPLACE_OVERDUE_REVIEWER = "Task_ReplaceOverdueReviewer";
        public static final String TURN_ENDED = "Event_TurnEnded";

        private Elements() {
        }
    }

    /** Variables of a seat's instance, copied into its turns; set by the system (Task_TakeSeat), never by a caller. */
    public static final class Vars {
        public static final ProcessVariable<Integer> PANEL_SEAT = ProcessVariable.wholeNumber("panelSeat");
        public static final ProcessVariable<String> SEAT_STATE = ProcessVariable.text("seatState");
        public static final ProcessVariable<String> SEAT_MEMBER = ProcessVariable.text("seatMember");
        public static final ProcessVariable<String> SEAT_MEMBER_NAME = ProcessVariable.text("seatMemberName");
        public static final ProcessVariable<Date> SEAT_DUE = ProcessVariable.date("seatDue");
        public static final ProcessVariable<String> SEAT_DUE_TEXT = ProcessVariable.text("seatDueText");
        public static final ProcessVariable<String> SEAT_SHORTAGE = ProcessVariable.text("seatShortage");
        public static final ProcessVariable<String> SCORE_SCALE = ProcessVariable.text("scoreScale");
        /** Task-local on the consensus task: every member's total and opinion. */
        public static final ProcessVariable<String> PANEL_SUMMARY = ProcessVariable.text("panelSummary");

        private Vars() {
        }
    }

    private TcPanelProcesses() {
    }
}

package cn.tcsubsidy.round.process;

import cn.tcsubsidy.engine.ProcessVariable;
import cn.tcsubsidy.engine.TaskCardVariables;
import java.util.Date;
import java.util.Map;

/** Process {@code tc-annual-round} (年度推荐评审): key, element ids and variables, in one place. */
public final class TcAnnualRoundProcess {

    public static final String KEY = "tc-annual-round";

    /** The per-tenant timer process that opens the round every November. */
    public static final class Opener {
        public static final String KEY = "tc-round-opener";
        public static final String START_NOVEMBER = "StartEvent_November";
        public static final String START_ANNUAL_ROUND = "Task_StartAnnualRound";
        public static final String ANNUAL_ROUND_STARTED = "Event_AnnualRoundStarted";

        private Opener() {
        }
    }

    public static final class Elements {
        public static final String START_BY_BUREAU = "StartEvent_RoundOpenedByBureau";
        public static final String PREPARE_ROUND = "Task_PrepareRound";
        public static final String LOAD_CALENDAR = "Task_LoadRoundCalendar";
        public static final String OPEN_ROUND = "Task_OpenRound";
        public static final String GATHER_PROJECTS = "Task_GatherProjects";
        public static final String ROUND_WITHOUT_PROJECTS = "Event_RoundWithoutProjects";
        public static final String CLOSE_RECOMMENDATION = "Task_CloseRecommendation";
        public static final String RECOMMENDATION_DEADLINE = "Event_RecommendationDeadline";
        public static final String CLOSE_RECOMMENDATION_WINDOW = "Task_CloseRecommendationWindow";
        public static final String ROUND_WITHOUT_RECOMMENDATIONS = "Event_RoundWithoutRecommendations";
        public static final String CLOSE_REVIEW = "Task_CloseReview";
        public static final String CONCLUDE_REVIEW = "Task_ConcludeReview";
        public static final String AWAIT_QUOTES = "Task_AwaitQuotes";
        public static final String PROJECTS_QUOTED = "Event_ProjectsQuoted";
        public static final String QUOTES_ANSWERED = "Gateway_QuotesAnswered";
        public static final String RANK_AGAINST_BUDGET = "Task_RankAgainstBudget";
        public static final String ROUND_WITHOUT_PASSED = "Event_RoundWithoutPassedProjects";
        public static final String DECIDE_PROPOSED_LIST = "Task_DecideProposedList";
        public static final String OPEN_NOTICE = "Task_OpenNotice";
        public static final String ROUND_WITHOUT_PROPOSED = "Event_RoundWithoutProposedProjects";
        public static final String NOTICE_PERIOD_OVER = "Event_NoticePeriodOver";
        public static final String CLOSE_NOTICE = "Task_CloseNotice";
        public static final String ROUND_CLOSED = "Event_RoundClosed";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Sent by the last project that quoted its award, to the round waiting at {@link Elements#AWAIT_QUOTES}. */
        public static final String PROJECTS_QUOTED = "RoundProjectsQuoted";

        private Messages() {
        }
    }

    public static final class Vars {
        public static final ProcessVariable<Long> ROUND_ID = ProcessVariable.id("roundId");
        public static final ProcessVariable<Integer> ROUND_YEAR = TaskCardVariables.ROUND_YEAR;
        public static final ProcessVariable<Map<String, Object>> ROUND_CALENDAR = ProcessVariable.map("roundCalendar");
        public static final ProcessVariable<Date> RECOMMENDATION_DEADLINE_AT = ProcessVariable.date("recommendationDeadlineAt");
        public static final ProcessVariable<Integer> PROJECT_COUNT = ProcessVariable.wholeNumber("projectCount");
        public static final ProcessVariable<Integer> REVIEW_COUNT = ProcessVariable.wholeNumber("reviewCount");
        public static final ProcessVariable<Integer> PASSED_COUNT = ProcessVariable.wholeNumber("passedCount");
        public static final ProcessVariable<Integer> PROPOSED_COUNT = ProcessVariable.wholeNumber("proposedCount");
        public static final ProcessVariable<Date> NOTICE_ENDS_AT = ProcessVariable.date("noticeEndsAt");

        private Vars() {
        }
    }

    /** Outputs of decision {@code tc-round-calendar}. */
    public static final class Calendar {
        public static final String DECISION = "tc-round-calendar";
        public static final String RECOMMENDATION_DEADLINE = "recommendationDeadline";
        /** Optional: the earliest completion date a round takes (absent or null: no lower bound). */
        public static final String COMPLETED_FROM = "completedFrom";
        public static final String COMPLETED_BEFORE = "completedBefore";
        public static final String NOTICE_WORKING_DAYS = "noticeWorkingDays";

        private Calendar() {
        }
    }

    private TcAnnualRoundProcess() {
    }
}

package cn.tcsubsidy.objection.process;

/** Process {@code tc-objection} (公示期异议核查处理): key, element ids and variables, in one place. */
public final class TcObjectionProcess {

    public static final String KEY = "tc-objection";

    public static final class Elements {
        public static final String START = "StartEvent_ObjectionFiled";
        public static final String INVESTIGATE = "Task_InvestigateObjection";
        public static final String RECORD_OUTCOME = "Task_RecordObjectionOutcome";
        public static final String SUPPLEMENT_OFFERED = "Gateway_SupplementOffered";
        public static final String LOAD_NOTICE_CALENDAR = "Task_LoadNoticeCalendar";
        public static final String OFFER_NEXT_IN_RANK = "Task_OfferNextInRank";
        public static final String START_SUPPLEMENT_NOTICE = "Task_StartSupplementNotice";
        public static final String OBJECTION_DECIDED = "Event_ObjectionDecided";
        public static final String SUPPLEMENT_DECIDED = "Event_SupplementDecided";

        private Elements() {
        }
    }

    /** The system's variables: ids and what the forms show; never the objector's identity. */
    public static final class Vars {
        public static final String OBJECTION_ID = "objectionId";
        public static final String PROJECT_ID = "projectId";
        public static final String ROUND_YEAR = "roundYear";
        public static final String ENTERPRISE_NAME = "enterpriseName";
        public static final String PROJECT_NAME = "projectName";
        public static final String PROPOSED_AMOUNT = "proposedAmount";
        public static final String OBJECTION_SUMMARY = "objectionSummary";
        public static final String SUPPLEMENT_OFFERED = "supplementOffered";
        public static final String SUPPLEMENT_SUMMARY = "supplementSummary";
        /** Task_LoadNoticeCalendar's result (tc-round-calendar): its noticeWorkingDays. */
        public static final String NOTICE_CALENDAR = "noticeCalendar";
        public static final String NOTICE_WORKING_DAYS = "noticeWorkingDays";

        private Vars() {
        }
    }

    private TcObjectionProcess() {
    }
}

package cn.tcsubsidy.objection.process;

import cn.tcsubsidy.engine.ProcessVariable;
import cn.tcsubsidy.engine.TaskCardVariables;
import java.math.BigDecimal;
import java.util.Map;

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
        public static final ProcessVariable<Long> OBJECTION_ID = ProcessVariable.id("objectionId");
        public static final ProcessVariable<Long> PROJECT_ID = TaskCardVariables.PROJECT_ID;
        public static final ProcessVariable<Integer> ROUND_YEAR = TaskCardVariables.ROUND_YEAR;
        public static final ProcessVariable<String> ENTERPRISE_NAME = TaskCardVariables.ENTERPRISE_NAME;
        public static final ProcessVariable<String> PROJECT_NAME = TaskCardVariables.PROJECT_NAME;
        public static final ProcessVariable<BigDecimal> PROPOSED_AMOUNT = ProcessVariable.money("proposedAmount");
        public static final ProcessVariable<String> OBJECTION_SUMMARY = ProcessVariable.text("objectionSummary");
        public static final ProcessVariable<Boolean> SUPPLEMENT_OFFERED = ProcessVariable.flag("supplementOffered");
        public static final ProcessVariable<String> SUPPLEMENT_SUMMARY = ProcessVariable.text("supplementSummary");
        /** Task_LoadNoticeCalendar's result (tc-round-calendar): its noticeWorkingDays. */
        public static final ProcessVariable<Map<String, Object>> NOTICE_CALENDAR = ProcessVariable.map("noticeCalendar");
        public static final ProcessVariable<Integer> NOTICE_WORKING_DAYS = ProcessVariable.wholeNumber("noticeWorkingDays");

        private Vars() {
        }
    }

    private TcObjectionProcess() {
    }
}

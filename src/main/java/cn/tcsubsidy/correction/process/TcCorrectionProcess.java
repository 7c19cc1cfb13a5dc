package cn.tcsubsidy.correction.process;

import cn.tcsubsidy.correction.domain.CorrectableFields;
import cn.tcsubsidy.engine.ProcessVariable;
import java.util.Date;
import java.util.List;

/**
 * Process {@code tc-correction} (退回补正), called by tc-project at recommendation and the award decision: key,
 * element ids, variables and outcomes in one place.
 */
public final class TcCorrectionProcess {

    public static final String KEY = "tc-correction";
    public static final String DEADLINE_DECISION = "tc-correction-deadline";

    public static final class Elements {
        public static final String START = "StartEvent_CorrectionRequested";
        public static final String OPEN_CORRECTION = "Task_OpenCorrection";
        public static final String CORRECT_PROJECT = "Task_CorrectProject";
        public static final String CORRECTION_DEADLINE = "Event_CorrectionDeadline";
        public static final String RETURN_CORRECTED = "Task_ReturnCorrected";
        public static final String CORRECTED = "Event_Corrected";
        public static final String EXPIRE_CORRECTION = "Task_ExpireCorrection";
        public static final String EXPIRED = "Event_CorrectionExpired";

        private Elements() {
        }
    }

    public static final class Vars {
        /** Set by Task_OpenCorrection from the open return: the enterprise's user, the task's due date and timer. */
        public static final ProcessVariable<String> ASSIGNEE = ProcessVariable.text("correctionAssignee");
        public static final ProcessVariable<Date> DUE_AT = ProcessVariable.date("correctionDueAt");
        /** The deciding form's field of the points, and the task-local copy the enterprise's form shows. */
        public static final ProcessVariable<String> POINTS = ProcessVariable.text("correctionPoints");
        public static final ProcessVariable<String> DEADLINE_NOTE = ProcessVariable.text("correctionDeadlineNote");
        public static final ProcessVariable<String> STAGE_LABEL = ProcessVariable.text("correctionStageLabel");
        /** What the enterprise changed (before → after), shown to the panel lead reviewing the correction. */
        public static final ProcessVariable<String> CHANGES = ProcessVariable.text("correctionChanges");
        /** Set by the system on both ends: CORRECTED or EXPIRED; tc-project's gateways read it. */
        public static final ProcessVariable<String> OUTCOME = ProcessVariable.text("correctionOutcome");
        /** The corrected fields tc-project's later forms show (refreshed from the project by Task_ReturnCorrected). */
        public static final List<String> FIELDS = CorrectableFields.ALL;

        private Vars() {
        }
    }

    public static final class Values {
        public static final String CORRECTED = "CORRECTED";
        public static final String EXPIRED = "EXPIRED";

        private Values() {
        }
    }

    private TcCorrectionProcess() {
    }
}

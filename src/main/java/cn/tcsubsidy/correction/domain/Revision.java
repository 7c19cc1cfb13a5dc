package cn.tcsubsidy.correction.domain;

import cn.tcsubsidy.project.domain.Stage;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One return for correction (退回补正) of a project: who asked at which stage for what, by when, and what the
 * correctable fields were before and after (field key → value, the values as the form shows them).
 *
 * @param outcome null while open; CORRECTED, EXPIRED or WITHDRAWN
 */
public record Revision(long id, long projectId, Stage stage, String requestedBy, LocalDateTime requestedAt,
                       String points, int workingDays, LocalDateTime deadline, Map<String, Object> before,
                       Map<String, Object> after, String correctionNote, String correctedBy, LocalDateTime correctedAt,
                       String outcome, String closedNote) {

    public static final String CORRECTED = "CORRECTED";
    public static final String EXPIRED = "EXPIRED";
    public static final String WITHDRAWN = "WITHDRAWN";

    public boolean isOpen() {
        return outcome == null;
    }

    /** The deadline as users read it, with the label of its source (common practice, not a source's text). */
    public String deadlineNote() {
        return "补正期限 " + workingDays + " 个工作日(常见做法),至 " + deadline.toLocalDate().minusDays(1) + " 24:00";
    }
}

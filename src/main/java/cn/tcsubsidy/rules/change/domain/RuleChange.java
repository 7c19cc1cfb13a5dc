package cn.tcsubsidy.rules.change.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One rule change of a jurisdiction: the new versions of some of its decision tables, why, from when, and who
 * uploaded and who decided it (approved or rejected, {@code approvedBy}/{@code approvedAt}).
 *
 * @param activateOn        null: in force as soon as approved
 * @param processInstanceId the tc-rule-change instance that waits for {@code activateOn} (scheduled changes)
 * @param deploymentId      the engine deployment that put the tables in force (ACTIVE only)
 * @param files             the file names, in upload order
 */
public record RuleChange(long id, String jurisdiction, RuleChangeStatus status, String uploadedBy,
                         LocalDateTime uploadedAt, String reason, LocalDate activateOn, String approvedBy,
                         LocalDateTime approvedAt, String comment, String processInstanceId, String deploymentId,
                         LocalDateTime activatedAt, List<String> files) {

    public RuleChange {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public String title() {
        return "规则变更 #" + id;
    }
}

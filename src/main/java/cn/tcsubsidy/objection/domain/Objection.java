package cn.tcsubsidy.objection.domain;

import java.time.LocalDateTime;

/**
 * One objection (异议) against a project during its notice, as the bureau reads it: the objector's identity
 * (real name, ID, contact) is in here and nowhere else; {@link #withoutObjector()} is what anyone else reads.
 */
public record Objection(
        long id,
        long projectId,
        String jurisdiction,
        ObjectionChannel channel,
        String objectorName,
        String idType,
        String idNumber,
        String contact,
        String grounds,
        String scanFileName,
        Long scanSizeBytes,
        String filedBy,
        LocalDateTime filedAt,
        ObjectionStatus status,
        String findings,
        String basis,
        String decidedBy,
        LocalDateTime decidedAt,
        String objectorNotice) {

    /** What the project's enterprise and the jurisdiction's other readers see: that there is one, and its outcome. */
    public Anonymous withoutObjector() {
        return new Anonymous(id, projectId, channel.label(), filedAt, status, status.label(), findings, decidedAt,
                ObjectionService.PRACTICE);
    }

    public record Anonymous(long id, long projectId, String channel, LocalDateTime filedAt, ObjectionStatus status,
                            String statusLabel, String findings, LocalDateTime decidedAt, String practice) {
    }
}

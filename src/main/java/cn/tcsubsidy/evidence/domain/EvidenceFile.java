package cn.tcsubsidy.evidence.domain;

import java.time.LocalDateTime;

/** A stored scan, without its content. {@code sha256} is the hex SHA-256 of the content, {@code size} its bytes. */
public record EvidenceFile(long id, long projectId, EvidenceKind kind, String kindLabel, String fileName,
                           String contentType, long size, String sha256, String uploadedBy, LocalDateTime uploadedAt) {
}

package cn.tcsubsidy.mail.domain;

import java.time.LocalDateTime;

/** A row of the outbox as the bureau and the project's page show it. */
public record OutboxMail(long id, String jurisdiction, Long projectId, String template, RecipientRole recipientRole,
                         String recipientUser, String address, String subject, String body, String messageId,
                         MailStatus status, String skipReason, int attempts, String lastError, LocalDateTime createdAt,
                         LocalDateTime sentAt) {
}

package cn.tcsubsidy.mail.domain;

/** Where a mail of the outbox stands. */
public enum MailStatus {
    /** 待发送: its job has not delivered it yet (it may be waiting for a retry). */
    PENDING,
    /** 已发送: the SMTP server accepted it. */
    SENT,
    /** 发送失败: every retry failed; an incident on the project's process instance waits for a retry in Cockpit. */
    FAILED,
    /** 未发送: no address, or no SMTP server configured; the reason is recorded. */
    SKIPPED
}

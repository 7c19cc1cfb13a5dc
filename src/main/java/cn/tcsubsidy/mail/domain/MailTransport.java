package cn.tcsubsidy.mail.domain;

/** Hands one outbox mail to the mail server (or, with none configured, to the log). */
public interface MailTransport {

    /** Sends it; throws when the server refuses it or cannot be reached. */
    void send(OutboxMail mail);

    /** Null when mail really leaves; otherwise why it does not (the row is then marked SKIPPED with this reason). */
    String notDeliveredReason();
}

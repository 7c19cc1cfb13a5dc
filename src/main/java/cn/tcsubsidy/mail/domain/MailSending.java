package cn.tcsubsidy.mail.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt to send an outbox row, run by its engine job. A failure of the server is retried after each of
 * {@link MailSettings#retryDelays()} (a new job, due later); the failure after the last wait marks the row FAILED
 * (in a transaction of its own, so the mark survives) and throws, so that the job's incident shows on the project's
 * process instance in Cockpit. Retrying the incident runs the attempt again. A row already SENT or SKIPPED is never
 * sent again (a duplicated job does nothing); between the server's acceptance and the mark a crash can resend once,
 * with the same Message-ID.
 */
@Service
public class MailSending {

    /** The engine's own retries of a job failing for another reason than the server (e.g. a locking conflict). */
    static final int ENGINE_RETRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MailSending.class);

    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final MailTransport transport;
    private final MailDispatch dispatch;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate own;

    public MailSending(JdbcClient jdbc, MailOutbox outbox, MailTransport transport, MailDispatch dispatch,
                       MailSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transport = transport;
        this.dispatch = dispatch;
        this.settings = settings;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Thrown when the last attempt failed: the job's incident. */
    public static class MailNotDelivered extends RuntimeException {
        public MailNotDelivered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Attempts to send row {@code id}; {@code jobId} is the job running it. */
    public void attempt(long id, String jobId) {
        OutboxMail mail = outbox.find(id).orElse(null);
        if (mail == null || mail.status() == MailStatus.SENT || mail.status() == MailStatus.SKIPPED) {
            return;
        }
        String notDelivered = transport.notDeliveredReason();
        try {
            transport.send(mail);
        } catch (RuntimeException e) {
            failed(mail, e);
            return;
        }
        jdbc.sql("""
                update mail_outbox set status = :s, skip_reason = :reason, attempts = attempts + 1, sent_at = :at,
                  job_id = null where id = :id
                """)
                .param("s", (notDelivered == null ? MailStatus.SENT : MailStatus.SKIPPED).name())
                .param("reason", notDelivered).param("at", notDelivered == null ? LocalDateTime.now(clock) : null)
                .param("id", id).update();
    }

    private void failed(OutboxMail mail, RuntimeException e) {
        int attempts = mail.attempts() + 1;
        String error = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
        if (attempts <= settings.retryDelays().size()) {
            Instant due = clock.instant().plus(settings.retryDelays().get(attempts - 1));
            String job = dispatch.schedule(mail.id(), outbox.processInstanceOf(mail.projectId()), due,
                    retriesOf(attempts));
            jdbc.sql("update mail_outbox set attempts = :n, last_error = :e, job_id = :job where id = :id")
                    .param("n", attempts).param("e", error).param("job", job).param("id", mail.id()).update();
            LOG.warn("Mail {} not delivered (attempt {}), next attempt at {}: {}", mail.id(), attempts, due, error);
            return;
        }
        own.executeWithoutResult(tx -> jdbc.sql(
                        "update mail_outbox set status = 'FAILED', attempts = :n, last_error = :e where id = :id")
                .param("n", attempts).param("e", error).param("id", mail.id()).update());
        throw new MailNotDelivered("邮件 " + mail.id() + " 发送失败,已尝试 " + attempts + " 次(" + error
                + "),请在邮件服务器恢复后重试此事件", e);
    }

    /**
     * The job of a row that was not sent is being deleted without running (its process instance ended or was
     * deleted): the row gets a job of its own, so no mail is lost.
     */
    public void jobDeleted(long id, String jobId) {
        OutboxMail mail = outbox.find(id).orElse(null);
        if (mail == null || mail.status() == MailStatus.SENT || mail.status() == MailStatus.SKIPPED) {
            return;
        }
        String current = jdbc.sql("select job_id from mail_outbox where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        if (!jobId.equals(current)) {
            return;
        }
        String job = dispatch.schedule(id, null, null, retriesOf(mail.attempts()));
        jdbc.sql("update mail_outbox set job_id = :job where id = :id").param("job", job).param("id", id).update();
    }

    /** The attempt after the last wait fails into an incident at once (retries 1); earlier ones have the engine's. */
    private int retriesOf(int attemptsSoFar) {
        return attemptsSoFar >= settings.retryDelays().size() ? 1 : ENGINE_RETRIES;
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}

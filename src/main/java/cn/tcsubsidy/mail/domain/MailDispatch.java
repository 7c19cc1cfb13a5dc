package cn.tcsubsidy.mail.domain;

import java.time.Instant;

/** Schedules the engine job that sends an outbox row (implemented over the engine's job manager). */
public interface MailDispatch {

    /**
     * A job that sends outbox row {@code outboxId} at {@code due} (null: as soon as the transaction commits), on the
     * process instance {@code processInstanceId} when it is still running (null or ended: a job of its own).
     * {@code retries}: how often the engine itself retries an unexpected failure of the job (the server's failures
     * are retried by {@link MailSending} with its waits). Joins the caller's transaction. Returns the job's id.
     */
    String schedule(long outboxId, String processInstanceId, Instant due, int retries);
}

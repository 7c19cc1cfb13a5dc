package cn.tcsubsidy.mail.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reminder scan every {@code tc.mail.reminders.interval} (default 15 minutes), where the job executor runs (the
 * tests that switch it off drive {@link TaskReminders} themselves). Only queues outbox rows; the mails themselves
 * go out by their engine jobs.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
public class TaskReminderSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(TaskReminderSchedule.class);
    private final TaskReminders reminders;

    public TaskReminderSchedule(TaskReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(initialDelayString = "${tc.mail.reminders.interval:15m}", fixedDelayString = "${tc.mail.reminders.interval:15m}")
    public void scan() {
        try {
            int queued = reminders.scan();
            if (queued > 0) {
                LOG.info("Queued {} reminder mails", queued);
            }
        } catch (RuntimeException e) {
            LOG.warn("Reminder scan failed; the next scan tries again", e);
        }
    }
}

package cn.tcsubsidy.mail.process;

import cn.tcsubsidy.mail.domain.MailSending;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The engine job that sends one outbox row (job handler type {@value #TYPE}; its configuration is the row's id).
 * Registered with the engine in {@link cn.tcsubsidy.engine.EngineConfiguration}; the sending itself is
 * {@link MailSending}, looked up when the job runs (the engine is built before the application's beans).
 */
public class SendMailJobHandler implements JobHandler<SendMailJobHandler.OutboxRow> {

    public static final String TYPE = "tc-send-mail";

    private final Supplier<MailSending> sending;

    public SendMailJobHandler(Supplier<MailSending> sending) {
        this.sending = sending;
    }

    /** The outbox row a job sends. */
    public record OutboxRow(long id) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return Long.toString(id);
        }
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(OutboxRow row, ExecutionEntity execution, CommandContext context, String tenantId) {
        JobEntity job = context.getCurrentJob();
        sending.get().attempt(row.id(), job == null ? null : job.getId());
    }

    @Override
    public OutboxRow newConfiguration(String canonicalString) {
        return new OutboxRow(Long.parseLong(canonicalString));
    }

    @Override
    public void onDelete(OutboxRow row, JobEntity job) {
        sending.get().jobDeleted(row.id(), job.getId());
    }
}

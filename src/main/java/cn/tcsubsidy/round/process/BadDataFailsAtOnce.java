package cn.tcsubsidy.round.process;

import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job that fails on bad data (a record elsewhere than the step belongs, a value the rules refuse) would fail the
 * same way on every retry: it becomes an incident at once, with the domain's Chinese message, on the instance of the
 * project or round it concerns. Every other failure (a database or a table briefly unavailable) keeps the retries and
 * back-off of its model ({@code camunda:failedJobRetryTimeCycle}).
 */
@Component
public class BadDataFailsAtOnce extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(RetryUnlessBadData::new);
    }

    /** The domain's refusal inside whatever the engine wrapped it in, or null. */
    static RuntimeException badData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StepRefusedException || t instanceof ValidationException) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    /** What the officer reads in Cockpit: the refusal's Chinese reasons, without the field keys. */
    static String message(RuntimeException refusal) {
        if (refusal instanceof ValidationException v) {
            return "数据有误,未重试:" + v.errors().stream().map(cn.tcsubsidy.shared.FieldError::message)
                    .collect(java.util.stream.Collectors.joining(";"));
        }
        return refusal.getMessage();
    }

    static final class RetryUnlessBadData extends DefaultJobRetryCmd {

        RetryUnlessBadData(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            RuntimeException refusal = badData(exception);
            JobEntity job = getJob();
            if (refusal == null || job == null) {
                return super.execute(commandContext);
            }
            job.unlock();
            logException(job);
            job.setExceptionMessage(message(refusal));
            job.setRetries(0);
            notifyAcquisition(commandContext);
            return null;
        }
    }
}

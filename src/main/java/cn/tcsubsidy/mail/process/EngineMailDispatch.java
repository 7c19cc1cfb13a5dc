package cn.tcsubsidy.mail.process;

import cn.tcsubsidy.mail.domain.MailDispatch;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The outbox's jobs, written through the engine's job manager in the caller's transaction (inside an engine command
 * when there is one, else in a command that joins the Spring transaction). A job on a running project instance
 * carries it, so its incident shows on that project in Cockpit; the job executor picks it up after the commit.
 */
@Component
public class EngineMailDispatch implements MailDispatch {

    private final ObjectProvider<ProcessEngine> engine;

    public EngineMailDispatch(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    public String schedule(long outboxId, String processInstanceId, Instant due, int retries) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            return create(current, outboxId, processInstanceId, due, retries);
        }
        return ((ProcessEngineImpl) engine.getObject()).getProcessEngineConfiguration().getCommandExecutorTxRequired()
                .execute(context -> create(context, outboxId, processInstanceId, due, retries));
    }

    private static String create(CommandContext context, long outboxId, String processInstanceId, Instant due,
                                 int retries) {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(SendMailJobHandler.TYPE);
        job.setJobHandlerConfigurationRaw(Long.toString(outboxId));
        job.setRetries(retries);
        job.setDuedate(due == null ? null : Date.from(due));
        ExecutionEntity instance = processInstanceId == null ? null
                : context.getExecutionManager().findExecutionById(processInstanceId);
        if (instance != null) {
            job.setExecution(instance);
            job.setProcessDefinitionId(instance.getProcessDefinitionId());
            job.setProcessDefinitionKey(instance.getProcessDefinition().getKey());
            job.setDeploymentId(instance.getProcessDefinition().getDeploymentId());
            job.setTenantId(instance.getTenantId());
        }
        context.getJobManager().send(job);
        return job.getId();
    }
}

package cn.tcsubsidy.payment.process;

import cn.tcsubsidy.payment.domain.PayeeFields;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PaymentForm;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.TcProjectProcess.Elements;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The payee on finance's payment task (Task_PayAward): a masked summary from the app's records, as the task-local
 * variable {@code payeeSummary} that the form {@code pay-award} shows read-only. The account itself stays in
 * payee_account; the form has no payee field to fill in, and the payment goes to the confirmed record.
 */
@Configuration
public class PaymentTaskPayee {

    /** On Task_PayAward's creation: the payee as recorded when the payment falls due. */
    @Bean
    public TaskListener payeeSummaryListener(ProjectRepository projects, PayeeService payees) {
        return task -> projects.findIdByProcessInstance(task.getProcessInstanceId()).ifPresent(id ->
                task.setVariableLocal(PayeeFields.PAYEE_SUMMARY, payees.paymentFormSummary(id)));
    }

    /**
     * Keeps a waiting payment task's summary in step when the payee is changed or confirmed over /api. Writing task
     * variables is the administrator's alone for a signed-in user (the command guard); this write is the system's,
     * inside one engine command of its own, in the change's transaction.
     */
    @Component
    static class EnginePaymentForm implements PaymentForm {

        private final ProcessEngine engine;

        EnginePaymentForm(ProcessEngine engine) {
            this.engine = engine;
        }

        @Override
        public void showPayee(String processInstanceId, String summary) {
            if (processInstanceId == null) {
                return;
            }
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(new ShowPayeeOnPaymentTask(engine.getTaskService(), processInstanceId, summary));
        }
    }

    record ShowPayeeOnPaymentTask(TaskService tasks, String processInstanceId, String summary) implements Command<Void> {

        @Override
        public Void execute(CommandContext ctx) {
            return ctx.runWithoutAuthorization(() -> {
                for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId)
                        .taskDefinitionKey(Elements.PAY_AWARD).list()) {
                    tasks.setVariableLocal(t.getId(), PayeeFields.PAYEE_SUMMARY, summary);
                }
                return null;
            });
        }
    }
}

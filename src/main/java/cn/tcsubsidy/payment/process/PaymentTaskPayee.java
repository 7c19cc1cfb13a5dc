package cn.tcsubsidy.payment.process;

import cn.tcsubsidy.payment.domain.PayeeFields;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PaymentForm;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.TcProjectProcess.Elements;
import cn.tcsubsidy.project.process.TcProjectProcess.Vars;
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
 * What the payment tasks' forms show, read-only, as task-local variables set when each task is created: the payee on
 * finance's preparation (Task_PreparePayment, {@code payeeSummary}: a masked summary from the app's records; the
 * account itself stays in payee_account, the form has no payee field to fill in, and the payment goes to the
 * confirmed record), the order to prepare or approve, the advance before the settlement, the recovery, the payments
 * before acceptance. Voucher numbers appear only by their tail: the engine's history never holds one.
 */
@Configuration
public class PaymentTaskPayee {

    /** On Task_PreparePayment's creation: the payee as recorded when the payment falls due. */
    @Bean
    public TaskListener payeeSummaryListener(ProjectRepository projects, PayeeService payees) {
        return task -> projects.findIdByProcessInstance(task.getProcessInstanceId()).ifPresent(id ->
                task.setVariableLocal(PayeeFields.PAYEE_SUMMARY, payees.paymentFormSummary(id)));
    }

    /** On the creation of each payment task: its summary, from the orders as they stand. */
    @Bean
    public TaskListener paymentTaskSummaryListener(ProjectRepository projects, PaymentService payments) {
        return task -> projects.findIdByProcessInstance(task.getProcessInstanceId()).ifPresent(id -> {
            switch (task.getTaskDefinitionKey()) {
                case Elements.PREPARE_PAYMENT -> Vars.PAYMENT_ORDER_SUMMARY.setLocal(task, payments.preparationSummary(id));
                case Elements.APPROVE_PAYMENT -> Vars.PAYMENT_ORDER_SUMMARY.setLocal(task, payments.approvalSummary(id));
                case Elements.SETTLE_AWARD -> Vars.SETTLEMENT_SUMMARY.setLocal(task, payments.settlementSummary(id));
                case Elements.RECORD_RECOVERY -> Vars.RECOVERY_SUMMARY.setLocal(task, payments.recoverySummary(id));
                case Elements.RECORD_ACCEPTANCE -> Vars.PAYMENTS_SUMMARY.setLocal(task, payments.paymentsSummary(id));
                default -> throw new IllegalStateException("no payment summary for task " + task.getTaskDefinitionKey());
            }
        });
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
                        .taskDefinitionKey(Elements.PREPARE_PAYMENT).list()) {
                    tasks.setVariableLocal(t.getId(), PayeeFields.PAYEE_SUMMARY, summary);
                }
                return null;
            });
        }
    }
}

package cn.tcsubsidy.award.budget.process;

import static cn.tcsubsidy.engine.guard.Refusals.refusingBadInput;

import cn.tcsubsidy.award.budget.FundBudget;
import cn.tcsubsidy.award.budget.FundBudgetService;
import cn.tcsubsidy.award.budget.process.TcFundBudgetProcess.Vars;
import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.shared.Money;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What tc-fund-budget does: its one step records the start form's budget for the instance's jurisdiction. */
@Configuration
public class FundBudgetSteps {

    /**
     * The signed-in finance officer's entry, in the start's transaction: a refusal (a field, a budget below what is
     * committed, another role) fails the start with the message and stores nothing.
     */
    @Bean
    public JavaDelegate recordFundBudgetDelegate(FundBudgetService budgets, Actors actors) {
        return execution -> {
            Map<String, Object> entry = new HashMap<>();
            FundBudgetService.ENTRY_FIELDS.forEach(field -> {
                if (execution.getVariable(field) != null) {
                    entry.put(field, execution.getVariable(field));
                }
            });
            FundBudget b = refusingBadInput(() -> budgets.enter(execution.getTenantId(), entry, actors.current()));
            Vars.BUDGET_NOTE.set(execution, b.fundName() + " " + b.budgetYear() + " 年度预算 "
                    + Money.format(b.amount()) + "(依据 " + b.basis() + "),已安排 " + Money.format(b.committed()));
        };
    }
}

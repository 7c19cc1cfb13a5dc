package cn.tcsubsidy.rules.change.process;

import cn.tcsubsidy.rules.change.domain.RuleChangeService;
import cn.tcsubsidy.rules.change.process.TcRuleChangeProcess.Vars;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the steps of tc-rule-change do, one line each, calling {@link RuleChangeService}. */
@Configuration
public class RuleChangeSteps {

    /** Task_DeployRuleChange (after Event_ActivationDate): the change named by the system-set ruleChangeId, in its tenant. */
    @Bean
    public JavaDelegate deployRuleChangeDelegate(RuleChangeService changes) {
        return execution -> changes.activateScheduled(Vars.RULE_CHANGE_ID.get(execution), execution.getTenantId());
    }
}

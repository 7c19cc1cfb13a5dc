package cn.tcsubsidy.objection.process;

import cn.tcsubsidy.engine.RuleEvaluator;
import cn.tcsubsidy.objection.domain.ObjectionChannel;
import cn.tcsubsidy.objection.domain.ObjectionRules;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks a jurisdiction's table {@code tc-objection-rules} ({@code dmn/<j>/<j>-objection.dmn}), the latest version, as
 * the rule evaluator. A jurisdiction without the table accepts no objection until it has one (fails loudly).
 */
@Component
public class CamundaObjectionRules implements ObjectionRules {

    public static final String DECISION = "tc-objection-rules";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final IdentityService identity;

    public CamundaObjectionRules(DecisionService decisions, RepositoryService repository, IdentityService identity) {
        this.decisions = decisions;
        this.repository = repository;
        this.identity = identity;
    }

    @Override
    public Channel channel(String jurisdiction, ObjectionChannel channel) {
        return RuleEvaluator.run(identity, jurisdiction, () -> {
            DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                    .tenantIdIn(jurisdiction).latestVersion().singleResult();
            if (table == null) {
                throw new IllegalStateException("no table " + DECISION + " deployed for tenant " + jurisdiction);
            }
            DmnDecisionResultEntries out = decisions.evaluateDecisionByKey(DECISION)
                    .decisionDefinitionTenantId(jurisdiction).version(table.getVersion())
                    .variables(Variables.createVariables().putValue("channel", channel.name())).evaluate()
                    .getSingleResult();
            if (out == null) {
                return new Channel(false, DECISION + " v" + table.getVersion() + " 无匹配规则");
            }
            Object basis = out.get("basis");
            return new Channel(Boolean.TRUE.equals(out.get("accepted")),
                    (basis == null ? "" : basis + " ") + "[" + DECISION + " v" + table.getVersion() + " " + jurisdiction + "]");
        });
    }
}

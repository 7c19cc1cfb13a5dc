package cn.tcsubsidy.payment.process;

import cn.tcsubsidy.engine.RuleEvaluator;
import cn.tcsubsidy.payment.domain.AdvanceRules;
import java.math.BigDecimal;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks a jurisdiction's table {@code tc-payment-advance} (shipped for Huanggang only, {@code dmn/huanggang/
 * huanggang-payment.dmn}), the latest version, as the rule evaluator. No table for the tenant, no matching rule or a
 * share of 0: the awards are paid at once.
 */
@Component
public class CamundaAdvanceRules implements AdvanceRules {

    public static final String DECISION = "tc-payment-advance";

    /** The table's variable names. */
    public static final class Var {
        public static final String CATEGORY = "category";
        public static final String ADVANCE_SHARE = "advanceShare";
        public static final String SETTLEMENT_MONTH = "settlementMonth";
        public static final String SETTLEMENT_DAY = "settlementDay";
        public static final String NOTE = "note";

        private Var() {
        }
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final IdentityService identity;

    public CamundaAdvanceRules(DecisionService decisions, RepositoryService repository, IdentityService identity) {
        this.decisions = decisions;
        this.repository = repository;
        this.identity = identity;
    }

    @Override
    public Optional<AdvanceRule> advance(String jurisdiction, String category) {
        return RuleEvaluator.run(identity, jurisdiction, () -> {
            DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                    .tenantIdIn(jurisdiction).latestVersion().singleResult();
            if (table == null) {
                return Optional.<AdvanceRule>empty();
            }
            DmnDecisionResultEntries out = decisions.evaluateDecisionByKey(DECISION)
                    .decisionDefinitionTenantId(jurisdiction).version(table.getVersion())
                    .variables(Variables.createVariables().putValue(Var.CATEGORY, category)).evaluate().getSingleResult();
            BigDecimal share = out == null ? null : RuleEvaluator.decimal(out.get(Var.ADVANCE_SHARE));
            if (share == null || share.signum() == 0) {
                return Optional.<AdvanceRule>empty();
            }
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalStateException(DECISION + " of tenant " + jurisdiction + " gives an advance share of "
                        + share + " for " + category + ": it must lie between 0 and 1");
            }
            int month = integer(out, Var.SETTLEMENT_MONTH, 1, 12, jurisdiction);
            int day = integer(out, Var.SETTLEMENT_DAY, 1, 31, jurisdiction);
            Object note = out.get(Var.NOTE);
            String ref = DECISION + " v" + table.getVersion() + " " + jurisdiction;
            return Optional.of(new AdvanceRule(share, month, day, note == null ? ref : note + "[" + ref + "]", ref));
        });
    }

    private static int integer(DmnDecisionResultEntries out, String name, int min, int max, String tenant) {
        Object v = out.get(name);
        if (!(v instanceof Number n) || n.intValue() < min || n.intValue() > max) {
            throw new IllegalStateException(DECISION + " of tenant " + tenant + ": output " + name + " is " + v
                    + ", not a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }
}

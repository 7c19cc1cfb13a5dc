package cn.tcsubsidy.followup.process;

import cn.tcsubsidy.engine.RuleEvaluator;
import cn.tcsubsidy.followup.domain.FollowUpRules;
import cn.tcsubsidy.followup.domain.Indicator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the jurisdiction's follow-up tables ({@code dmn/<j>/<j>-follow-up.dmn}), the latest version, as the rule
 * evaluator. A table missing for the tenant, or a row out of range, fails the step with the table's name.
 */
@Component
public class CamundaFollowUpRules implements FollowUpRules {

    public static final String PERIOD = "tc-follow-up-period";
    public static final String INDICATORS = "tc-performance-indicators";
    public static final String EVALUATION = "tc-performance-evaluation";

    private final DecisionService decisions;
    private final IdentityService identity;

    public CamundaFollowUpRules(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @Override
    public Period period(String jurisdiction, String category) {
        DmnDecisionResultEntries out = evaluate(jurisdiction, PERIOD, Map.of("category", category)).getSingleResult();
        if (out == null) {
            throw new IllegalStateException(PERIOD + " of tenant " + jurisdiction + " has no rule for " + category);
        }
        return new Period(whole(out, "reportAfterMonths", 0, 120, jurisdiction),
                whole(out, "reportWorkingDays", 1, 250, jurisdiction),
                whole(out, "escalationWorkingDays", 1, 250, jurisdiction),
                whole(out, "rectifyWorkingDays", 1, 500, jurisdiction),
                out.get("note") + "[" + PERIOD + " " + jurisdiction + "]");
    }

    @Override
    public List<Indicator> indicators(String jurisdiction, String category) {
        return evaluate(jurisdiction, INDICATORS, Map.of("category", category)).getResultList().stream()
                .map(row -> Indicator.of(String.valueOf(row.get("indicator"))).orElseThrow(() -> new IllegalStateException(
                        INDICATORS + " of tenant " + jurisdiction + " names an unknown indicator " + row.get("indicator"))))
                .toList();
    }

    @Override
    public Suggestion suggest(String jurisdiction, int round, BigDecimal lowestRatio) {
        var vars = Variables.createVariables().putValue("evaluationRound", round)
                .putValue("lowestRatio", lowestRatio == null ? null : lowestRatio.doubleValue());
        DmnDecisionResultEntries out = RuleEvaluator.run(identity, jurisdiction, () -> decisions
                .evaluateDecisionByKey(EVALUATION).decisionDefinitionTenantId(jurisdiction).variables(vars).evaluate())
                .getSingleResult();
        if (out == null) {
            throw new IllegalStateException(EVALUATION + " of tenant " + jurisdiction + " has no rule for round " + round
                    + " and ratio " + lowestRatio);
        }
        String conclusion = String.valueOf(out.get("suggestedConclusion"));
        BigDecimal share = RuleEvaluator.decimal(out.get("suggestedShare"));
        if (!List.of("PASS", "RECTIFY", "CLAWBACK").contains(conclusion) || share == null || share.signum() < 0
                || share.compareTo(BigDecimal.ONE) > 0 || (round > 1 && "RECTIFY".equals(conclusion))) {
            throw new IllegalStateException(EVALUATION + " of tenant " + jurisdiction + " suggests " + conclusion + " "
                    + share + ": a conclusion PASS, RECTIFY (first round only) or CLAWBACK with a share from 0 to 1");
        }
        return new Suggestion(conclusion, share, out.get("note") + "[" + EVALUATION + " " + jurisdiction + "]");
    }

    private DmnDecisionResult evaluate(String jurisdiction, String key, Map<String, Object> vars) {
        return RuleEvaluator.run(identity, jurisdiction, () -> decisions.evaluateDecisionByKey(key)
                .decisionDefinitionTenantId(jurisdiction).variables(Variables.fromMap(vars)).evaluate());
    }

    private static int whole(DmnDecisionResultEntries out, String name, int min, int max, String tenant) {
        Object v = out.get(name);
        if (!(v instanceof Number n) || n.intValue() < min || n.intValue() > max) {
            throw new IllegalStateException(PERIOD + " of tenant " + tenant + ": output " + name + " is " + v
                    + ", not a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }
}

package cn.tcsubsidy.award;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Evaluates a tenant's deployed tc-award (or lpr-1y) with the variables of the table contract: every figure zero,
 * every flag false and every choice empty unless a test sets it.
 */
public final class AwardTable {

    public static final String[] FIGURES = {"totalInvestment", "equipmentInvestment", "robotInvestment",
            "informatizationInvestment", "rdInvestment", "loanAmount", "completedInvestmentThisYear", "nationalFunding",
            "purchasePrice", "smeEquipmentInvestment"};

    private final DecisionService decisions;
    private final String tenant;

    AwardTable(DecisionService decisions, String tenant) {
        this.decisions = decisions;
        this.tenant = tenant;
    }

    public Inputs category(String category) {
        return new Inputs(category);
    }

    public final class Inputs {
        private final VariableMap vars = Variables.createVariables();

        private Inputs(String category) {
            vars.putValue("category", category);
            for (String f : FIGURES) {
                vars.putValue(f, BigDecimal.ZERO);
            }
            for (String s : new String[] {"applicationDate", "mujuanClass", "certificationLevel", "expertScore", "county",
                    "poolLevel", "lpr"}) {
                vars.putValue(s, null);
            }
            vars.putValue("echelonListed", false);
            vars.putValue("superiorFunded", false);
        }

        public Inputs on(String isoDate) {
            vars.putValue("applicationDate", isoDate);
            return this;
        }

        public Inputs money(String figure, String yuan) {
            vars.putValue(figure, new BigDecimal(yuan));
            return this;
        }

        public Inputs with(String name, Object value) {
            vars.putValue(name, value instanceof String s && name.equals("lpr") ? new BigDecimal(s) : value);
            return this;
        }

        public Outcome evaluate() {
            DmnDecisionResultEntries out = decisions.evaluateDecisionByKey("tc-award").decisionDefinitionTenantId(tenant)
                    .variables(vars).evaluate().getSingleResult();
            List<String> reasons = new ArrayList<>();
            ((Iterable<?>) out.get("reasons")).forEach(r -> reasons.add((String) r));
            return new Outcome((Boolean) out.get("eligible"), reasons, decimal(out.get("rate")), (String) out.get("baseFields"),
                    decimal(out.get("fixedAmount")), decimal(out.get("projectCap")),
                    decimal(out.get("enterpriseCap")), (String) out.get("basis"));
        }
    }

    /** lpr-1y's rate on a date, or null when no rate is in force. */
    public BigDecimal lpr(String isoDate) {
        DmnDecisionResultEntries out = decisions.evaluateDecisionByKey("lpr-1y").decisionDefinitionTenantId(tenant)
                .variables(Variables.createVariables().putValue("applicationDate", isoDate)).evaluate().getFirstResult();
        return out == null ? null : decimal(out.get("lpr"));
    }

    static BigDecimal decimal(Object v) {
        return v == null ? null : new BigDecimal(v.toString());
    }

    public record Outcome(boolean eligible, List<String> reasons, BigDecimal rate, String baseFields,
                          BigDecimal fixedAmount, BigDecimal projectCap, BigDecimal enterpriseCap, String basis) {
    }
}

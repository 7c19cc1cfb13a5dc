package cn.tcsubsidy.award;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Evaluates a tenant's deployed tc-award (or lpr-1y) with the variables of the table contract
 * (../helper-notes/dmn-contract.md): every figure and every other-funding sum zero, every flag false and every choice,
 * certificate, scheme and date empty unless a test sets it; {@link Inputs#on} sets the application date, the policy date
 * and the award year together, as the quote API does.
 */
public final class AwardTable {

    public static final String[] FIGURES = {"totalInvestment", "equipmentInvestment", "robotInvestment",
            "informatizationInvestment", "rdInvestment", "loanAmount", "completedInvestmentThisYear", "nationalFunding",
            "purchasePrice", "smeEquipmentInvestment"};

    /** The project's other public funding, summed per level (0 when none). */
    public static final String[] OTHER_FUNDING = {"otherFundingCounty", "otherFundingCity", "otherFundingProvince",
            "otherFundingNational"};

    /** Every text, choice, date and scheme input that is empty unless a test sets it. */
    static final String[] EMPTY = {"applicationDate", "policyDate", "awardYear", "mujuanClass", "certificationLevel",
            "expertScore", "county", "poolLevel", "lpr", "certificateNo", "certificateDate", "localMade", "listingYear",
            "productionStartDate", "schemeRate", "schemeProjectCap", "schemeEnterpriseCap", "schemeDocument"};

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
            for (String f : OTHER_FUNDING) {
                vars.putValue(f, BigDecimal.ZERO);
            }
            for (String s : EMPTY) {
                vars.putValue(s, null);
            }
            vars.putValue("echelonListed", false);
            vars.putValue("schemeSample", false);
        }

        /** The application date; the policy date and the award year follow it unless a test sets them after. */
        public Inputs on(String isoDate) {
            vars.putValue("applicationDate", isoDate);
            vars.putValue("policyDate", isoDate);
            vars.putValue("awardYear", isoDate == null ? null : Integer.valueOf(isoDate.substring(0, 4)));
            return this;
        }

        /** The date that picks the policy in force (the completion date by default in the app). */
        public Inputs policyDate(String isoDate) {
            vars.putValue("policyDate", isoDate);
            return this;
        }

        public Inputs awardYear(Integer year) {
            vars.putValue("awardYear", year);
            return this;
        }

        /** The certificate or listing behind a fixed award: its number and date. */
        public Inputs certificate(String number, String isoDate) {
            vars.putValue("certificateNo", number);
            vars.putValue("certificateDate", isoDate);
            return this;
        }

        /** An active annual scheme (专项奖补方案) of the award year and category, as the app passes it. */
        public Inputs scheme(String document, String rate, String projectCap, String enterpriseCap, boolean sample) {
            vars.putValue("schemeDocument", document);
            vars.putValue("schemeRate", rate == null ? null : new BigDecimal(rate));
            vars.putValue("schemeProjectCap", projectCap == null ? null : new BigDecimal(projectCap));
            vars.putValue("schemeEnterpriseCap", enterpriseCap == null ? null : new BigDecimal(enterpriseCap));
            vars.putValue("schemeSample", sample);
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
                    decimal(out.get("enterpriseCap")), (String) out.get("capScope"), (Boolean) out.get("scoredRate"),
                    (String) out.get("basis"));
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
                          BigDecimal fixedAmount, BigDecimal projectCap, BigDecimal enterpriseCap, String capScope,
                          Boolean scoredRate, String basis) {
    }
}

package cn.tcsubsidy.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The inputs {@link DmnAwardJmh} times Jiyuan's tc-award and {@link JiyuanRetrofitByHand} on, and the comparison that
 * must hold between the two results before either is timed.
 */
final class JiyuanAwardCases {

    private static final String[] FIGURES = {"totalInvestment", "equipmentInvestment", "robotInvestment",
            "informatizationInvestment", "rdInvestment", "loanAmount", "completedInvestmentThisYear", "nationalFunding",
            "purchasePrice", "smeEquipmentInvestment", "otherFundingCounty", "otherFundingCity", "otherFundingProvince",
            "otherFundingNational"};
    private static final String[] EMPTY = {"applicationDate", "policyDate", "awardYear", "mujuanClass",
            "certificationLevel", "expertScore", "county", "poolLevel", "lpr", "certificateNo", "certificateDate",
            "localMade", "listingYear", "productionStartDate", "schemeRate", "schemeProjectCap", "schemeEnterpriseCap",
            "schemeDocument"};

    private JiyuanAwardCases() {
    }

    /** Realistic TECH_RETROFIT inputs as JiyuanAwardTableTest passes them: eligible, and each way of being refused. */
    static List<VariableMap> cases() {
        List<VariableMap> cases = new ArrayList<>();
        cases.add(retrofit("2018-03-01", "8000000"));
        cases.add(retrofit("2018-03-01", "5000000"));
        cases.add(retrofit("2018-03-01", "4999999.99"));
        cases.add(retrofit("2018-03-01", "8000000").putValue("productionStartDate", null));
        cases.add(retrofit("2018-03-01", "8000000").putValue("productionStartDate", "2019-01-01"));
        cases.add(retrofit("2018-03-01", "8000000").putValue("awardYear", null));
        cases.add(retrofit("2017-08-01", "8000000"));
        cases.add(retrofit("2018-03-01", "8000000").putValue("policyDate", null));
        return cases;
    }

    private static VariableMap retrofit(String date, String completed) {
        VariableMap vars = Variables.createVariables().putValue("category", "TECH_RETROFIT");
        for (String f : FIGURES) {
            vars.putValue(f, BigDecimal.ZERO);
        }
        for (String f : EMPTY) {
            vars.putValue(f, null);
        }
        vars.putValue("echelonListed", false);
        vars.putValue("schemeSample", false);
        vars.putValue("applicationDate", date);
        vars.putValue("policyDate", date);
        vars.putValue("awardYear", Integer.valueOf(date.substring(0, 4)));
        vars.putValue("completedInvestmentThisYear", new BigDecimal(completed));
        vars.putValue("equipmentInvestment", new BigDecimal("5000000"));
        vars.putValue("rdInvestment", new BigDecimal("1000000"));
        vars.putValue("productionStartDate", date);
        return vars;
    }

    /** Entry by entry; numbers by value (the table's come back as Long or Double or BigDecimal). */
    static boolean same(Map<String, Object> table, Map<String, Object> hand) {
        Map<String, Object> t = new LinkedHashMap<>(table);
        Map<String, Object> h = new LinkedHashMap<>(hand);
        // An empty output cell leaves its entry out of the table's result; the hand-written one says null.
        h.entrySet().removeIf(e -> e.getValue() == null && !t.containsKey(e.getKey()));
        if (!t.keySet().equals(h.keySet())) {
            return false;
        }
        for (String k : t.keySet()) {
            Object a = t.get(k);
            Object b = h.get(k);
            if (a instanceof Number && b instanceof Number) {
                if (new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) != 0) {
                    return false;
                }
            } else if (!Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }
}

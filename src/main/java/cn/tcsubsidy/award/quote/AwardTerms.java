package cn.tcsubsidy.award.quote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a jurisdiction's tc-award table decided for a request: eligibility with the reasons for refusing, and the
 * terms (rate and the figures that make up the base, or a fixed amount; caps and which awards share the enterprise
 * cap). Where the rate is a ceiling ({@code scoredRate}), tc-rate-by-score's rate within it. Amounts are left to
 * {@link AwardCalculator}: FEEL rounds decimals half-even, the award is rounded half-up.
 *
 * @param baseFields  the figures whose sum is the base; empty for a fixed award
 * @param poolLevel   the project pool level (Huanggang CITY / COUNTY), from tc-pool-entry; else null
 * @param capScope    POLICY (null from the table), CATEGORY, CATEGORY_YEAR or NONE
 * @param scoredRate  whether {@code rate} is a ceiling that the expert score may lower
 * @param scoreRate   tc-rate-by-score's rate (null: the ceiling applies, or the decision was not asked)
 * @param rateDecision tc-rate-by-score as evaluated, null when it was not
 */
public record AwardTerms(boolean eligible, List<String> reasons, BigDecimal rate, List<Figure> baseFields,
                         BigDecimal fixedAmount, BigDecimal projectCap, BigDecimal enterpriseCap, String basis,
                         String poolLevel, DecisionRef decision, String capScope, boolean scoredRate,
                         BigDecimal scoreRate, DecisionRef rateDecision) {

    /** The enterprise cap's scope when the table names none: every award of the enterprise under the policy. */
    public static final String POLICY_SCOPE = "POLICY";

    public AwardTerms {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        baseFields = baseFields == null ? List.of() : List.copyOf(baseFields);
        capScope = capScope == null || capScope.isBlank() ? POLICY_SCOPE : capScope;
    }

    /** Terms of a table without a rate ceiling or cap scope (the tables before issue 7). */
    public AwardTerms(boolean eligible, List<String> reasons, BigDecimal rate, List<Figure> baseFields,
                      BigDecimal fixedAmount, BigDecimal projectCap, BigDecimal enterpriseCap, String basis,
                      String poolLevel, DecisionRef decision) {
        this(eligible, reasons, rate, baseFields, fixedAmount, projectCap, enterpriseCap, basis, poolLevel, decision,
                null, false, null, null);
    }

    /** The same terms, refused for one more reason (the quote service's own checks, e.g. the standing list). */
    public AwardTerms refused(String reason) {
        List<String> all = new ArrayList<>(reasons);
        all.add(reason);
        return new AwardTerms(false, all, rate, baseFields, fixedAmount, projectCap, enterpriseCap, basis, poolLevel,
                decision, capScope, scoredRate, scoreRate, rateDecision);
    }
}

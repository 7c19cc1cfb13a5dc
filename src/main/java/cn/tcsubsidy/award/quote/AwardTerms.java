package cn.tcsubsidy.award.quote;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a jurisdiction's tc-award table decided for a request: eligibility with the reasons for refusing, and the
 * terms (rate and the figures that make up the base, or a fixed amount; caps). Amounts are left to
 * {@link AwardCalculator}: FEEL rounds decimals half-even, the award is rounded half-up.
 *
 * @param baseFields  the figures whose sum is the base; empty for a fixed award
 * @param poolLevel   the project pool level (Huanggang CITY / COUNTY), from tc-pool-entry; else null
 */
public record AwardTerms(boolean eligible, List<String> reasons, BigDecimal rate, List<Figure> baseFields,
                         BigDecimal fixedAmount, BigDecimal projectCap, BigDecimal enterpriseCap, String basis,
                         String poolLevel, DecisionRef decision) {

    public AwardTerms {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        baseFields = baseFields == null ? List.of() : List.copyOf(baseFields);
    }
}

package cn.tcsubsidy.award.quote;

import java.math.BigDecimal;
import java.util.List;

/**
 * The quoted award. {@code amount} is rounded half-up to 0.01 and already bounded by the per-project and
 * per-enterprise caps, ignoring the enterprise's earlier awards (the award ledger accounts for those).
 *
 * @param rate        the rate applied (for a loan-interest subsidy: LPR × the policy's share), null for a fixed award
 * @param base        the sum of the figures the rate applies to, null for a fixed award
 * @param allocations CLUSTER only: the amount split among the members; else null
 * @param reasons     one Chinese reason per rule that refused or cut the amount; never empty when not eligible
 * @param basis       the policy clause the table cites for these terms
 */
public record AwardQuote(boolean eligible, BigDecimal amount, BigDecimal rate, BigDecimal base, BigDecimal projectCap,
                         BigDecimal enterpriseCap, String poolLevel, List<Allocation> allocations, List<String> reasons,
                         DecisionRef decision, String basis) {

    /** A member's share of a cluster award. */
    public record Allocation(String enterprise, BigDecimal amount) {
    }
}

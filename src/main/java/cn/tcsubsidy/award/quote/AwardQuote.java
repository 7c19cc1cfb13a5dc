package cn.tcsubsidy.award.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The quoted award. {@code amount} is rounded half-up to 0.01 and already bounded by the per-project and
 * per-enterprise caps, ignoring the enterprise's earlier awards (the award ledger accounts for those).
 *
 * @param rate         the rate applied (for a loan-interest subsidy: LPR × the policy's share; where the table's rate
 *                     is a ceiling, the rate the expert score gave within it), null for a fixed award and for a
 *                     cluster whose members' rates differ
 * @param base         the sum of the figures the rate applies to, null for a fixed award
 * @param allocations  CLUSTER only: each member's share, booked to its credit code; else null
 * @param reasons      one Chinese reason per rule that refused or cut the amount (or set the rate below its
 *                     ceiling); never empty when not eligible
 * @param decision     the tc-award table that decided
 * @param basis        the policy clause the table cites for these terms
 * @param capScope     which awards of the enterprise share {@code enterpriseCap}: POLICY, CATEGORY, CATEGORY_YEAR or NONE
 * @param rateCeiling  the table's rate where it is a ceiling (最高不超过), else null
 * @param rateDecision the tc-rate-by-score table that chose the rate within the ceiling, null when none was asked
 * @param policyDate   the date that picked the policy in force
 * @param lprDate      the date that picked the LPR
 * @param awardYear    the year whose fund pays, whose annual scheme applied
 */
public record AwardQuote(boolean eligible, BigDecimal amount, BigDecimal rate, BigDecimal base, BigDecimal projectCap,
                         BigDecimal enterpriseCap, String poolLevel, List<Allocation> allocations, List<String> reasons,
                         DecisionRef decision, String basis, String capScope, BigDecimal rateCeiling,
                         DecisionRef rateDecision, LocalDate policyDate, LocalDate lprDate, Integer awardYear) {

    /**
     * A member's share of a cluster award: its equipment investment × its own rate, scaled down with the others' when
     * their sum exceeds the project cap; 0 for a refused member, with its reasons.
     */
    public record Allocation(String enterprise, String creditCode, BigDecimal amount, boolean eligible, BigDecimal rate,
                             List<String> reasons) {

        public Allocation {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }
}

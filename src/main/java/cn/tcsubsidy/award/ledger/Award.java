package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One row of the ledger: one enterprise's award for one project (a cluster project has a row per member).
 * {@code cutReason} says, in Chinese, why {@code grantedAmount} is below {@code requestedAmount}; {@code capScope} is
 * null when no enterprise cap applies; {@code fundShares} is what each paying fund is charged (fund code → yuan,
 * adding up to {@link #committedAmount()} while the award is live).
 */
public record Award(
        long id,
        long projectId,
        String jurisdiction,
        String creditCode,
        String category,
        String categorySet,
        String policyKey,
        String capScope,
        BigDecimal enterpriseCap,
        boolean clusterLead,
        Map<String, BigDecimal> fundShares,
        int year,
        BigDecimal requestedAmount,
        BigDecimal grantedAmount,
        String cutReason,
        String certificateNo,
        String annualLimitOverride,
        AwardStatus status,
        BigDecimal paidAmount,
        BigDecimal recoveredAmount,
        String cancelReason,
        String recoveryReason,
        String reservedBy,
        LocalDateTime reservedAt,
        LocalDateTime paidAt,
        LocalDateTime cancelledAt,
        LocalDateTime updatedAt) {

    public Award {
        fundShares = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fundShares));
    }

    public boolean isCut() {
        return grantedAmount.compareTo(requestedAmount) < 0;
    }

    /**
     * What the award takes from the enterprise cap and the year's budget: the grant while proposed, what was paid
     * once paid, nothing once cancelled. A clawback gives nothing back: recovered money returns to the treasury, not
     * to the enterprise's room under the cap nor to that year's fund.
     */
    public BigDecimal committedAmount() {
        return switch (status) {
            case PROPOSED -> grantedAmount;
            case PAID -> paidAmount;
            case CANCELLED -> BigDecimal.ZERO.setScale(2);
        };
    }
}

package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One row of the ledger. {@code cutReason} says, in Chinese, why {@code grantedAmount} is below {@code requestedAmount}. */
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
        String fundCode,
        int year,
        BigDecimal requestedAmount,
        BigDecimal grantedAmount,
        String cutReason,
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

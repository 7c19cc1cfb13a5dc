package cn.tcsubsidy.award.budget;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A fund's budget for one year as the finance officer reads it: the amount, what live awards already take from it,
 * the budget decision it rests on (文件号), who entered it and when, and every entry and change since.
 */
public record FundBudget(
        String jurisdiction,
        String fundCode,
        String fundName,
        int budgetYear,
        BigDecimal amount,
        BigDecimal committed,
        BigDecimal remaining,
        String basis,
        String enteredBy,
        LocalDateTime enteredAt,
        String updatedBy,
        LocalDateTime updatedAt,
        List<Change> changes) {

    /** One entry (previousAmount null) or change of the budget, oldest first. */
    public record Change(BigDecimal previousAmount, BigDecimal amount, String basis, String reason, String changedBy,
                         LocalDateTime changedAt) {
    }

    public FundBudget {
        changes = List.copyOf(changes);
    }
}

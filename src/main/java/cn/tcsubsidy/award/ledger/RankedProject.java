package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A candidate's place on the proposed list. Below the line it keeps its whole requested amount and a Chinese
 * {@code reason} (预算余额不足…) for the bureau's decision; above the line {@code reason} is null.
 */
public record RankedProject(
        int rank,
        long projectId,
        BigDecimal expertScore,
        BigDecimal requestedAmount,
        LocalDate completionDate,
        boolean aboveLine,
        String reason) {
}

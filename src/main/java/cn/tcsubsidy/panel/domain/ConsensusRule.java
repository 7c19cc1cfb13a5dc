package cn.tcsubsidy.panel.domain;

import java.math.BigDecimal;

/**
 * When a panel's scores are trimmed and when they need a consensus (合议), as the jurisdiction's table
 * {@code tc-panel-consensus} says (common practice, not text of the sources): with {@code trimAtLeast} sheets or
 * more the highest and lowest totals are dropped; a spread of totals above {@code spreadThreshold} points (0–100)
 * gives the panel lead a consensus task.
 */
public record ConsensusRule(BigDecimal spreadThreshold, int trimAtLeast) {

    public ConsensusRule {
        if (spreadThreshold == null || spreadThreshold.signum() < 0 || spreadThreshold.compareTo(ScoreSheet.HUNDRED) > 0) {
            throw new IllegalArgumentException("consensus rule: spread threshold " + spreadThreshold);
        }
        // Trimming one highest and one lowest needs at least 3 sheets to leave one.
        if (trimAtLeast < 3) {
            throw new IllegalArgumentException("consensus rule: trim at least " + trimAtLeast + " sheets");
        }
    }
}

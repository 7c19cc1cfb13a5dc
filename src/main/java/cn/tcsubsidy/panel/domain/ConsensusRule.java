package cn.tcsubsidy.panel.domain;

import java.math.BigDecimal;

/**
 * When a panel's scores are trimmed, when they need a consensus (合议) and when a project passes, as the
 * jurisdiction's table {@code tc-panel-consensus} says (common practice, not text of the sources): with
 * {@code trimAtLeast} sheets or more the highest and lowest totals are dropped; a spread of totals above
 * {@code spreadThreshold} points (0–100) gives the panel lead a consensus task; a project passes the review when its
 * final score is at least {@code passScore} and more than half of the members recommend it.
 */
public record ConsensusRule(BigDecimal spreadThreshold, int trimAtLeast, BigDecimal passScore) {

    public ConsensusRule {
        if (spreadThreshold == null || spreadThreshold.signum() < 0 || spreadThreshold.compareTo(ScoreSheet.HUNDRED) > 0) {
            throw new IllegalArgumentException("consensus rule: spread threshold " + spreadThreshold);
        }
        // Trimming one highest and one lowest needs at least 3 sheets to leave one.
        if (trimAtLeast < 3) {
            throw new IllegalArgumentException("consensus rule: trim at least " + trimAtLeast + " sheets");
        }
        if (passScore == null || passScore.signum() < 0 || passScore.compareTo(ScoreSheet.HUNDRED) > 0) {
            throw new IllegalArgumentException("consensus rule: pass score " + passScore);
        }
    }

    /** A rule for aggregation alone (no pass mark: any score passes with a majority recommending). */
    public ConsensusRule(BigDecimal spreadThreshold, int trimAtLeast) {
        this(spreadThreshold, trimAtLeast, BigDecimal.ZERO);
    }

    /** Whether a final score with these opinions passes: score ≥ pass mark and recommendations over half. */
    public boolean passes(BigDecimal finalScore, long recommend, long sheets) {
        return finalScore != null && finalScore.compareTo(passScore) >= 0 && recommend * 2 > sheets;
    }
}

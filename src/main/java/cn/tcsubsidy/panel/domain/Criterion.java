package cn.tcsubsidy.panel.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One scoring criterion of the jurisdiction's table {@code tc-score-criteria} (common practice, not text of the
 * sources): its key (e.g. {@code TECHNOLOGY}), the label a reviewer reads (技术水平), the top of its scale and its
 * weight in the 0–100 total.
 */
public record Criterion(String key, String label, BigDecimal maxScore, BigDecimal weight) {

    public Criterion {
        if (key == null || key.isBlank() || label == null || label.isBlank()) {
            throw new IllegalArgumentException("criterion without key or label: " + key + " / " + label);
        }
        if (maxScore == null || maxScore.signum() <= 0) {
            throw new IllegalArgumentException("criterion " + key + ": max score " + maxScore);
        }
        if (weight == null || weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("criterion " + key + ": weight " + weight);
        }
        // One value, one representation: 100, 100.0 (a table's double) and 100.00 (a stored column) are equal.
        maxScore = maxScore.stripTrailingZeros();
        weight = weight.stripTrailingZeros();
    }

    /** A jurisdiction's criteria as one scale: at least one, keys distinct, weights summing to exactly 1. */
    public static List<Criterion> checkedSet(List<Criterion> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            throw new IllegalArgumentException("no scoring criteria");
        }
        Set<String> keys = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("scoring criterion " + c.key() + " named twice");
            }
            sum = sum.add(c.weight());
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("the weights of the scoring criteria sum to " + sum + ", not 1");
        }
        return List.copyOf(criteria);
    }
}

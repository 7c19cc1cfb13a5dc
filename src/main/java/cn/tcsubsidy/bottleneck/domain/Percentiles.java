package cn.tcsubsidy.bottleneck.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of waiting times by linear interpolation between the closest ranks (R-7, as Excel's PERCENTILE.INC and
 * numpy's default): for n sorted values the p-quantile sits at rank {@code h = (n - 1) p}, between the values at
 * floor(h) and ceil(h). The median (p = 0.5) is then the middle value, or the mean of the two middle ones.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-quantile (0 ≤ p ≤ 1) of the values, or null when there are none. */
    public static Double of(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("p must lie in [0, 1]: " + p);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = (int) Math.ceil(h);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Hours as shown: half-up to 0.01, or null. */
    public static BigDecimal hours(Double hours) {
        return hours == null ? null : BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP);
    }
}

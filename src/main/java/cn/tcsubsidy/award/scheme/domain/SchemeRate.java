package cn.tcsubsidy.award.scheme.domain;

import java.math.BigDecimal;

/**
 * A scheme's terms for one category: the rate (a fraction, 0 &lt; rate ≤ 1; what it is a share of is the category's
 * {@link SchemeCategory#rateMeaning()}), the per-project and per-enterprise caps in yuan (null = none) and the
 * scheme's own words.
 */
public record SchemeRate(String category, BigDecimal rate, BigDecimal projectCap, BigDecimal enterpriseCap,
                         String note) {
}

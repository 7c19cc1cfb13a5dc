package cn.tcsubsidy.rules.guardrail;

import java.math.BigDecimal;

/**
 * What a policy allows for one case: nothing ({@code maxAmount} null), or at most {@code maxAmount}, with the rate
 * ceiling where the policy names a rate. {@code rule} says it in the policy's words (Chinese), {@code source} quotes
 * the sentence.
 */
public record Limit(BigDecimal maxAmount, BigDecimal maxRate, String rule, String source) {

    public static Limit nothing(String rule, String source) {
        return new Limit(null, null, rule, source);
    }

    public static Limit upTo(BigDecimal amount, BigDecimal rate, String rule, String source) {
        return new Limit(amount, rate, rule, source);
    }

    public boolean paysNothing() {
        return maxAmount == null;
    }
}

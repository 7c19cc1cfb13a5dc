package cn.tcsubsidy.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is BigDecimal in yuan, rounded half-up to 0.01 (分). */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal amount) {
        return round(amount).toPlainString() + " 元";
    }
}

package cn.tcsubsidy.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is BigDecimal in yuan, rounded half-up to 0.01 (分). */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /**
     * The largest amount any form or request may carry: 999,999,999,999.99 yuan, far above any retrofit project and
     * well inside the numeric(18, 2) columns, so an absurd figure is refused by name instead of overflowing a column.
     */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal amount) {
        return round(amount).toPlainString() + " 元";
    }
}

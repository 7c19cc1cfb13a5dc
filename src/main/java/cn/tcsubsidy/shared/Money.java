package cn.tcsubsidy.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

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

    /**
     * The amount as texts that people read write it (task notes, mails, refusals, summaries): half-up to 0.01 with
     * thousands separators and the unit, 720000 is {@code 720,000.00 元}. Locale-independent, see {@link #grouped}.
     */
    public static String format(BigDecimal amount) {
        return grouped(amount) + " 元";
    }

    /** What a spreadsheet's number format {@code #,##0.00} shows, for a page that a person reads. */
    public static final String GROUPED_PATTERN = "#,##0.00";
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /**
     * The amount in yuan rounded half-up to 0.01 with thousands separators, as a person reads it: 12000000 is
     * {@code 12,000,000.00}. The separators are always {@code ,} and {@code .}, whatever the server's locale.
     */
    public static String grouped(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat(GROUPED_PATTERN, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(round(amount));
    }

    /** The amount in 万元 (yuan ÷ 10,000), half-up to 0.01 万元, as the bureaus' reports write it. */
    public static BigDecimal toWan(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
    }

    /** The amount in 万元 with thousands separators and its unit: 12000000 is {@code 1,200.00 万元}. */
    public static String groupedWan(BigDecimal yuan) {
        return grouped(toWan(yuan)) + " 万元";
    }
}

package cn.tcsubsidy.award.quote;

import java.math.BigDecimal;
import java.util.List;

/**
 * Other public funding a project received (其它财政资金), one row per grant: the level that paid it, its source, the
 * document that granted it and the amount. Each jurisdiction's table applies its own test to the per-level sums
 * (Hekou 享受上级专项资金, Huanggang 未获得省级支持, Yanzhou 已获其它财政资金支持).
 *
 * <p>{@code amount} null means "funded, amount not stated": the legacy checkbox {@code superiorFunded} says only that
 * the project had higher-level special funds ({@link #superiorFundedCheckbox()}). The rows the API takes state their
 * amount (more than 0).
 *
 * @param level COUNTY, CITY, PROVINCE or NATIONAL ({@link #LEVELS})
 */
public record OtherFunding(String level, String source, String document, BigDecimal amount) {

    public static final String COUNTY = "COUNTY";
    public static final String CITY = "CITY";
    public static final String PROVINCE = "PROVINCE";
    public static final String NATIONAL = "NATIONAL";
    public static final List<String> LEVELS = List.of(COUNTY, CITY, PROVINCE, NATIONAL);

    /**
     * What {@code superiorFunded: true} stands for: one provincial special fund (上级专项资金) of unstated amount, ticked
     * in the application (申报时勾选).
     */
    public static OtherFunding superiorFundedCheckbox() {
        return new OtherFunding(PROVINCE, "上级专项资金", "申报时勾选", null);
    }
}

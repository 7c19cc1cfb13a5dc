package cn.tcsubsidy.payment.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A jurisdiction's table of advance payments (先期预拨+年终结算, decision {@code tc-payment-advance}): for a category, the
 * share paid after the notice and the day of the following year on which the year-end settlement falls due. A
 * jurisdiction without the table, or a category its table gives no share, is paid at once.
 */
public interface AdvanceRules {

    Optional<AdvanceRule> advance(String jurisdiction, String category);

    /**
     * @param share           the advance's share of each order, in (0, 1)
     * @param settlementMonth the month of the year after the advance in which the settlement falls due
     * @param settlementDay   its day (the month's last day if the month is shorter)
     * @param note            the rule as users read it, with its basis
     * @param decisionRef     the table's key, version and tenant
     */
    record AdvanceRule(BigDecimal share, int settlementMonth, int settlementDay, String note, String decisionRef) {
    }
}

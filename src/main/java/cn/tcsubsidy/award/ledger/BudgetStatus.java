package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;

/**
 * A fund's budget for one year. Without a {@code fund_budget} row the fund is {@code configured = false}: it pays no
 * award (no budget, no award), and {@code note} says so, naming the fund and the year.
 *
 * @param amount    the year's budget; null when not entered
 * @param committed what live awards already take from it (their shares, see {@link Award#fundShares()})
 * @param remaining amount − committed; null when not entered
 */
public record BudgetStatus(
        String jurisdiction,
        String fundCode,
        int year,
        boolean configured,
        String fundName,
        BigDecimal amount,
        BigDecimal committed,
        BigDecimal remaining,
        String note) {

    static BudgetStatus configured(String jurisdiction, String fundCode, int year, String fundName, BigDecimal amount,
                                   BigDecimal committed) {
        BigDecimal remaining = Money.round(amount.subtract(committed));
        return new BudgetStatus(jurisdiction, fundCode, year, true, fundName, Money.round(amount), Money.round(committed),
                remaining, fundName + " " + year + " 年度预算 " + Money.format(amount) + ",已安排 "
                        + Money.format(committed) + ",剩余 " + Money.format(remaining));
    }

    static BudgetStatus notConfigured(String jurisdiction, String fundCode, int year, String fundName,
                                      BigDecimal committed) {
        return new BudgetStatus(jurisdiction, fundCode, year, false, fundName, null, Money.round(committed), null,
                missing(fundName, year));
    }

    /** The refusal where a fund has no budget for the year, e.g. 麻城市工业技改专项资金 2025 年度预算未录入,不能安排奖补. */
    static String missing(String fundName, int year) {
        return fundName + " " + year + " 年度预算未录入,不能安排奖补;请财政局录入该年度预算";
    }

    BudgetStatus plus(BigDecimal awarded) {
        return configured(jurisdiction, fundCode, year, fundName, amount, committed.add(awarded));
    }
}

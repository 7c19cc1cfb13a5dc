package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;

/**
 * A fund's budget for one year. Without a {@code fund_budget} row the fund is {@code configured = false}: no budget
 * limit applies, and {@code note} says so in Chinese rather than leaving the bureau to guess.
 *
 * @param amount    the year's budget; null when not configured
 * @param committed what live awards already take from it (see {@link Award#committedAmount()})
 * @param remaining amount − committed (negative if an administrator lowered the budget below it); null when not configured
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

    static BudgetStatus notConfigured(String jurisdiction, String jurisdictionName, String fundCode, int year,
                                      BigDecimal committed) {
        String fund = fundCode.equals(jurisdiction) ? "" : "(资金来源 " + fundCode + ")";
        return new BudgetStatus(jurisdiction, fundCode, year, false, null, null, Money.round(committed), null,
                jurisdictionName + fund + " " + year + " 年度未登记奖补资金预算,不受预算额度限制;"
                        + "如需按预算控制,请管理员登记该年度预算");
    }

    BudgetStatus plus(BigDecimal awarded) {
        BigDecimal now = committed.add(awarded);
        return configured ? configured(jurisdiction, fundCode, year, fundName, amount, now)
                : new BudgetStatus(jurisdiction, fundCode, year, false, null, null, Money.round(now), null, note);
    }
}

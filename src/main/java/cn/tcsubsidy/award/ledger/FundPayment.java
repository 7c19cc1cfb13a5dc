package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;

/**
 * One paying fund's share of an award as the ledger holds it.
 *
 * @param share     the fraction of the award the fund pays
 * @param committed what the fund is charged: its part of the grant while the award is proposed, what it paid once
 *                  the award is paid
 * @param paid      what the fund has paid of it so far (an advance, then the rest)
 */
public record FundPayment(String fundCode, BigDecimal share, BigDecimal committed, BigDecimal paid) {
}

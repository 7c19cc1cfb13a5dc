package cn.tcsubsidy.award.ledger;

import java.math.BigDecimal;

/**
 * One fund paying a share of a recommending unit's awards (谁受益、谁兑现).
 *
 * @param fundCode a fund of the jurisdiction (table {@code fund}), whose budget for the award year must be entered
 * @param share    the fraction it pays, e.g. {@code 0.5}; a unit's shares add up to 1
 * @param basis    why this fund pays this share (the source sentence or document), shown to users
 * @param sample   the ratio is a sample (示例), not from a fiscal document
 */
public record FundShare(String fundCode, BigDecimal share, String basis, boolean sample) {

    /** The whole award paid by one fund. */
    public static FundShare whole(String fundCode, String basis) {
        return new FundShare(fundCode, BigDecimal.ONE, basis, false);
    }
}

package cn.tcsubsidy.payment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * How a project's awards are paid: at once, or (先期预拨+年终结算) an advance share after the notice and the rest, or a
 * recovery, at the year-end settlement.
 *
 * @param ruleNote        what the jurisdiction's table said, with its basis, as users read it
 * @param settlementDueOn the settlement's day, once every advance order is paid
 */
public record PaymentPlan(long projectId, Mode mode, BigDecimal advanceShare, Integer settlementMonth,
                          Integer settlementDay, String ruleNote, String decisionRef, LocalDate settlementDueOn,
                          BigDecimal settledAmount, String settlementBasis, String settledBy, LocalDateTime settledAt) {

    public enum Mode {
        FULL("一次性拨付"),
        ADVANCE("先期预拨+年终结算");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean settled() {
        return settledAt != null;
    }

    /** Awaiting its year-end settlement: an advance plan not yet settled. */
    public boolean settlementPending() {
        return mode == Mode.ADVANCE && !settled();
    }
}

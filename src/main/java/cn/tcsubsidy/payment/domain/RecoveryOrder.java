package cn.tcsubsidy.payment.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Money a payee is to pay back to a fund (追回单), tracked until repaid in full (several repayments may make it up):
 * the part of an advance above the award the year-end settlement found, or a clawback after a failed performance
 * follow-up.
 */
public record RecoveryOrder(long id, long projectId, long awardId, String jurisdiction, String fundCode, String fundName,
                            Kind kind, BigDecimal amount, BigDecimal repaidAmount, Status status, String reason,
                            String openedBy, LocalDateTime openedAt, LocalDateTime closedAt) {

    public enum Kind {
        SETTLEMENT("年终结算多拨追回"),
        /** Performance follow-up failed (绩效未达标追回, 常见做法): part or all of what was paid. */
        CLAWBACK("绩效未达标追回");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        OPEN("待缴回"),
        REPAID("已缴回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public BigDecimal outstanding() {
        return amount.subtract(repaidAmount);
    }

    public String title() {
        return "追回单 #" + id + " · " + fundName + " · " + kind.label() + " " + cn.tcsubsidy.shared.Money.format(amount);
    }
}

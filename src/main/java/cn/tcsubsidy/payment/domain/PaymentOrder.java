package cn.tcsubsidy.payment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A payment order (拨付单): what one fund pays of one award (a cluster member's award, a fund's share of a split
 * award), whole, as an advance or as the rest after the year-end settlement. Prepared by one finance officer (payee,
 * voucher, date), approved by another, paid once.
 *
 * @param fundName       the paying fund's name (table fund)
 * @param creditCode     whose award it pays (for a cluster, the member's)
 * @param basis          how the amount follows from the award, as the officers read it
 * @param payeeAccountId the confirmed payee the order was prepared for; null while open
 */
public record PaymentOrder(long id, long projectId, long awardId, String jurisdiction, String fundCode, String fundName,
                           String creditCode, Kind kind, BigDecimal amount, String basis, Status status,
                           Long payeeAccountId, String voucherNo, LocalDate paymentDate, String prepareNote,
                           String preparedBy, LocalDateTime preparedAt, String approvedBy, String approvalNote,
                           LocalDateTime approvedAt, int returnedCount, LocalDateTime createdAt) {

    public enum Kind {
        FULL("全额拨付"),
        ADVANCE("先期预拨"),
        SETTLEMENT("年终结算补拨");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        OPEN("待提交拨付申请"),
        PREPARED("待审核拨付"),
        PAID("已拨付");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The voucher number's last characters: what a task form or a summary may show of it. */
    public String voucherTail() {
        if (voucherNo == null) {
            return null;
        }
        return voucherNo.length() <= 4 ? "****" : "…" + voucherNo.substring(voucherNo.length() - 4);
    }

    /** E.g. 「拨付单 #12 · 黄冈市市级工业技改专项资金 · 先期预拨 375,000.00 元」. */
    public String title() {
        return "拨付单 #" + id + " · " + fundName + " · " + kind.label() + " " + cn.tcsubsidy.shared.Money.format(amount);
    }
}

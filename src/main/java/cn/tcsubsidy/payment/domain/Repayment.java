package cn.tcsubsidy.payment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One repayment (缴回) of a recovery order, with its voucher (shown to the bureau, finance and the auditor only). */
public record Repayment(long id, long recoveryOrderId, BigDecimal amount, String voucherNo, LocalDate repaidOn,
                        String recordedBy, LocalDateTime recordedAt) {

    public String voucherTail() {
        return voucherNo.length() <= 4 ? "****" : "…" + voucherNo.substring(voucherNo.length() - 4);
    }
}

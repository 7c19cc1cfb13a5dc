package cn.tcsubsidy.evidence.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A VAT purchase invoice (增值税专用发票/普通发票) behind the equipment figure.
 *
 * @param number          the invoice number: 20 digits for a fully digital invoice (数电发票), the invoice code
 *                        followed by the number for a paper or older electronic one
 * @param amountExclVat   the amount excluding VAT (金额,不含税), yuan
 */
public record Invoice(String number, LocalDate date, String seller, BigDecimal amountExclVat) {
}

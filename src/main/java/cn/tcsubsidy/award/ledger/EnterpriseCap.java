package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;

/**
 * The per-enterprise cap over a policy's life (e.g. 单个企业不超过300万元): an award is cut to what the enterprise has
 * left under it, and the cut says why in Chinese. The cap is an argument (from the DMN result), never a constant here.
 */
public final class EnterpriseCap {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** The amount granted; {@code reason} is null when nothing was cut, and set when the cap cut or exhausted it. */
    public record Cut(BigDecimal granted, String reason) {

        public boolean exhausted() {
            return granted.signum() == 0;
        }
    }

    private EnterpriseCap() {
    }

    /**
     * @param requested       the award the rules give this project
     * @param cap             the per-enterprise cap, null for none
     * @param alreadyAwarded  what the enterprise's live awards under the same policy and cap scope already take
     */
    public static Cut apply(BigDecimal requested, BigDecimal cap, BigDecimal alreadyAwarded) {
        BigDecimal asked = Money.round(requested);
        if (cap == null) {
            return new Cut(asked, null);
        }
        BigDecimal already = Money.round(alreadyAwarded);
        BigDecimal left = Money.round(cap).subtract(already);
        String head = "单个企业奖补累计不超过" + wan(cap) + ",已获奖补 " + Money.format(already);
        if (left.signum() <= 0) {
            return new Cut(Money.ZERO, head + ",额度已用完,本次申请 " + Money.format(asked) + " 不予奖补");
        }
        if (asked.compareTo(left) <= 0) {
            return new Cut(asked, null);
        }
        return new Cut(left, head + ",本次申请 " + Money.format(asked) + ",核减为 " + Money.format(left));
    }

    /** 3000000 → "300万元", as the policies write caps; an amount that is not whole 万 in yuan. */
    static String wan(BigDecimal amount) {
        BigDecimal[] quotientAndRemainder = Money.round(amount).divideAndRemainder(TEN_THOUSAND);
        return quotientAndRemainder[1].signum() == 0
                ? quotientAndRemainder[0].stripTrailingZeros().toPlainString() + "万元"
                : Money.format(amount);
    }
}

package cn.tcsubsidy.payment.domain;

import cn.tcsubsidy.shared.FormValues;
import java.util.regex.Pattern;

/**
 * A payee as recorded: for the enterprise, its own account (holder = the enterprise's name) at its bank; for a
 * loan-interest subsidy, the lending bank's receiving account under the entrusted-payment agreement.
 *
 * @param name        the account holder: the enterprise, or the lending bank
 * @param bank        the bank that keeps the account (for {@link PayeeType#BANK} the lending bank itself)
 * @param account     ASCII digits only
 * @param agreementNo the entrusted-payment agreement's number, for {@link PayeeType#BANK} only
 */
public record Payee(PayeeType type, String name, String bank, String account, String agreementNo) {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{8,32}");
    private static final int TAIL = 4;

    /**
     * Reads the payee fields of a filing or a change, rejecting in {@code f} what is wrong or belongs to the other kind
     * of payee; null when something is.
     *
     * @param enterpriseName the enterprise (the holder of its account), null if the caller found it invalid
     * @param loanBank       for a loan-interest project, the lending bank as the caller read it, or null if invalid
     */
    public static Payee read(FormValues f, boolean loanInterest, String enterpriseName, String loanBank) {
        if (loanInterest) {
            boolean foreign = refused(f, "贷款贴息资金按委托支付协议拨付给贷款银行,不填写企业的开户银行和银行账号",
                    PayeeFields.BANK_NAME, PayeeFields.BANK_ACCOUNT);
            String account = account(f, PayeeFields.LOAN_BANK_ACCOUNT, "贷款银行收款账号");
            String agreement = f.name(PayeeFields.AGREEMENT_NO, "委托支付协议编号", true, 64);
            return foreign || loanBank == null || account == null || agreement == null ? null
                    : new Payee(PayeeType.BANK, loanBank, loanBank, account, agreement);
        }
        boolean foreign = refused(f, "只有贷款贴息项目按委托支付协议拨付给贷款银行;本项目的奖补资金拨付至企业账户",
                PayeeFields.LOAN_BANK_ACCOUNT, PayeeFields.AGREEMENT_NO);
        String bank = f.name(PayeeFields.BANK_NAME, "开户银行", true, 200);
        String account = account(f, PayeeFields.BANK_ACCOUNT, "银行账号");
        return foreign || enterpriseName == null || bank == null || account == null ? null
                : new Payee(PayeeType.ENTERPRISE, enterpriseName, bank, account, null);
    }

    /** Rejects each of {@code keys} the submission fills in: fields of the other kind of payee. */
    private static boolean refused(FormValues f, String reason, String... keys) {
        boolean any = false;
        for (String key : keys) {
            if (f.has(key)) {
                f.reject(key, reason);
                any = true;
            }
        }
        return any;
    }

    /** The number is not echoed in the refusal: it is as sensitive as the account itself. */
    private static String account(FormValues f, String key, String label) {
        String s = f.text(key, label, true, 64);
        if (s != null && !ACCOUNT.matcher(s).matches()) {
            f.reject(key, label + "应为 8 至 32 位半角数字(0-9,不含空格、横线或字母)");
            return null;
        }
        return s;
    }

    /** The account's last digits: what anyone but the bureau, finance and the administrator may see of it. */
    public String accountTail() {
        return account.substring(account.length() - TAIL);
    }

    /**
     * The payee with the account masked, e.g. 「中国银行东营分行 · 东营市河口区示例化工有限公司 · 账号尾号 1234」 or
     * 「中国工商银行东营河口支行(贷款银行,委托支付协议 WT-2021-001) · 账号尾号 5678」.
     */
    public String masked() {
        return type == PayeeType.BANK
                ? name + "(贷款银行,委托支付协议 " + agreementNo + ") · 账号尾号 " + accountTail()
                : bank + " · " + name + " · 账号尾号 " + accountTail();
    }

    /** Masked, so that no log line or exception message carries the account. */
    @Override
    public String toString() {
        return masked();
    }
}

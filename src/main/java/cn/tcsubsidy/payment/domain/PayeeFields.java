package cn.tcsubsidy.payment.domain;

/**
 * Field keys of a payee (收款账户), in a filing (form {@code file-project}, POST /api/projects) and in a change
 * (PUT /api/projects/{id}/payee) alike.
 */
public final class PayeeFields {

    /** 开户银行 of the enterprise's account. */
    public static final String BANK_NAME = "bankName";
    /** 银行账号 of the enterprise's account (account holder: the enterprise). */
    public static final String BANK_ACCOUNT = "bankAccount";
    /** 贷款银行: for a loan-interest subsidy, the payee. */
    public static final String LOAN_BANK = "loanBank";
    /** 贷款银行收款账号 under the entrusted-payment agreement. */
    public static final String LOAN_BANK_ACCOUNT = "loanBankAccount";
    /** 委托支付协议编号. */
    public static final String AGREEMENT_NO = "entrustedAgreementNo";
    /** Why a recorded payee changes (变更原因). */
    public static final String REASON = "reason";
    /** The record the bureau confirms (核实): the id of the live payee row it checked. */
    public static final String PAYEE_ID = "payeeId";
    /** The masked payee that finance's payment form shows. */
    public static final String PAYEE_SUMMARY = "payeeSummary";

    private PayeeFields() {
    }
}

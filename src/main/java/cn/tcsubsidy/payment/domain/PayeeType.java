package cn.tcsubsidy.payment.domain;

/**
 * Who receives an award: a loan-interest subsidy goes to the lending bank under the entrusted-payment agreement
 * (委托支付协议), never to the enterprise; any other award to the enterprise's own account.
 */
public enum PayeeType {
    ENTERPRISE("企业"),
    BANK("贷款银行");

    private final String label;

    PayeeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PayeeType forLoanInterest(boolean loanInterest) {
        return loanInterest ? BANK : ENTERPRISE;
    }
}

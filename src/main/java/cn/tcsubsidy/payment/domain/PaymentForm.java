package cn.tcsubsidy.payment.domain;

/**
 * Finance's payment task (拨付奖补资金), as far as the payee service needs it: the masked payee its form shows.
 * The process side implements it; the payee service calls it when a change or a confirmation alters what a
 * waiting payment task should show.
 */
public interface PaymentForm {

    /** Shows {@code summary} on the project's open payment task, if it has one. */
    void showPayee(String processInstanceId, String summary);
}

package cn.tcsubsidy.payment.domain;

/** What may hold a project's payment (an objection under investigation or upheld): refuses the step, or passes. */
public interface PaymentHold {

    void requireNotHeld(long projectId, String step);
}

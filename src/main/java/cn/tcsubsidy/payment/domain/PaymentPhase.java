package cn.tcsubsidy.payment.domain;

/** Where a project's payment stands: what the process does next (Task_TrackPaymentOrders). */
public enum PaymentPhase {
    /** An order awaits its preparation (提交拨付申请), then its approval. */
    ORDERS_DUE,
    /** Every advance is paid: the year-end settlement is due on the plan's day. */
    SETTLEMENT_DUE,
    /** The settlement found an advance above the award: a recovery order awaits repayment. */
    RECOVERY_DUE,
    /** Every order is paid or repaid: the project awaits its acceptance (验收). */
    PAID
}

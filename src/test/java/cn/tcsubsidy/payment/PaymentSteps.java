package cn.tcsubsidy.payment;

import cn.tcsubsidy.payment.domain.AcceptanceService;
import cn.tcsubsidy.payment.domain.PaymentOrder;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.shared.Actor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Payment as the process runs it, for domain tests without the engine: the orders opened (Task_OpenPaymentOrders),
 * each open order prepared by one finance officer and approved by the other, the project accepted by its bureau.
 */
public final class PaymentSteps {

    private final PaymentService payment;
    private final AcceptanceService acceptance;

    public PaymentSteps(PaymentService payment, AcceptanceService acceptance) {
        this.payment = payment;
        this.acceptance = acceptance;
    }

    public static Actor finance(String jurisdiction) {
        return new Actor(jurisdiction + "-finance", List.of(jurisdiction + "-finance"), List.of(jurisdiction));
    }

    /** The jurisdiction's second finance officer, who approves what the first prepared. */
    public static Actor finance2(String jurisdiction) {
        return new Actor(jurisdiction + "-finance-2", List.of(jurisdiction + "-finance"), List.of(jurisdiction));
    }

    public static Actor bureau(String jurisdiction) {
        return new Actor(jurisdiction + "-bureau", List.of(jurisdiction + "-bureau"), List.of(jurisdiction));
    }

    /** Today by the engine's clock, which is the app's (a test may move it). */
    public static String today() {
        return LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                ZoneId.of("Asia/Shanghai")).toString();
    }

    public static Map<String, Object> preparation(String voucher) {
        return Map.of("paymentVoucherNo", voucher, "paymentDate", today());
    }

    public static Map<String, Object> approval() {
        return Map.of("approvalDecision", PaymentService.APPROVE);
    }

    /** Prepares and approves every open order of the project; returns how many were paid. */
    public int payOpenOrders(long projectId, String jurisdiction, String voucherPrefix) {
        int paid = 0;
        while (payment.orders(projectId).stream().anyMatch(o -> o.status() == PaymentOrder.Status.OPEN)) {
            payment.prepare(projectId, preparation(voucherPrefix + "-" + (++paid)), finance(jurisdiction));
            payment.approve(projectId, approval(), finance2(jurisdiction));
        }
        return paid;
    }

    /** Opens the orders of a project whose notice passed and pays them all. */
    public void payAll(long projectId, String jurisdiction, String voucherPrefix) {
        payment.openOrders(projectId);
        payOpenOrders(projectId, jurisdiction, voucherPrefix);
    }

    /** The bureau's acceptance, today; then the project may leave the pool. */
    public void accept(long projectId, String jurisdiction) {
        acceptance.accept(projectId, Map.of("acceptanceDate", today(), "acceptanceFindings", "建设内容与备案一致,已投产运行",
                "acceptanceDocument", "YS-" + projectId), bureau(jurisdiction));
    }
}

package cn.tcsubsidy.payment.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.payment.domain.Acceptance;
import cn.tcsubsidy.payment.domain.PayeeService;
import cn.tcsubsidy.payment.domain.PaymentOrder;
import cn.tcsubsidy.payment.domain.PaymentPlan;
import cn.tcsubsidy.payment.domain.PaymentService;
import cn.tcsubsidy.payment.domain.RecoveryOrder;
import cn.tcsubsidy.project.api.ProjectAccess;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's payment as finance runs it: the plan (at once, or 先期预拨+年终结算), every payment order with who
 * prepared and who approved it, every recovery order, the acceptance. For the jurisdiction's bureau, finance and
 * process owner and the administrator; anyone else reads the project as absent (404). Voucher numbers in full for
 * the bureau, finance and the administrator (as the project's history shows them), by their tail for the owner.
 */
@RestController
public class PaymentOrderController {

    private final ProjectAccess projects;
    private final PaymentService payments;
    private final PayeeService payees;

    public PaymentOrderController(ProjectAccess projects, PaymentService payments, PayeeService payees) {
        this.projects = projects;
        this.payments = payments;
        this.payees = payees;
    }

    public record PlanView(String mode, String modeLabel, BigDecimal advanceShare, LocalDate settlementDueOn,
                           BigDecimal settledAmount, String settlementBasis, String settledBy, String ruleNote) {
    }

    public record OrderView(long id, long awardId, String creditCode, String fundCode, String fundName, String kind,
                            String kindLabel, BigDecimal amount, String basis, String status, String statusLabel,
                            Long payeeAccountId, String voucherNo, LocalDate paymentDate, String prepareNote,
                            String preparedBy, LocalDateTime preparedAt, String approvedBy, LocalDateTime approvedAt,
                            String approvalNote, int returnedCount) {
    }

    public record RecoveryView(long id, String fundCode, String fundName, String kind, String kindLabel,
                               BigDecimal amount, BigDecimal repaidAmount, BigDecimal outstanding, String status,
                               String statusLabel, String reason, LocalDateTime openedAt, LocalDateTime closedAt) {
    }

    public record PaymentsView(long projectId, String stage, String stageLabel, String payee, PlanView plan,
                               List<OrderView> orders, List<RecoveryView> recoveries, BigDecimal paidTotal,
                               BigDecimal repaidTotal, Acceptance acceptance) {
    }

    @GetMapping("/api/projects/{id}/payments")
    public PaymentsView payments(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Project p = projects.find(id).filter(x -> reads(x, actor))
                .orElseThrow(() -> ProjectAccess.notFound(id));
        boolean details = actor.isAdmin() || actor.inGroup(Roles.bureau(p.jurisdiction()))
                || actor.inGroup(Roles.finance(p.jurisdiction()));
        List<OrderView> orders = payments.orders(id).stream().map(o -> new OrderView(o.id(), o.awardId(), o.creditCode(),
                o.fundCode(), o.fundName(), o.kind().name(), o.kind().label(), o.amount(), o.basis(), o.status().name(),
                o.status().label(), o.payeeAccountId(), details ? o.voucherNo() : o.voucherTail(), o.paymentDate(),
                o.prepareNote(), o.preparedBy(), o.preparedAt(), o.approvedBy(), o.approvedAt(), o.approvalNote(),
                o.returnedCount())).toList();
        List<RecoveryView> recoveries = payments.recoveries(id).stream().map(r -> new RecoveryView(r.id(), r.fundCode(),
                r.fundName(), r.kind().name(), r.kind().label(), r.amount(), r.repaidAmount(), r.outstanding(),
                r.status().name(), r.status().label(), r.reason(), r.openedAt(), r.closedAt())).toList();
        PlanView plan = payments.plan(id).map(PaymentOrderController::plan).orElse(null);
        BigDecimal paid = payments.orders(id).stream().filter(o -> o.status() == PaymentOrder.Status.PAID)
                .map(PaymentOrder::amount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal repaid = payments.recoveries(id).stream().map(RecoveryOrder::repaidAmount)
                .reduce(Money.ZERO, BigDecimal::add);
        return new PaymentsView(id, p.stage().name(), p.stage().label(), payees.paymentFormSummary(id), plan, orders,
                recoveries, paid, repaid, payments.acceptance(id).orElse(null));
    }

    private static PlanView plan(PaymentPlan p) {
        return new PlanView(p.mode().name(), p.mode().label(), p.advanceShare(), p.settlementDueOn(), p.settledAmount(),
                p.settlementBasis(), p.settledBy(), p.ruleNote());
    }

    private static boolean reads(Project p, Actor actor) {
        String j = p.jurisdiction();
        return actor.isAdmin() || (actor.mayActIn(j) && (actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.finance(j))
                || actor.inGroup(Roles.owner(j))));
    }
}

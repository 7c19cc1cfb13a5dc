package cn.tcsubsidy.payment.domain;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.award.ledger.Award;
import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.AwardStatus;
import cn.tcsubsidy.award.ledger.FundPayment;
import cn.tcsubsidy.award.quote.AwardCalculator;
import cn.tcsubsidy.evidence.domain.ReportedFacts;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Payment (兑现拨付) by payment orders (拨付单), once the notice closed with no objection upheld: one order per award and
 * paying fund (a cluster member's award; each fund's share where the unit's payers split an award), each paid to the
 * project's confirmed payee ({@link PayeeService}): for a loan-interest subsidy the lending bank under the
 * entrusted-payment agreement the completion report recorded, never the enterprise.
 *
 * <ul>
 *   <li><b>Four eyes (四眼原则).</b> One finance officer prepares an order (提交拨付申请: voucher, date, note), another
 *       approves it (审核拨付), which pays it; the preparer's own approval is refused here, and by the database.</li>
 *   <li><b>Exactly once.</b> Approval locks the project and the order and pays only a prepared order; the payment row
 *       is unique per order in the database, so a second completion (two tabs, a REST retry) never pays twice.</li>
 *   <li><b>先期预拨+年终结算</b> (Huanggang, table tc-payment-advance): the advance share of each order is paid after the
 *       notice; after the year's end the bureau settles the award on the actual figures, which opens orders for the
 *       rest or, where the advance exceeded the final award, recovery orders (追回单).</li>
 * </ul>
 * When every order is paid (and every recovery repaid) the award is closed in the ledger and the project awaits its
 * acceptance (验收, {@link AcceptanceService}); then it leaves the pool ({@link #exitPool}).
 */
@Service
public class PaymentService {

    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final PaymentOrders orders;
    private final PayeeAccounts accounts;
    private final Clock clock;
    private final AwardCases awards;
    private final AwardLedger ledger;
    private final PayeeService payees;
    private final ReportedFacts reported;
    private final AdvanceRules advanceRules;
    private final PaymentHold hold;

    public PaymentService(StageGuard guard, ProjectRepository projects, ProjectHistory history, PaymentOrders orders,
                          PayeeAccounts accounts, Clock clock, AwardCases awards, AwardLedger ledger, PayeeService payees,
                          ReportedFacts reported, AdvanceRules advanceRules, PaymentHold hold) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.orders = orders;
        this.accounts = accounts;
        this.clock = clock;
        this.awards = awards;
        this.ledger = ledger;
        this.payees = payees;
        this.reported = reported;
        this.advanceRules = advanceRules;
        this.hold = hold;
    }

    /** Where the payment stands and, when the settlement is due, on which day. */
    public record Progress(PaymentPhase phase, LocalDate settlementDueOn) {
    }

    // --- opening the orders ---

    /**
     * Task_OpenPaymentOrders: the notice closed with no objection upheld; one order per live award and paying fund,
     * at the fund's share of the grant, or its advance share where the jurisdiction's table gives one.
     */
    public PaymentPlan openOrders(long projectId) {
        Project p = guard.require(projectId, "生成拨付单", Stage.PAYMENT);
        if (orders.plan(projectId).isPresent()) {
            throw new StepRefusedException("项目 " + projectId + " 已生成拨付单,不能重复生成");
        }
        List<Award> live = ledger.awardsOf(projectId).stream().filter(a -> a.status() == AwardStatus.PROPOSED).toList();
        if (live.isEmpty()) {
            throw new StepRefusedException("项目 " + projectId + " 在台账中没有待拨付的奖补,不能生成拨付单");
        }
        Optional<AdvanceRules.AdvanceRule> advance = advanceRules.advance(p.jurisdiction(), p.category());
        PaymentPlan.Mode mode = advance.isPresent() ? PaymentPlan.Mode.ADVANCE : PaymentPlan.Mode.FULL;
        LocalDateTime now = LocalDateTime.now(clock);
        String ruleNote = advance.map(AdvanceRules.AdvanceRule::note).orElse("一次性拨付核定奖补");
        orders.insertPlan(projectId, mode, advance.orElse(null), truncate(ruleNote, 1000), now);
        List<String> lines = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (Award a : live) {
            String member = live.size() > 1 ? "成员 " + a.creditCode() + " " : "";
            for (FundPayment f : ledger.fundPayments(a.id())) {
                BigDecimal amount = advance.map(r -> Money.round(f.committed().multiply(r.share()))).orElse(f.committed());
                if (amount.signum() <= 0) {
                    continue;
                }
                String basis = member + "核定奖补 " + Money.format(a.grantedAmount()) + ",该资金分担 "
                        + percent(f.share()) + "(" + Money.format(f.committed()) + ")"
                        + advance.map(r -> ",先期预拨 " + percent(r.share()) + "(" + Money.format(amount) + ")").orElse("");
                PaymentOrder.Kind kind = advance.isPresent() ? PaymentOrder.Kind.ADVANCE : PaymentOrder.Kind.FULL;
                long id = orders.insertOrder(projectId, a.id(), a.jurisdiction(), f.fundCode(), a.creditCode(), kind,
                        amount, truncate(basis, 1000), now);
                PaymentOrder o = orders.order(id).orElseThrow();
                lines.add(o.title());
                total = total.add(amount);
            }
        }
        history.record(projectId, Stage.PAYMENT, "PAYMENT_ORDERS_OPENED", Actor.SYSTEM, truncate("生成拨付单 " + lines.size()
                + " 张,合计 " + Money.format(total) + "(" + mode.label() + "):" + String.join(";", lines)
                + (advance.isPresent() ? ";" + ruleNote : ""), 2000));
        return orders.plan(projectId).orElseThrow();
    }

    /** Task_TrackPaymentOrders: what is due next. */
    public Progress progress(long projectId) {
        Optional<PaymentPlan> plan = orders.plan(projectId);
        if (plan.isEmpty()) {
            throw new StepRefusedException("项目 " + projectId + " 尚未生成拨付单");
        }
        if (orders.first(projectId, PaymentOrder.Status.PREPARED).isPresent()) {
            throw new StepRefusedException("项目 " + projectId + " 有拨付申请待审核,不能另行办理");
        }
        if (orders.first(projectId, PaymentOrder.Status.OPEN).isPresent()) {
            return new Progress(PaymentPhase.ORDERS_DUE, null);
        }
        if (plan.get().settlementPending()) {
            return new Progress(PaymentPhase.SETTLEMENT_DUE, plan.get().settlementDueOn());
        }
        if (orders.anyOpenRecovery(projectId)) {
            return new Progress(PaymentPhase.RECOVERY_DUE, null);
        }
        return new Progress(PaymentPhase.PAID, null);
    }

    // --- four eyes: prepare, approve ---

    /**
     * Task_PreparePayment (提交拨付申请): a finance officer of the jurisdiction names the voucher and the date of the
     * project's next open order; the payee is the confirmed payee at this moment, never a value submitted.
     */
    public PaymentOrder prepare(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String voucher = f.text("paymentVoucherNo", "拨付凭证号", true, 64);
        LocalDate date = f.date("paymentDate", "拨付日期", true);
        String note = f.text("paymentNote", "拨付说明", false, 500);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            f.reject("paymentDate", "拨付日期不能晚于今天");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.PAYMENT);
        requireFinance(p, actor);
        hold.requireNotHeld(projectId, "提交拨付申请");
        PaymentOrder next = orders.first(projectId, PaymentOrder.Status.OPEN).map(o -> orders.lock(o.id()))
                .orElseThrow(() -> new ValidationException("paymentVoucherNo", "项目没有待提交拨付申请的拨付单"));
        if (next.status() != PaymentOrder.Status.OPEN) {
            throw new ValidationException("paymentVoucherNo", next.title() + " 当前为「" + next.status().label() + "」");
        }
        PayeeAccount payee = payableTo(p);
        LocalDate earliest = earliestPaymentDate(p, next);
        if (date.isBefore(earliest)) {
            throw new ValidationException("paymentDate", "拨付日期不能早于"
                    + (next.kind() == PaymentOrder.Kind.SETTLEMENT ? "年终结算日期 " : "公示结果确认日期 ") + earliest);
        }
        orders.prepare(next.id(), payee.id(), voucher, date, note, actor.userId(), LocalDateTime.now(clock));
        history.record(projectId, Stage.PAYMENT, "PAYMENT_PREPARED", actor.userId(), truncate("提交拨付申请:" + next.title()
                + " 至 " + payee.payee().masked() + ",拨付日期 " + date + (note == null ? "" : ",说明:" + note)
                + ";待另一名财政经办人审核", 2000));
        return orders.order(next.id()).orElseThrow();
    }

    /**
     * Task_ApprovePayment (审核拨付): another finance officer approves the prepared order, which pays it (the payment
     * row, the ledger per fund, the project's paid sum), or returns it with a reason to be prepared again. The
     * preparer is refused; so is a second approval of an order already paid, whichever path it takes.
     */
    public void approve(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String decision = f.choice("approvalDecision", "审核意见", Set.of(APPROVE, RETURN), true);
        String note = f.text("approvalNote", "审核说明", RETURN.equals(decision), 500);
        f.throwIfInvalid();
        // A duplicate of an approval that paid the project's last order finds it past payment: said as such.
        Project p = guard.enter(projectId, actor, Stage.PAYMENT, Stage.ACCEPTANCE, Stage.FOLLOW_UP, Stage.CLAWBACK,
                Stage.CLOSED);
        requireFinance(p, actor);
        if (p.stage() != Stage.PAYMENT) {
            throw nothingToApprove(projectId);
        }
        hold.requireNotHeld(projectId, "审核拨付");
        PaymentOrder o = orders.first(projectId, PaymentOrder.Status.PREPARED).map(x -> orders.lock(x.id()))
                .orElseThrow(() -> nothingToApprove(projectId));
        if (o.status() != PaymentOrder.Status.PREPARED) {
            throw nothingToApprove(projectId);
        }
        if (actor.userId().equals(o.preparedBy())) {
            throw new ValidationException("approvalDecision", "四眼原则:" + o.title() + " 的拨付申请由您(" + o.preparedBy()
                    + ")提交,提交人不能审核本人的拨付申请,请由本辖区另一名财政经办人审核");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (RETURN.equals(decision)) {
            orders.returnToOpen(o.id(), note);
            history.record(projectId, Stage.PAYMENT, "PAYMENT_RETURNED", actor.userId(),
                    truncate("退回拨付申请:" + o.title() + ",原因:" + note + ";请重新提交", 2000));
            return;
        }
        PayeeAccount payee = payableTo(p);
        if (payee.id() != o.payeeAccountId()) {
            throw new ValidationException("approvalDecision", "拨付申请提交后收款账户已变更(申请所列记录 " + o.payeeAccountId()
                    + ",现行记录 " + payee.id() + "),不能按原申请拨付:请退回,由经办人按现行收款账户重新提交");
        }
        try {
            orders.insertPayment(o, payee.payee(), actor.userId(), now);
        } catch (DuplicateKeyException e) {
            throw new ValidationException("approvalDecision", o.title() + " 已拨付,不能重复拨付");
        }
        orders.approve(o.id(), actor.userId(), note, now);
        ledger.recordPayment(o.awardId(), o.fundCode(), o.amount(), actor);
        projects.setPaidAmount(projectId, orders.paidSum(projectId));
        Payee to = payee.payee();
        history.record(projectId, Stage.PAYMENT, "PAID", actor.userId(), truncate("拨付 " + Money.format(o.amount()) + " 至 "
                + to.masked() + "(" + to.type().label() + "),凭证号 " + o.voucherNo() + ",拨付日期 " + o.paymentDate()
                + ";" + o.title() + ",由 " + o.preparedBy() + " 提交、" + actor.userId() + " 审核", 2000));
        afterStep(p, actor);
    }

    private ValidationException nothingToApprove(long projectId) {
        return orders.orders(projectId).stream().filter(x -> x.status() == PaymentOrder.Status.PAID)
                .reduce((a, b) -> b)
                .map(last -> new ValidationException("approvalDecision", last.title() + " 已于 "
                        + last.approvedAt().toLocalDate() + " 由 " + last.approvedBy() + " 审核拨付,不能重复拨付;"
                        + "项目当前没有待审核的拨付申请"))
                .orElseGet(() -> new ValidationException("approvalDecision", "项目当前没有待审核的拨付申请"));
    }

    // --- 先期预拨 + 年终结算 ---

    /**
     * Task_SettleAward (年终结算): on or after the plan's settlement day the bureau enters the award the actual figures
     * give; each fund's part of it above what it advanced is ordered, below it is to be recovered. The ledger keeps
     * every award's payments within its grant: the settled award cannot exceed it.
     */
    public void settle(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal settled = f.money("settledAmount", "年终结算核定奖补金额", true);
        String basis = f.text("settlementBasis", "结算依据", true, 1000);
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.PAYMENT);
        if (!actor.isAdmin() && !actor.inGroup(Roles.bureau(p.jurisdiction()))) {
            throw new AccessDeniedException("年终结算由本辖区工信局办理");
        }
        PaymentPlan plan = orders.plan(projectId).filter(PaymentPlan::settlementPending)
                .orElseThrow(() -> new ValidationException("settledAmount", "项目不适用先期预拨+年终结算,或已完成年终结算"));
        if (plan.settlementDueOn() == null || orders.anyUnpaid(projectId)) {
            throw new ValidationException("settledAmount", "先期预拨尚未全部拨付,不能年终结算");
        }
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(plan.settlementDueOn())) {
            throw new ValidationException("settledAmount", "年终结算日为 " + plan.settlementDueOn() + ",尚未到期,不能结算");
        }
        List<Award> live = ledger.awardsOf(projectId).stream().filter(a -> a.status() == AwardStatus.PROPOSED).toList();
        BigDecimal granted = live.stream().map(Award::grantedAmount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal advanced = live.stream().map(a -> a.paidAmount() == null ? Money.ZERO : a.paidAmount())
                .reduce(Money.ZERO, BigDecimal::add);
        if (settled.compareTo(granted) > 0) {
            throw new ValidationException("settledAmount", "年终结算核定奖补金额不能超过台账核定的奖补 " + Money.format(granted)
                    + "(同一奖补各次拨付合计不超过核定金额)");
        }
        List<BigDecimal> perAward = live.size() == 1 ? List.of(settled)
                : AwardCalculator.split(settled, live.stream().map(Award::grantedAmount).toList());
        LocalDateTime now = LocalDateTime.now(clock);
        BigDecimal more = Money.ZERO;
        BigDecimal back = Money.ZERO;
        for (int i = 0; i < live.size(); i++) {
            Award a = live.get(i);
            Map<String, BigDecimal> finalParts = ledger.split(a.id(), perAward.get(i));
            boolean ordered = false;
            for (FundPayment fp : ledger.fundPayments(a.id())) {
                BigDecimal fin = finalParts.getOrDefault(fp.fundCode(), Money.ZERO);
                BigDecimal diff = fin.subtract(fp.paid());
                String line = "年终结算:" + (live.size() > 1 ? "成员 " + a.creditCode() + " " : "") + "该资金核定 "
                        + Money.format(fin) + ",已预拨 " + Money.format(fp.paid());
                if (diff.signum() > 0) {
                    orders.insertOrder(projectId, a.id(), a.jurisdiction(), fp.fundCode(), a.creditCode(),
                            PaymentOrder.Kind.SETTLEMENT, diff, truncate(line + ",补拨 " + Money.format(diff), 1000), now);
                    ordered = true;
                    more = more.add(diff);
                } else if (diff.signum() < 0) {
                    BigDecimal owed = diff.negate();
                    orders.insertRecovery(projectId, a.id(), a.jurisdiction(), fp.fundCode(), RecoveryOrder.Kind.SETTLEMENT,
                            owed, truncate(line + ",多拨 " + Money.format(owed) + " 应追回;结算依据:" + basis, 1000),
                            actor.userId(), now);
                    back = back.add(owed);
                }
            }
            if (!ordered && a.paidAmount() != null) {
                ledger.settlePaid(a.id(), actor);
            }
        }
        orders.settle(projectId, settled, basis, actor.userId(), now);
        history.record(projectId, Stage.PAYMENT, "AWARD_SETTLED", actor.userId(), truncate("年终结算:核定奖补 "
                + Money.format(settled) + "(核定上限 " + Money.format(granted) + "),已先期预拨 " + Money.format(advanced)
                + (more.signum() > 0 ? ",补拨 " + Money.format(more) : "")
                + (back.signum() > 0 ? ",多拨 " + Money.format(back) + " 应追回" : "")
                + (more.signum() == 0 && back.signum() == 0 ? ",预拨即为结算金额" : "") + ";结算依据:" + basis, 2000));
        afterStep(p, actor);
    }

    /**
     * Task_RecordRecovery (登记缴回): finance records a repayment of the project's open recovery order (partial
     * repayments add up); the ledger records the money recovered.
     */
    public void recordRepayment(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal amount = f.money("recoveredAmount", "本次缴回金额", true);
        String voucher = f.text("recoveryVoucherNo", "缴回凭证号", true, 64);
        LocalDate date = f.date("recoveryDate", "缴回日期", true);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            f.reject("recoveryDate", "缴回日期不能晚于今天");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.PAYMENT);
        requireFinance(p, actor);
        RecoveryOrder r = orders.firstOpenRecovery(projectId).map(x -> orders.lockRecovery(x.id()))
                .filter(x -> x.status() == RecoveryOrder.Status.OPEN)
                .orElseThrow(() -> new ValidationException("recoveredAmount", "项目没有待缴回的追回单"));
        if (amount.signum() <= 0 || amount.compareTo(r.outstanding()) > 0) {
            throw new ValidationException("recoveredAmount", "本次缴回金额应大于 0 且不超过" + r.title() + "尚欠的 "
                    + Money.format(r.outstanding()));
        }
        if (date.isBefore(r.openedAt().toLocalDate())) {
            throw new ValidationException("recoveryDate", "缴回日期不能早于追回单开立日期 " + r.openedAt().toLocalDate());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        // Checked before the insert: on PostgreSQL a refused insert aborts the transaction the refusal is reported in.
        if (orders.voucherRecorded(r.id(), voucher)) {
            throw new ValidationException("recoveryVoucherNo", "该缴回凭证已登记于" + r.title() + ",不能重复登记");
        }
        try {
            orders.insertRepayment(r.id(), amount, voucher, date, actor.userId(), now);
        } catch (DuplicateKeyException e) {
            throw new ValidationException("recoveryVoucherNo", "该缴回凭证已登记于" + r.title() + ",不能重复登记");
        }
        BigDecimal repaid = r.repaidAmount().add(amount);
        boolean full = repaid.compareTo(r.amount()) == 0;
        orders.addRepayment(r.id(), repaid, full, now);
        ledger.recover(r.awardId(), amount, "年终结算多拨追回(追回单 #" + r.id() + ")", actor);
        projects.setRecoveredAmount(projectId, orders.repaidSum(projectId));
        history.record(projectId, Stage.PAYMENT, "RECOVERED", actor.userId(), truncate("追回 " + Money.format(amount) + "("
                + r.title() + (full ? ",已全部缴回" : ",尚欠 " + Money.format(r.amount().subtract(repaid))) + "),缴回凭证号 "
                + voucher + ",缴回日期 " + date, 2000));
        afterStep(p, actor);
    }

    /**
     * After each payment, settlement and repayment: once every advance is paid, the settlement's day; once every order
     * is paid and every recovery repaid, the awards are closed in the ledger and the project awaits acceptance.
     */
    private void afterStep(Project p, Actor actor) {
        long projectId = p.id();
        if (orders.anyUnpaid(projectId)) {
            return;
        }
        PaymentPlan plan = orders.plan(projectId).orElseThrow();
        if (plan.settlementPending()) {
            if (plan.settlementDueOn() == null) {
                LocalDate last = orders.lastPaymentDate(projectId, PaymentOrder.Kind.ADVANCE).orElseThrow();
                YearMonth month = YearMonth.of(last.getYear() + 1, plan.settlementMonth());
                LocalDate due = month.atDay(Math.min(plan.settlementDay(), month.lengthOfMonth()));
                orders.setSettlementDue(projectId, due);
                history.record(projectId, Stage.PAYMENT, "ADVANCE_PAID", Actor.SYSTEM, "先期预拨已全部拨付,合计 "
                        + Money.format(orders.paidSum(projectId)) + ";年终结算日 " + due + "(" + plan.ruleNote() + ")");
            }
            return;
        }
        // Every order paid: the awards are closed at what was paid, before any recovery is recorded against them.
        for (Award a : ledger.awardsOf(projectId)) {
            if (a.status() == AwardStatus.PROPOSED && a.paidAmount() != null) {
                ledger.settlePaid(a.id(), actor);
            }
        }
        if (orders.anyOpenRecovery(projectId)) {
            return;
        }
        BigDecimal repaid = orders.repaidSum(projectId);
        projects.setStage(projectId, Stage.ACCEPTANCE);
        history.record(projectId, Stage.PAYMENT, "PAYMENT_COMPLETED", Actor.SYSTEM, "拨付单全部办结:已拨付 "
                + Money.format(orders.paidSum(projectId)) + "(" + orders.paymentCount(projectId) + " 笔)"
                + (repaid.signum() > 0 ? ",已追回 " + Money.format(repaid) : "") + ";待镇街或工信局验收");
    }

    // --- exit ---

    /**
     * Task_ExitPool: accepted, its money paid as the ledger records it, the project leaves the pool (退库) on this
     * day and enters performance follow-up.
     */
    public void exitPool(long projectId) {
        guard.require(projectId, "验收合格,项目退库", Stage.ACCEPTANCE);
        Acceptance acceptance = orders.acceptance(projectId).orElseThrow(() ->
                new StepRefusedException("项目 " + projectId + " 尚未登记验收,不能退库"));
        awards.requirePaid(projectId, "项目退库");
        LocalDate today = LocalDate.now(clock);
        orders.exitedPool(projectId, today);
        projects.setStage(projectId, Stage.FOLLOW_UP);
        history.record(projectId, Stage.FOLLOW_UP, "EXITED_POOL", Actor.SYSTEM, "资金拨付到位,"
                + acceptance.acceptedOn() + " 验收(" + acceptance.documentRef() + "),于 " + today
                + " 项目退库,进入绩效跟踪评价");
    }

    // --- what the forms and the API show ---

    public List<PaymentOrder> orders(long projectId) {
        return orders.orders(projectId);
    }

    public List<RecoveryOrder> recoveries(long projectId) {
        return orders.recoveries(projectId);
    }

    public Optional<PaymentPlan> plan(long projectId) {
        return orders.plan(projectId);
    }

    public Optional<Acceptance> acceptance(long projectId) {
        return orders.acceptance(projectId);
    }

    /** The day of the project's last payment: the performance follow-up's period runs from it. */
    public Optional<LocalDate> lastPaidOn(long projectId) {
        return orders.lastPaymentDate(projectId);
    }

    /** Task_PreparePayment's summary: the order to prepare, its basis and what else is open. */
    public String preparationSummary(long projectId) {
        return orders.first(projectId, PaymentOrder.Status.OPEN).map(o -> o.title() + ":" + o.basis()
                + (o.returnedCount() > 0 && o.approvalNote() != null ? ";审核退回:" + o.approvalNote() : "")
                + ";" + openCount(projectId)).orElse("没有待提交拨付申请的拨付单");
    }

    /** Task_ApprovePayment's summary: the prepared order, by whom, with the voucher's tail only. */
    public String approvalSummary(long projectId) {
        return orders.first(projectId, PaymentOrder.Status.PREPARED).map(o -> o.title() + ":" + o.basis()
                + ";收款方 " + accounts.get(o.payeeAccountId()).payee().masked() + ";拨付日期 " + o.paymentDate()
                + ",凭证号尾号 " + o.voucherTail() + (o.prepareNote() == null ? "" : ",说明:" + o.prepareNote())
                + ";由 " + o.preparedBy() + " 于 " + o.preparedAt().toLocalDate() + " 提交(四眼原则:提交人不能审核)")
                .orElse("没有待审核的拨付申请");
    }

    /** Task_SettleAward's summary: the grant, the advance paid, the settlement's day. */
    public String settlementSummary(long projectId) {
        List<Award> live = ledger.awardsOf(projectId).stream().filter(a -> a.status() == AwardStatus.PROPOSED).toList();
        BigDecimal granted = live.stream().map(Award::grantedAmount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal advanced = live.stream().map(a -> a.paidAmount() == null ? Money.ZERO : a.paidAmount())
                .reduce(Money.ZERO, BigDecimal::add);
        return orders.plan(projectId).map(plan -> "核定奖补 " + Money.format(granted) + ",已先期预拨 " + Money.format(advanced)
                + ";年终结算日 " + plan.settlementDueOn() + ";" + plan.ruleNote()
                + ";结算金额高于预拨的部分补拨,低于预拨的部分开立追回单").orElse("");
    }

    /** Task_RecordRecovery's summary: the open recovery order and what is outstanding. */
    public String recoverySummary(long projectId) {
        return orders.firstOpenRecovery(projectId).map(r -> r.title() + ",已缴回 " + Money.format(r.repaidAmount())
                + ",尚欠 " + Money.format(r.outstanding()) + ":" + r.reason()).orElse("没有待缴回的追回单");
    }

    /** Task_RecordAcceptance's summary: every payment and recovery of the project. */
    public String paymentsSummary(long projectId) {
        List<String> lines = orders.orders(projectId).stream()
                .map(o -> o.title() + "(" + o.status().label() + (o.paymentDate() == null ? "" : "," + o.paymentDate()) + ")")
                .collect(Collectors.toCollection(ArrayList::new));
        orders.recoveries(projectId).forEach(r -> lines.add(r.title() + "(" + r.status().label() + ")"));
        return "已拨付 " + Money.format(orders.paidSum(projectId)) + ":" + String.join(";", lines);
    }

    private String openCount(long projectId) {
        long open = orders.orders(projectId).stream().filter(o -> o.status() != PaymentOrder.Status.PAID).count();
        return "本项目待办拨付单 " + open + " 张";
    }

    // --- checks ---

    /** The project's confirmed payee, and for a loan-interest subsidy the agreement of the loan it subsidises. */
    private PayeeAccount payableTo(Project p) {
        PayeeAccount payee = payees.confirmedPayee(p);
        if (p.isLoanInterest()) {
            requireReportedAgreement(p.id(), payee.payee());
        }
        return payee;
    }

    /**
     * A loan-interest subsidy goes to the lending bank of the loan it subsidises: the confirmed payee's entrusted-payment
     * agreement must be the one the completion report recorded with the loan actually drawn (贷款实际发生额), so a
     * payee changed afterwards to another bank or agreement is not paid on that loan's figures.
     */
    private void requireReportedAgreement(long projectId, Payee to) {
        reported.entrustedAgreementNo(projectId).filter(no -> !no.equals(to.agreementNo())).ifPresent(no -> {
            throw new ValidationException(PayeeFields.PAYEE_SUMMARY, "已核实收款账户的委托支付协议 " + to.agreementNo()
                    + " 与竣工报告记录的委托支付协议 " + no + " 不一致,不能拨付:贴息资金只拨付给所贴息贷款的贷款银行");
        });
    }

    private LocalDate earliestPaymentDate(Project p, PaymentOrder o) {
        if (o.kind() == PaymentOrder.Kind.SETTLEMENT) {
            return orders.plan(p.id()).map(PaymentPlan::settledAt).orElseThrow().toLocalDate();
        }
        return history.of(p.id()).stream().filter(e -> "NOTICE_PASSED".equals(e.action()))
                .map(e -> e.occurredAt().toLocalDate()).reduce((a, b) -> b)
                .orElseThrow(() -> new StepRefusedException("项目 " + p.id() + " 没有公示结果确认记录,不能拨付"));
    }

    private static void requireFinance(Project p, Actor actor) {
        if (!actor.isAdmin() && !actor.inGroup(Roles.finance(p.jurisdiction()))) {
            throw new AccessDeniedException("拨付由本辖区财政局经办人办理");
        }
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + "%";
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

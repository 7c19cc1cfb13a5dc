package cn.tcsubsidy.payment.domain;

import cn.tcsubsidy.award.ledger.Award;
import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.AwardStatus;
import cn.tcsubsidy.award.ledger.FundPayment;
import cn.tcsubsidy.award.quote.AwardCalculator;
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
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * A clawback after a failed performance follow-up (绩效未达标追回, 常见做法) as recovery orders of kind CLAWBACK: one
 * per paid award and paying fund, the amount split by what each paid; finance records each repayment (partial
 * repayments add up) until nothing is outstanding. The award ledger records every yuan recovered, and the project's
 * recovered amount is the sum of all its recovery orders' repayments (settlement and clawback alike).
 */
@Service
public class ClawbackRecovery {

    public static final String AMOUNT = "recoveredAmount";
    public static final String VOUCHER = "recoveryVoucherNo";
    public static final String DATE = "recoveryDate";

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final PaymentOrders orders;
    private final AwardLedger ledger;
    private final Clock clock;

    public ClawbackRecovery(StageGuard guard, ProjectRepository projects, ProjectHistory history, PaymentOrders orders,
                            AwardLedger ledger, Clock clock) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.orders = orders;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What may still be clawed back: paid, less what was recovered already. */
    public BigDecimal recoverable(long projectId) {
        return paidAwards(projectId).stream().map(a -> a.paidAmount().subtract(a.recoveredAmount()))
                .reduce(Money.ZERO, BigDecimal::add);
    }

    /**
     * Opens the clawback's recovery orders; the caller holds the project's lock and has checked the amount against
     * {@link #recoverable}. Each order's reason carries the basis (协议条款或文件).
     */
    public List<RecoveryOrder> open(long projectId, BigDecimal amount, String basis, Actor actor) {
        List<Award> paid = paidAwards(projectId);
        List<BigDecimal> perAward = paid.size() == 1 ? List.of(amount) : AwardCalculator.split(amount,
                paid.stream().map(a -> a.paidAmount().subtract(a.recoveredAmount())).toList());
        LocalDateTime now = LocalDateTime.now(clock);
        List<RecoveryOrder> opened = new ArrayList<>();
        for (int i = 0; i < paid.size(); i++) {
            Award a = paid.get(i);
            if (perAward.get(i).signum() <= 0) {
                continue;
            }
            List<FundPayment> funds = ledger.fundPayments(a.id()).stream().filter(f -> f.paid().signum() > 0).toList();
            List<BigDecimal> perFund = funds.size() == 1 ? List.of(perAward.get(i))
                    : AwardCalculator.split(perAward.get(i), funds.stream().map(FundPayment::paid).toList());
            for (int k = 0; k < funds.size(); k++) {
                if (perFund.get(k).signum() <= 0) {
                    continue;
                }
                String reason = "绩效未达标追回 " + Money.format(perFund.get(k)) + "(常见做法);追回依据:" + basis;
                long id = orders.insertRecovery(projectId, a.id(), a.jurisdiction(), funds.get(k).fundCode(),
                        RecoveryOrder.Kind.CLAWBACK, perFund.get(k), reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                        actor.userId(), now);
                opened.add(orders.recoveries(projectId).stream().filter(r -> r.id() == id).findFirst().orElseThrow());
            }
        }
        return opened;
    }

    /** Whether a clawback of the project is still to be repaid. */
    public boolean outstanding(long projectId) {
        return orders.firstOpenRecovery(projectId, RecoveryOrder.Kind.CLAWBACK).isPresent();
    }

    /**
     * Task_RecordRepayment (登记追回资金缴回): finance records one repayment of the first open clawback order: amount
     * above 0 and at most what is outstanding, the date (not before the order, not after today), the voucher (one
     * voucher once). The last repayment closes the follow-up.
     *
     * @return whether the clawback is now repaid in full
     */
    public boolean recordRepayment(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal amount = f.money(AMOUNT, "本次缴回金额", true);
        String voucher = f.text(VOUCHER, "缴回凭证号", true, 64);
        LocalDate date = f.date(DATE, "缴回日期", true);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            f.reject(DATE, "缴回日期不能晚于今天");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.CLAWBACK);
        if (!actor.isAdmin() && !actor.inGroup(Roles.finance(p.jurisdiction()))) {
            throw new AccessDeniedException("追回资金缴回由本辖区财政局经办人登记");
        }
        RecoveryOrder r = orders.firstOpenRecovery(projectId, RecoveryOrder.Kind.CLAWBACK).map(x -> orders.lockRecovery(x.id()))
                .filter(x -> x.status() == RecoveryOrder.Status.OPEN)
                .orElseThrow(() -> new ValidationException(AMOUNT, "项目没有待缴回的追回单"));
        if (amount.signum() <= 0 || amount.compareTo(r.outstanding()) > 0) {
            throw new ValidationException(AMOUNT, "本次缴回金额应大于 0 且不超过" + r.title() + "尚欠的 "
                    + Money.format(r.outstanding()));
        }
        if (date.isBefore(r.openedAt().toLocalDate())) {
            throw new ValidationException(DATE, "缴回日期不能早于追回单开立日期 " + r.openedAt().toLocalDate());
        }
        // Checked first, under the project's lock: on PostgreSQL a refused insert would abort the whole transaction.
        if (orders.voucherRecorded(r.id(), voucher)) {
            throw new ValidationException(VOUCHER, "该缴回凭证已登记于" + r.title() + ",不能重复登记");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            orders.insertRepayment(r.id(), amount, voucher, date, actor.userId(), now);
        } catch (DuplicateKeyException e) {
            throw new ValidationException(VOUCHER, "该缴回凭证已登记于" + r.title() + ",不能重复登记");
        }
        BigDecimal repaid = r.repaidAmount().add(amount);
        boolean full = repaid.compareTo(r.amount()) == 0;
        orders.addRepayment(r.id(), repaid, full, now);
        ledger.recover(r.awardId(), amount, "绩效未达标追回(追回单 #" + r.id() + ")", actor);
        // The sum over every recovery order: a clawback after a settlement recovery adds to it, never overwrites it.
        projects.setRecoveredAmount(projectId, orders.repaidSum(projectId));
        boolean done = !outstanding(projectId);
        String summary = "追回 " + Money.format(amount) + "(" + r.title() + (full ? ",已全部缴回" : ",尚欠 "
                + Money.format(r.amount().subtract(repaid))) + "),缴回凭证号 " + voucher + ",缴回日期 " + date;
        history.record(projectId, Stage.CLAWBACK, "RECOVERED", actor.userId(), summary.length() > 2000 ? summary.substring(0, 2000) : summary);
        return done;
    }

    /** The task's summary: the open clawback order and what is outstanding. */
    public String summary(long projectId) {
        List<RecoveryOrder> all = clawbacks(projectId);
        BigDecimal due = all.stream().map(RecoveryOrder::amount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal repaid = all.stream().map(RecoveryOrder::repaidAmount).reduce(Money.ZERO, BigDecimal::add);
        return orders.firstOpenRecovery(projectId, RecoveryOrder.Kind.CLAWBACK).map(r -> "本次登记:" + r.title()
                + ",已缴回 " + Money.format(r.repaidAmount()) + ",尚欠 " + Money.format(r.outstanding()) + ";"
                + r.reason() + ";追回合计 " + Money.format(due) + ",已缴回 " + Money.format(repaid))
                .orElse("没有待缴回的追回单");
    }

    public List<RecoveryOrder> clawbacks(long projectId) {
        return orders.recoveries(projectId).stream().filter(r -> r.kind() == RecoveryOrder.Kind.CLAWBACK).toList();
    }

    public List<Repayment> repayments(long projectId) {
        List<Long> ids = clawbacks(projectId).stream().map(RecoveryOrder::id).toList();
        return orders.repayments(projectId).stream().filter(x -> ids.contains(x.recoveryOrderId())).toList();
    }

    private List<Award> paidAwards(long projectId) {
        return ledger.awardsOf(projectId).stream()
                .filter(a -> a.status() == AwardStatus.PAID && a.paidAmount() != null && a.paidAmount().signum() > 0).toList();
    }
}

package cn.tcsubsidy.payment.domain;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.evidence.domain.ReportedFacts;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Payment (兑现拨付) to the project's confirmed payee: for a loan-interest subsidy the lending bank under the
 * entrusted-payment agreement (委托支付协议), never the enterprise; for any other award the enterprise's own account.
 * Once paid, the project exits the pool.
 */
@Service
public class PaymentService {

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AwardCases awards;
    private final PayeeService payees;
    private final ReportedFacts reported;

    public PaymentService(StageGuard guard, ProjectRepository projects, ProjectHistory history, JdbcClient jdbc, Clock clock,
                          AwardCases awards, PayeeService payees, ReportedFacts reported) {
        this.reported = reported;
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
        this.awards = awards;
        this.payees = payees;
    }

    /**
     * Pays the award to the project's confirmed payee ({@link PayeeService}): the payee is never taken from the
     * submission, which carries only the amount, the voucher and the date.
     */
    public void pay(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal amount = f.money("paidAmount", "拨付金额", true);
        String voucher = f.text("paymentVoucherNo", "拨付凭证号", true, 64);
        LocalDate date = f.date("paymentDate", "拨付日期", true);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            f.reject("paymentDate", "拨付日期不能晚于今天");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.PAYMENT);
        if (amount.signum() == 0 || amount.compareTo(p.proposedAmount()) > 0) {
            throw new ValidationException("paidAmount", "拨付金额应大于 0 且不超过公示的拟扶持金额 " + Money.format(p.proposedAmount()));
        }
        PayeeAccount payee = payees.confirmedPayee(p);
        Payee to = payee.payee();
        if (p.isLoanInterest()) {
            requireReportedAgreement(projectId, to);
        }
        LocalDate noticePassed = history.of(projectId).stream().filter(e -> "NOTICE_PASSED".equals(e.action()))
                .map(e -> e.occurredAt().toLocalDate()).reduce((a, b) -> b).orElseThrow();
        if (date.isBefore(noticePassed)) {
            throw new ValidationException("paymentDate", "拨付日期不能早于公示结果确认日期 " + noticePassed);
        }
        jdbc.sql("""
                insert into payment (project_id, amount, payee_type, payee_name, payee_account, payee_account_id,
                  voucher_no, paid_on, recorded_by, recorded_at)
                values (:p, :amount, :type, :name, :account, :payeeAccount, :voucher, :date, :by, :at)
                """)
                .param("p", projectId).param("amount", amount).param("type", to.type().name()).param("name", to.name())
                .param("account", to.account()).param("payeeAccount", payee.id()).param("voucher", voucher)
                .param("date", date).param("by", actor.userId()).param("at", LocalDateTime.now(clock)).update();
        projects.setPaidAmount(projectId, amount);
        awards.paid(projectId, amount, actor);
        history.record(projectId, Stage.PAYMENT, "PAID", actor.userId(),
                "拨付 " + Money.format(amount) + " 至 " + to.masked() + "(" + to.type().label() + "),凭证号 " + voucher
                        + ",拨付日期 " + date);
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

    /** Money paid, as the ledger records it: the project leaves the pool (退库) and enters performance follow-up. */
    public void exitPool(long projectId) {
        guard.require(projectId, "资金到位,项目退库", Stage.PAYMENT);
        awards.requirePaid(projectId, "项目退库");
        projects.setStage(projectId, Stage.FOLLOW_UP);
        history.record(projectId, Stage.FOLLOW_UP, "EXITED_POOL", Actor.SYSTEM, "资金拨付到位,项目退库,进入绩效跟踪评价");
    }
}

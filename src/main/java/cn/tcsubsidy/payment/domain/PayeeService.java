package cn.tcsubsidy.payment.domain;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's payee (收款账户): recorded at filing, confirmed by the bureau of the project's jurisdiction (核实),
 * changed by the filing enterprise or the bureau with a reason, each change superseding the row before and needing
 * a new confirmation. Payment goes to the confirmed payee and nowhere else ({@link PaymentService}). Changes and
 * confirmations are recorded in the project's history with the account masked.
 */
@Service
public class PayeeService {

    /** Up to and including payment: once paid, the payee is evidence of where the money went and stays as it was. */
    private static final Stage[] BEFORE_PAYMENT = {Stage.IN_PROGRESS, Stage.COMPLETED, Stage.RECOMMENDATION,
        Stage.EXPERT_REVIEW, Stage.REVIEWED, Stage.AWARD_DECISION, Stage.AWAITING_NOTICE, Stage.PUBLIC_NOTICE,
        Stage.NOTICE_OUTCOME, Stage.PAYMENT};

    private final PayeeAccounts accounts;
    private final ProjectRepository projects;
    private final StageGuard guard;
    private final ProjectHistory history;
    private final PaymentForm paymentForm;
    private final Clock clock;

    PayeeService(PayeeAccounts accounts, ProjectRepository projects, StageGuard guard, ProjectHistory history,
                 PaymentForm paymentForm, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.guard = guard;
        this.history = history;
        this.paymentForm = paymentForm;
        this.clock = clock;
    }

    /** The payee a filing named (validated with it, {@link Payee#read}), awaiting the bureau's confirmation. */
    public void recordAtFiling(long projectId, Payee payee, Actor actor) {
        accounts.insert(projectId, payee, actor.userId(), LocalDateTime.now(clock), null);
    }

    /** The project's live payee (awaiting confirmation or confirmed), if one was recorded. */
    public Optional<PayeeAccount> current(long projectId) {
        return accounts.live(projectId);
    }

    /**
     * Records a new payee for the project (the first, for a project filed before payees were recorded), superseding
     * the live one. The filing enterprise or the bureau; the change needs the bureau's confirmation before payment.
     */
    @Transactional
    public PayeeAccount change(long projectId, Map<String, Object> values, Actor actor) {
        Project p = projects.get(projectId);
        actor.requireJurisdiction(p.jurisdiction());
        if (!isBureau(p, actor) && !isFiler(p, actor)) {
            throw new AccessDeniedException("只有备案企业或本辖区工信局可以变更收款账户");
        }
        FormValues f = new FormValues(values);
        String loanBank = p.isLoanInterest() ? f.name(PayeeFields.LOAN_BANK, "贷款银行", true, 200) : null;
        Payee payee = Payee.read(f, p.isLoanInterest(), p.enterpriseName(), loanBank);
        String reason = f.text(PayeeFields.REASON, "变更原因", true, 500);
        f.throwIfInvalid();
        Stage stage = guard.enter(projectId, actor, BEFORE_PAYMENT).stage();
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<PayeeAccount> live = accounts.live(projectId);
        if (live.isPresent() && live.get().payee().equals(payee)) {
            throw new ValidationException(p.isLoanInterest() ? PayeeFields.LOAN_BANK_ACCOUNT : PayeeFields.BANK_ACCOUNT,
                    "新的收款账户与现有记录相同,无需变更");
        }
        live.ifPresent(old -> accounts.supersede(old.id(), now));
        PayeeAccount changed = accounts.get(accounts.insert(projectId, payee, actor.userId(), now, reason));
        history.record(projectId, stage, "PAYEE_CHANGED", actor.userId(), (live.isPresent()
                ? "收款账户由 " + live.get().payee().masked() + " 变更为 " : "登记收款账户 ")
                + payee.masked() + ",原因:" + reason + ";待工信局核实");
        paymentForm.showPayee(p.processInstanceId(), paymentFormSummary(Optional.of(changed)));
        return changed;
    }

    /**
     * The bureau of the project's jurisdiction confirms (核实) the live payee it checked, named by its id: a payee
     * changed in the meantime is not confirmed by mistake.
     */
    @Transactional
    public PayeeAccount confirm(long projectId, Map<String, Object> values, Actor actor) {
        Project p = projects.get(projectId);
        actor.requireJurisdiction(p.jurisdiction());
        if (!isBureau(p, actor)) {
            throw new AccessDeniedException("只有本辖区工信局可以核实收款账户");
        }
        FormValues f = new FormValues(values);
        Integer checked = f.wholeNumber(PayeeFields.PAYEE_ID, "核实的收款账户记录编号", true, 1, Integer.MAX_VALUE);
        f.throwIfInvalid();
        Stage stage = guard.enter(projectId, actor, BEFORE_PAYMENT).stage();
        PayeeAccount live = accounts.live(projectId).orElseThrow(() ->
                new ValidationException(PayeeFields.PAYEE_ID, "项目尚未登记收款账户,无可核实"));
        if (live.id() != checked) {
            throw new ValidationException(PayeeFields.PAYEE_ID, "收款账户已变更,现行记录编号为 " + live.id()
                    + ",请核实现行记录");
        }
        if (live.confirmed()) {
            throw new ValidationException(PayeeFields.PAYEE_ID, "该收款账户已经核实");
        }
        accounts.confirm(live.id(), actor.userId(), LocalDateTime.now(clock));
        PayeeAccount confirmed = accounts.get(live.id());
        history.record(projectId, stage, "PAYEE_CONFIRMED", actor.userId(), "工信局核实收款账户:" + live.payee().masked());
        paymentForm.showPayee(p.processInstanceId(), paymentFormSummary(Optional.of(confirmed)));
        return confirmed;
    }

    /** The payee a payment of the project goes to: its live payee, confirmed by the bureau; else payment is refused. */
    public PayeeAccount confirmedPayee(Project p) {
        PayeeAccount live = accounts.live(p.id()).orElseThrow(() -> new ValidationException(PayeeFields.PAYEE_SUMMARY,
                "项目尚未登记收款账户,不能拨付:请备案企业或工信局登记收款账户,经工信局核实后拨付"));
        if (!live.confirmed()) {
            throw new ValidationException(PayeeFields.PAYEE_SUMMARY, "收款账户尚未经工信局核实,不能拨付:"
                    + live.payee().masked());
        }
        if (live.payee().type() != PayeeType.forLoanInterest(p.isLoanInterest())) {
            throw new IllegalStateException("payee_account " + live.id() + " does not fit the category of project "
                    + p.id());
        }
        return live;
    }

    /** What finance's payment form shows (收款方): the payee masked, and whether it may be paid yet. */
    public String paymentFormSummary(long projectId) {
        return paymentFormSummary(accounts.live(projectId));
    }

    private static String paymentFormSummary(Optional<PayeeAccount> live) {
        if (live.isEmpty()) {
            return "未登记收款账户:请备案企业或工信局登记,经工信局核实后方可拨付";
        }
        PayeeAccount a = live.get();
        return a.payee().masked() + (a.confirmed() ? "(工信局已核实)" : "(待工信局核实,核实后方可拨付)");
    }

    private static boolean isBureau(Project p, Actor actor) {
        return actor.isAdmin() || actor.inGroup(Roles.bureau(p.jurisdiction()));
    }

    private static boolean isFiler(Project p, Actor actor) {
        return actor.inGroup(Roles.enterprise(p.jurisdiction())) && actor.userId().equals(p.filedBy());
    }
}

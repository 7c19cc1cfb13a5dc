package cn.tcsubsidy.award.budget;

import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.BudgetStatus;
import cn.tcsubsidy.award.ledger.Payers;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's budget of each fund (技改专项资金预算), entered by the jurisdiction's finance officer (财政局, group
 * {@code J-finance}) or the administrator: created once per fund and year with the budget decision's document number
 * (文件号), changed with a reason and never below what the ledger has already committed, every entry and change kept
 * with who and when. Without a budget a fund pays no award (no budget, no award).
 */
@Service
@Transactional
public class FundBudgetService {

    /** The fields of a new budget (POST /api/fund-budgets, besides {@code jurisdiction}). */
    public static final Set<String> CREATE_FIELDS = Set.of("fundCode", "budgetYear", "amount", "basis");
    /** The fields of a change (PUT /api/fund-budgets/{jurisdiction}/{fundCode}/{year}). */
    public static final Set<String> CHANGE_FIELDS = Set.of("amount", "basis", "reason");
    /** The fields of the Tasklist start form, which creates or changes. */
    public static final Set<String> ENTRY_FIELDS = Set.of("fundCode", "budgetYear", "amount", "basis", "reason");

    /** A jurisdiction's funds and their budgets, newest year first. */
    public record Budgets(String jurisdiction, List<Payers.Fund> funds, List<FundBudget> budgets) {
    }

    private final FundBudgetRecords records;
    private final AwardLedger ledger;
    private final Payers payers;
    private final JurisdictionDirectory directory;
    private final Clock clock;

    public FundBudgetService(FundBudgetRecords records, AwardLedger ledger, Payers payers, JurisdictionDirectory directory,
                             Clock clock) {
        this.records = records;
        this.ledger = ledger;
        this.payers = payers;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Budgets list(String jurisdiction, Actor actor) {
        requireReader(jurisdiction, actor);
        return new Budgets(jurisdiction, payers.funds(jurisdiction), records.list(jurisdiction).stream()
                .map(r -> view(jurisdiction, r)).toList());
    }

    /** Enters a fund's budget for a year: {@code fundCode}, {@code budgetYear}, {@code amount}, {@code basis} (文件号). */
    public FundBudget create(String jurisdiction, Map<String, Object> values, Actor actor) {
        requireFinance(jurisdiction, actor);
        refuseUnknown(values, CREATE_FIELDS);
        FormValues f = new FormValues(values);
        Entry e = entry(jurisdiction, f);
        f.throwIfInvalid();
        return create(jurisdiction, e, actor);
    }

    /** Changes a budget: {@code amount}, {@code basis} (the new decision's 文件号), {@code reason}. */
    public FundBudget change(String jurisdiction, String fundCode, int year, Map<String, Object> values, Actor actor) {
        requireFinance(jurisdiction, actor);
        refuseUnknown(values, CHANGE_FIELDS);
        FundBudgetRecords.Row row = records.find(jurisdiction, fundCode, year).orElseThrow(() -> new NotFoundException(
                fundName(jurisdiction, fundCode) + " " + year + " 年度预算未录入,请先录入"));
        FormValues f = new FormValues(values);
        BigDecimal amount = f.money("amount", "预算金额", true);
        String basis = f.name("basis", "预算批复文件号", true, 300);
        String reason = f.text("reason", "调整原因", true, 1000);
        f.throwIfInvalid();
        return change(jurisdiction, new Entry(row.fundCode(), row.year(), amount, basis), reason, actor);
    }

    /**
     * The Tasklist start form's entry: creates the budget, or changes it when the fund already has one for the year
     * (then {@code reason} is required).
     */
    public FundBudget enter(String jurisdiction, Map<String, Object> values, Actor actor) {
        requireFinance(jurisdiction, actor);
        FormValues f = new FormValues(values);
        Entry e = entry(jurisdiction, f);
        String reason = f.text("reason", "调整原因", false, 1000);
        f.throwIfInvalid();
        if (records.find(jurisdiction, e.fundCode(), e.year()).isEmpty()) {
            return create(jurisdiction, e, actor);
        }
        if (reason == null) {
            throw new ValidationException("reason", fundName(jurisdiction, e.fundCode()) + " " + e.year()
                    + " 年度预算已录入,调整预算须填写调整原因");
        }
        return change(jurisdiction, e, reason, actor);
    }

    /**
     * For the demo: enters {@code amountPerFund} as the budget of the year for every fund of every jurisdiction that
     * has none, labelled as sample data (示例预算). Returns the budgets entered.
     */
    public List<FundBudget> enterSampleBudgets(int year, BigDecimal amountPerFund) {
        List<FundBudget> entered = new ArrayList<>();
        for (Jurisdiction j : directory.all()) {
            for (Payers.Fund fund : payers.funds(j.code())) {
                if (records.find(j.code(), fund.code(), year).isEmpty()) {
                    entered.add(create(j.code(), new Entry(fund.code(), year, Money.round(amountPerFund),
                            "示例预算(演示数据,非财政预算批复)"), Actor.system()));
                }
            }
        }
        return entered;
    }

    private record Entry(String fundCode, int year, BigDecimal amount, String basis) {
    }

    private Entry entry(String jurisdiction, FormValues f) {
        String fundCode = f.text("fundCode", "资金代码", true, 32);
        Integer year = f.wholeNumber("budgetYear", "预算年度", true, 2000, 2100);
        BigDecimal amount = f.money("amount", "预算金额", true);
        String basis = f.name("basis", "预算批复文件号", true, 300);
        if (fundCode != null && payers.fund(jurisdiction, fundCode).isEmpty()) {
            f.reject("fundCode", "本辖区没有资金代码 " + fundCode + ";可选:" + payers.funds(jurisdiction).stream()
                    .map(fund -> fund.code() + "(" + fund.name() + ")").collect(Collectors.joining("、")));
        }
        return new Entry(fundCode, year == null ? 0 : year, amount, basis);
    }

    private FundBudget create(String jurisdiction, Entry e, Actor actor) {
        records.find(jurisdiction, e.fundCode(), e.year()).ifPresent(existing -> {
            throw alreadyEntered(jurisdiction, e, existing.amount());
        });
        try {
            records.insert(jurisdiction, e.fundCode(), e.year(), e.amount(), e.basis(), actor.userId(), now());
        } catch (DuplicateKeyException enteredMeanwhile) {
            throw alreadyEntered(jurisdiction, e, null);
        }
        return view(jurisdiction, records.find(jurisdiction, e.fundCode(), e.year()).orElseThrow());
    }

    /** Under the budget row's lock, the one every reservation against it takes: the committed sum cannot grow meanwhile. */
    private FundBudget change(String jurisdiction, Entry e, String reason, Actor actor) {
        BudgetStatus locked = ledger.lockBudget(jurisdiction, e.fundCode(), e.year()).orElseThrow(() ->
                new NotFoundException(fundName(jurisdiction, e.fundCode()) + " " + e.year() + " 年度预算未录入,请先录入"));
        if (e.amount().compareTo(locked.committed()) < 0) {
            throw new ValidationException("amount", "调整后的预算 " + Money.format(e.amount()) + " 低于该资金 " + e.year()
                    + " 年度已安排的奖补 " + Money.format(locked.committed()) + "(已拟扶持与已拨付之和),不能调整");
        }
        records.update(jurisdiction, e.fundCode(), e.year(), locked.amount(), e.amount(), e.basis(), reason,
                actor.userId(), now());
        return view(jurisdiction, records.find(jurisdiction, e.fundCode(), e.year()).orElseThrow());
    }

    private ValidationException alreadyEntered(String jurisdiction, Entry e, BigDecimal amount) {
        return new ValidationException("budgetYear", fundName(jurisdiction, e.fundCode()) + " " + e.year() + " 年度预算已录入"
                + (amount == null ? "" : "(" + Money.format(amount) + ")") + ",如需调整请填写调整原因办理调整");
    }

    private FundBudget view(String jurisdiction, FundBudgetRecords.Row r) {
        BudgetStatus status = ledger.budget(jurisdiction, r.fundCode(), r.year());
        return new FundBudget(jurisdiction, r.fundCode(), status.fundName(), r.year(), status.amount(), status.committed(),
                status.remaining(), r.basis(), r.enteredBy(), r.enteredAt(), r.updatedBy(), r.updatedAt(),
                records.changes(jurisdiction, r.fundCode(), r.year()));
    }

    private String fundName(String jurisdiction, String fundCode) {
        return payers.fund(jurisdiction, fundCode).map(Payers.Fund::name).orElse(fundCode);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The jurisdiction's finance officer, the administrator, or the system (the demo); anyone else is refused (403). */
    private void requireFinance(String jurisdiction, Actor actor) {
        if (!mayEnter(jurisdiction, actor)) {
            throw new AccessDeniedException("只有本辖区财政局或管理员可以录入和调整技改专项资金预算");
        }
        requireKnown(jurisdiction);
    }

    private static boolean mayEnter(String jurisdiction, Actor actor) {
        return actor.isSystem() || actor.isAdmin()
                || (actor.mayActIn(jurisdiction) && actor.inGroup(Roles.finance(jurisdiction)));
    }

    private void requireKnown(String jurisdiction) {
        if (!directory.exists(jurisdiction)) {
            throw new ValidationException("jurisdiction", "辖区不存在:" + jurisdiction);
        }
    }

    /** Those who enter the budgets, and the jurisdiction's auditor, who reads them and never enters (403 to write). */
    private void requireReader(String jurisdiction, Actor actor) {
        boolean auditor = actor.mayActIn(jurisdiction) && actor.inGroup(Roles.auditor(jurisdiction));
        if (!auditor && !mayEnter(jurisdiction, actor)) {
            throw new AccessDeniedException("只有本辖区财政局、审计监督或管理员可以查看技改专项资金预算");
        }
        requireKnown(jurisdiction);
    }

    private static void refuseUnknown(Map<String, Object> values, Set<String> known) {
        List<FieldError> unknown = (values == null ? Map.<String, Object>of() : values).keySet().stream()
                .filter(k -> !known.contains(k)).sorted()
                .map(k -> new FieldError(k, "未知字段 " + k + ",不予受理;可填:" + String.join("、", known.stream().sorted().toList())))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
    }
}

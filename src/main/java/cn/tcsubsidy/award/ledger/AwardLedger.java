package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.award.ledger.AwardClaim.CapKey;
import cn.tcsubsidy.award.ledger.AwardRefusedException.Reason;
import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The award ledger (奖补台账): reserves each project's award against the per-enterprise cap in its scope, one award
 * per certificate, Yanzhou-style annual project limits and the year's budget of every paying fund, then follows it to
 * payment, cancellation or clawback. It runs in the caller's transaction (the engine's, from a delegate), or its own
 * when there is none.
 *
 * <p><b>Why row locks, and which.</b> Each check reads a sum and then inserts; two transactions doing that at once
 * under READ COMMITTED would both see the old sum and together break the cap. Serializable isolation would catch it
 * only by failing one of them at commit, to be retried by every caller, and would depend on each database's
 * implementation. Instead a reservation takes, in this fixed order, exclusive row locks ({@code select … for update},
 * which PostgreSQL and H2 both honour at READ COMMITTED) that every competing reservation must take too:
 * <ol>
 *   <li>the {@code fund_budget} row for the year of every paying fund, in fund-code order (a fund without one pays
 *       nothing: the reservation is refused): all reservations against one budget queue here, so the committed sum
 *       read after the lock is final; a budget change takes the same lock;</li>
 *   <li>the {@code award_enterprise_lock} row of (policy, enterprise) of every enterprise paid, in credit-code order,
 *       created on first use by an insert that tolerates a concurrent creator (in a savepoint): it serializes the
 *       enterprise's cap, certificate and annual-limit checks across years and funds, where no budget row is
 *       shared.</li>
 * </ol>
 * At READ COMMITTED each statement sees what was committed before it started, so the sums read after the locks
 * include every award reserved by whoever held them before. The fixed order means two reservations never wait on
 * each other in a cycle. Locks are held to the end of the caller's transaction: the process should commit soon after
 * reserving. Advisory locks would do the same on PostgreSQL only; H2 runs the embedded default, so these plain rows
 * serve both. The unique constraints on (project, category set, enterprise, live) and (jurisdiction, certificate,
 * live) stay the last word against a second award even where no lock is shared (two enterprises naming one
 * certificate).
 */
@Service
@Transactional
public class AwardLedger {

    private final AwardRepository awards;
    private final FundBudgets budgets;
    private final Clock clock;

    public AwardLedger(AwardRepository awards, FundBudgets budgets, Clock clock) {
        this.awards = awards;
        this.budgets = budgets;
        this.clock = clock;
    }

    /**
     * Reserves the project's award: cut to what is left under the enterprise cap (with the reason), or refused with
     * {@link AwardRefusedException} when the project already has one in the category set, its certificate has been
     * awarded, the enterprise has had its projects for the year, the cap is used up, a paying fund has no budget for
     * the year or cannot pay its share whole. On a refusal nothing is stored and the caller's transaction stays
     * usable (except after a lost race to the database's unique constraints, see {@link #reserveAll}).
     */
    public Reservation reserve(AwardClaim claim, Actor actor) {
        Reservations r = reserve(List.of(claim), false, actor);
        return new Reservation(r.outcomes().get(0).award(), r.budgets());
    }

    /**
     * Reserves a project's claims in one go under the same locks: the claims of a cluster project's members (each paid
     * its share, under its own cap, credit code = the member's), or a single claim. All claims name the same project,
     * category set, policy, year and payers, and distinct enterprises: members whose credit codes the caller took from
     * the project's record (the ledger checks their form, not their membership). Each member is
     * cut to its cap; a member refused (cap used up, already awarded, certificate used, annual limit) is left out
     * alone with its reason, unless every member is, which refuses the whole. The budgets are checked on the sum:
     * when a paying fund cannot pay its part whole, nothing is reserved.
     *
     * <p>On a refusal nothing is stored and the caller's transaction stays usable; only a reservation losing a race to
     * the database's unique constraints (a caller that bypassed the locks, two enterprises naming one certificate)
     * is refused after a failed insert, which on PostgreSQL aborts the transaction: the caller must roll back.
     */
    public Reservations reserveAll(List<AwardClaim> claims, Actor actor) {
        return reserve(claims, true, actor);
    }

    private Reservations reserve(List<AwardClaim> claims, boolean members, Actor actor) {
        if (claims == null || claims.isEmpty()) {
            throw new ValidationException("claims", "奖补申请不能为空");
        }
        claims.forEach(AwardClaim::validate);
        AwardClaim first = claims.get(0);
        actor.requireJurisdiction(first.jurisdiction());
        requireOneProject(claims, members);
        AwardRepository.Policy policy = awards.policy(first.policyKey())
                .filter(p -> p.jurisdiction().equals(first.jurisdiction()))
                .orElseThrow(() -> new ValidationException("policyKey",
                        "辖区 " + first.jurisdiction() + " 未登记奖补政策 " + first.policyKey()));
        AwardRepository.ProjectRef project = awards.project(first.projectId())
                .orElseThrow(() -> new ValidationException("projectId", "项目不存在:" + first.projectId()));
        if (!project.jurisdiction().equals(first.jurisdiction())
                || (!members && !project.creditCode().equals(first.creditCode()))) {
            throw new ValidationException("creditCode", "项目「" + project.projectName() + "」属于辖区 "
                    + project.jurisdiction() + " 的企业 " + project.creditCode() + ",与奖补申请不符");
        }

        Map<String, BudgetStatus> before = lockBudgets(first);
        List<AwardClaim> ordered = claims.stream().sorted(Comparator.comparing(AwardClaim::creditCode)).toList();
        ordered.forEach(c -> awards.lockEnterprise(c.policyKey(), c.creditCode()));

        Map<String, Reservations.Outcome> refused = new LinkedHashMap<>();
        Map<AwardClaim, EnterpriseCap.Cut> accepted = new LinkedHashMap<>();
        for (AwardClaim c : ordered) {
            try {
                refuseSecondAward(c, project);
                refuseUsedCertificate(c);
                refuseOverAnnualLimit(c, policy);
                EnterpriseCap.Cut cut = EnterpriseCap.apply(c.requestedAmount(), c.enterpriseCap(), c.capKey() == null
                        ? Money.ZERO : awards.committedToEnterprise(c.policyKey(), c.creditCode(), c.capScope(), Set.of()));
                if (cut.exhausted()) {
                    throw new AwardRefusedException(Reason.ENTERPRISE_CAP_REACHED, cut.reason());
                }
                accepted.put(c, cut);
            } catch (AwardRefusedException e) {
                refused.put(c.creditCode(), new Reservations.Outcome(c.creditCode(), null, e.reason(), e.explanation()));
            }
        }
        if (accepted.isEmpty()) {
            throw allRefused(members, refused.values());
        }

        Map<AwardClaim, Map<String, BigDecimal>> shares = new LinkedHashMap<>();
        Map<String, BigDecimal> charged = new TreeMap<>();
        accepted.forEach((c, cut) -> {
            Map<String, BigDecimal> parts = FundSplit.of(cut.granted(), c.payers());
            shares.put(c, parts);
            parts.forEach((fund, part) -> charged.merge(fund, part, BigDecimal::add));
        });
        for (Map.Entry<String, BigDecimal> charge : charged.entrySet()) {
            BudgetStatus b = before.get(charge.getKey());
            if (charge.getValue().compareTo(b.remaining()) > 0) {
                throw new AwardRefusedException(Reason.BUDGET_INSUFFICIENT, "预算余额不足:" + b.note() + ",不足本次奖补"
                        + (first.payers().size() > 1 ? "中该资金分担的 " : " ") + Money.format(charge.getValue())
                        + ";不予核减,请工信局研究决定");
            }
        }

        List<Reservations.Outcome> outcomes = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now(clock);
        for (AwardClaim c : ordered) {
            EnterpriseCap.Cut cut = accepted.get(c);
            if (cut == null) {
                outcomes.add(refused.get(c.creditCode()));
                continue;
            }
            long id;
            try {
                id = awards.insert(c, cut.granted(), cut.reason(), shares.get(c), actor.userId(), now);
            } catch (DuplicateKeyException e) {
                throw lostRace(c, project, e);
            }
            outcomes.add(new Reservations.Outcome(c.creditCode(), awards.get(id), null, null));
        }
        List<BudgetStatus> after = before.values().stream()
                .map(b -> b.plus(charged.getOrDefault(b.fundCode(), Money.ZERO))).toList();
        return new Reservations(outcomes, after);
    }

    /**
     * Locks a fund's budget row for the year and reads it with what live awards take from it, for a change of the
     * budget that must not fall below the committed sum while a reservation runs. Empty when no budget is entered.
     */
    public Optional<BudgetStatus> lockBudget(String jurisdiction, String fundCode, int year) {
        return budgets.lock(jurisdiction, fundCode, year).map(b -> BudgetStatus.configured(jurisdiction, fundCode, year,
                b.fundName(), b.amount(), awards.committedFromFund(jurisdiction, fundCode, year, Set.of())));
    }

    /** Withdraws a proposed award (objection upheld, bureau's decision); its amount returns to the cap and the budget. */
    public Award cancel(long awardId, String reason, Actor actor) {
        requireText("cancelReason", "撤销原因", reason, 1000);
        Award award = awards.lock(awardId);
        actor.requireJurisdiction(award.jurisdiction());
        switch (award.status()) {
            case PAID -> throw new ValidationException("award", "奖补已拨付,不能撤销;如需收回资金,请办理追回");
            case PROPOSED -> {
                if (award.paidAmount() != null) {
                    throw new ValidationException("award", "奖补已拨付 " + Money.format(award.paidAmount())
                            + ",不能撤销;如需收回资金,请办理追回");
                }
                awards.cancel(awardId, reason.strip(), LocalDateTime.now(clock));
            }
            case CANCELLED -> throw new ValidationException("award", "奖补已于 " + award.cancelledAt() + " 撤销");
        }
        return awards.get(awardId);
    }

    /**
     * Records the payment; a payment below the grant frees the difference under the cap and in the budgets (each
     * paying fund's share follows the paid amount).
     */
    public Award markPaid(long awardId, BigDecimal paidAmount, Actor actor) {
        Award award = awards.lock(awardId);
        actor.requireJurisdiction(award.jurisdiction());
        if (award.status() != AwardStatus.PROPOSED) {
            throw new ValidationException("award", "奖补当前为「" + award.status().label() + "」,不能登记拨付");
        }
        if (award.paidAmount() != null) {
            throw new ValidationException("award", "奖补已按拨付单拨付 " + Money.format(award.paidAmount())
                    + ",其余部分按拨付单拨付");
        }
        BigDecimal amount = paidAmount == null ? null : Money.round(paidAmount);
        if (amount == null || amount.signum() <= 0 || amount.compareTo(award.grantedAmount()) > 0) {
            throw new ValidationException("paidAmount",
                    "拨付金额应大于 0 且不超过核定奖补金额 " + Money.format(award.grantedAmount()));
        }
        awards.markPaid(awardId, amount, FundSplit.of(amount, awards.payers(awardId)), LocalDateTime.now(clock));
        return awards.get(awardId);
    }

    /**
     * Records one paying fund's payment of part of a proposed award (a payment order: the fund's whole share, an
     * advance, the rest after a settlement). Several payments may be made of one award: their sum stays within the
     * grant, and each fund's within its part of it (the database checks both too); the award stays proposed, its
     * whole grant committed, until {@link #settlePaid} closes it.
     */
    public Award recordPayment(long awardId, String fundCode, BigDecimal amount, Actor actor) {
        Award award = awards.lock(awardId);
        actor.requireJurisdiction(award.jurisdiction());
        if (award.status() != AwardStatus.PROPOSED) {
            throw new ValidationException("award", "奖补当前为「" + award.status().label() + "」,不能登记拨付");
        }
        BigDecimal paid = amount == null ? null : Money.round(amount);
        if (paid == null || paid.signum() <= 0) {
            throw new ValidationException("paidAmount", "拨付金额应大于 0");
        }
        FundPayment share = awards.fundPayments(awardId).stream().filter(f -> f.fundCode().equals(fundCode)).findFirst()
                .orElseThrow(() -> new ValidationException("fundCode", "资金 " + fundCode + " 不承担奖补 " + awardId));
        BigDecimal before = award.paidAmount() == null ? Money.ZERO : award.paidAmount();
        BigDecimal total = before.add(paid);
        if (share.paid().add(paid).compareTo(share.committed()) > 0 || total.compareTo(award.grantedAmount()) > 0) {
            throw new ValidationException("paidAmount", "拨付金额超出核定奖补:该资金分担 " + Money.format(share.committed())
                    + ",已拨付 " + Money.format(share.paid()) + ";奖补核定 " + Money.format(award.grantedAmount())
                    + ",已拨付 " + Money.format(before) + ",本次 " + Money.format(paid));
        }
        awards.addPayment(awardId, fundCode, paid, total, LocalDateTime.now(clock));
        return awards.get(awardId);
    }

    /**
     * Closes the payments of a proposed award: PAID at what its payments add up to; each fund is charged what it
     * paid, so a final sum below the grant frees the difference under the cap and in the budgets.
     */
    public Award settlePaid(long awardId, Actor actor) {
        Award award = awards.lock(awardId);
        actor.requireJurisdiction(award.jurisdiction());
        if (award.status() != AwardStatus.PROPOSED || award.paidAmount() == null) {
            throw new ValidationException("award", "奖补当前为「" + award.status().label() + "」"
                    + (award.paidAmount() == null ? ",尚无拨付" : "") + ",不能结清");
        }
        awards.settlePaid(awardId, LocalDateTime.now(clock));
        return awards.get(awardId);
    }

    /** Each paying fund's part of {@code amount} of the award, by the award's shares, to the fen (largest remainder). */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> split(long awardId, BigDecimal amount) {
        return FundSplit.of(amount, awards.payers(awardId));
    }

    /** Each paying fund's share of the award: charged and paid so far, by fund code. */
    @Transactional(readOnly = true)
    public List<FundPayment> fundPayments(long awardId) {
        return awards.fundPayments(awardId);
    }

    /**
     * Records money recovered (追回) from a paid award; several recoveries add up to at most what was paid. The award
     * keeps taking its paid amount from the cap and the budget (see {@link Award#committedAmount()}).
     */
    public Award recover(long awardId, BigDecimal amount, String reason, Actor actor) {
        requireText("recoveryReason", "追回原因", reason, 500);
        Award award = awards.lock(awardId);
        actor.requireJurisdiction(award.jurisdiction());
        if (award.status() != AwardStatus.PAID) {
            throw new ValidationException("award", "奖补当前为「" + award.status().label() + "」,只有已拨付的奖补可以追回");
        }
        BigDecimal recovered = amount == null ? null : Money.round(amount);
        BigDecimal total = recovered == null ? null : award.recoveredAmount().add(recovered);
        if (recovered == null || recovered.signum() <= 0 || total.compareTo(award.paidAmount()) > 0) {
            throw new ValidationException("recoveredAmount", "追回金额应大于 0,且累计不超过已拨付金额 "
                    + Money.format(award.paidAmount()) + "(已追回 " + Money.format(award.recoveredAmount()) + ")");
        }
        String entry = LocalDateTime.now(clock).toLocalDate() + " 追回 " + Money.format(recovered) + ":" + reason.strip();
        String reasons = award.recoveryReason() == null ? entry : award.recoveryReason() + ";" + entry;
        if (reasons.length() > 2000) {
            throw new ValidationException("recoveryReason", "追回记录过长,请精简追回原因");
        }
        awards.recover(awardId, total, reasons, LocalDateTime.now(clock));
        return awards.get(awardId);
    }

    /**
     * The proposed list of a jurisdiction's year over every fund its candidates charge (see {@link BudgetLine}): each
     * candidate at the amount the bureau could propose, its quote cut to what is left under each enterprise's cap in
     * its scope, charged to its paying funds by their shares. Awards already in the ledger count against the budgets
     * and caps, except those of the candidates themselves, so ranking again after reserving draws the same line.
     * Ineligible candidates sit below the line with their reasons; a candidate without a quote is refused, naming the
     * project. Reserves nothing: the bureau decides, and {@link #reserve} enforces caps and budgets under lock.
     */
    @Transactional(readOnly = true)
    public ProposedList rank(String jurisdiction, int year, List<Candidate> candidates) {
        List<String> unquoted = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!c.quoted()) {
                unquoted.add(awards.project(c.projectId()).map(p -> "「" + p.projectName() + "」").orElse("") + "(编号 "
                        + c.projectId() + ")");
            }
            for (AwardClaim claim : c.claims()) {
                if (claim.projectId() != c.projectId() || !jurisdiction.equals(claim.jurisdiction()) || claim.year() != year
                        || !FundSplit.problems(claim.payers(), "payers").isEmpty()) {
                    throw new IllegalArgumentException("candidate " + c.projectId() + ": claim " + claim
                            + " is not for this project, jurisdiction " + jurisdiction + " and year " + year);
                }
            }
        }
        if (!unquoted.isEmpty()) {
            throw new ValidationException("candidates", "项目" + String.join("、", unquoted)
                    + "没有奖补测算结果,不能参加预算排序;请查明原因、完成测算后重试");
        }
        Set<Long> ids = candidates.stream().map(Candidate::projectId).collect(Collectors.toSet());
        List<AwardClaim> claims = candidates.stream().flatMap(c -> c.claims().stream()).toList();
        Map<String, BudgetStatus> funds = new TreeMap<>();
        claims.stream().flatMap(c -> c.payers().stream()).map(FundShare::fundCode).distinct()
                .forEach(f -> funds.put(f, budgetStatus(jurisdiction, f, year, budgets.find(jurisdiction, f, year), ids)));
        Map<CapKey, BigDecimal> capUsed = new LinkedHashMap<>();
        claims.stream().map(AwardClaim::capKey).filter(k -> k != null).distinct().forEach(k -> capUsed.put(k,
                awards.committedToEnterprise(k.policyKey(), k.creditCode(), k.capScope(), ids)));
        return BudgetLine.draw(funds, capUsed, candidates);
    }

    /** A fund's budget for the year and what live awards take from it (not configured: no budget entered). */
    @Transactional(readOnly = true)
    public BudgetStatus budget(String jurisdiction, String fundCode, int year) {
        String fund = AwardClaim.orElse(fundCode, jurisdiction);
        return budgetStatus(jurisdiction, fund, year, budgets.find(jurisdiction, fund, year), Set.of());
    }

    /** What the enterprise's live awards take from its cap in the scope (capScope null = the whole policy). */
    @Transactional(readOnly = true)
    public BigDecimal awardedToEnterprise(String policyKey, String creditCode, String capScope) {
        return Money.round(awards.committedToEnterprise(policyKey, creditCode, AwardClaim.orElse(capScope, policyKey),
                Set.of()));
    }

    @Transactional(readOnly = true)
    public Award get(long awardId) {
        return awards.get(awardId);
    }

    /** Every award of the project, cancelled ones included, oldest first. */
    @Transactional(readOnly = true)
    public List<Award> awardsOf(long projectId) {
        return awards.ofProject(projectId);
    }

    /** The project's live (proposed or paid) awards in the category set: one, or one per member of a cluster. */
    @Transactional(readOnly = true)
    public List<Award> liveAwards(long projectId, Set<String> categorySet) {
        return awards.live(projectId, AwardClaim.categorySetKey(categorySet));
    }

    private void requireOneProject(List<AwardClaim> claims, boolean members) {
        AwardClaim first = claims.get(0);
        Set<String> enterprises = new HashSet<>();
        for (AwardClaim c : claims) {
            if (c.projectId() != first.projectId() || !c.jurisdiction().equals(first.jurisdiction())
                    || !c.categorySet().equals(first.categorySet()) || !c.policyKey().equals(first.policyKey())
                    || c.year() != first.year() || !c.payers().equals(first.payers())) {
                throw new ValidationException("claims", "同一批奖补申请应属于同一项目、互斥类别、政策、年度和兑现资金");
            }
            if (!enterprises.add(c.creditCode())) {
                throw new ValidationException("claims", "企业 " + c.creditCode() + " 在同一项目的奖补申请中出现两次");
            }
            if (members && !CreditCode.isValid(c.creditCode())) {
                throw new ValidationException("creditCode", "集群成员的统一社会信用代码无效:" + c.creditCode());
            }
        }
    }

    /** Every paying fund's budget row, locked in fund-code order (the claim's payers are sorted so). */
    private Map<String, BudgetStatus> lockBudgets(AwardClaim claim) {
        Map<String, BudgetStatus> locked = new TreeMap<>();
        for (FundShare payer : claim.payers()) {
            String fund = payer.fundCode();
            FundBudgets.Budget b = budgets.lock(claim.jurisdiction(), fund, claim.year())
                    .orElseThrow(() -> new AwardRefusedException(Reason.BUDGET_MISSING,
                            BudgetStatus.missing(budgets.fundName(claim.jurisdiction(), fund), claim.year())));
            locked.put(fund, BudgetStatus.configured(claim.jurisdiction(), fund, claim.year(), b.fundName(), b.amount(),
                    awards.committedFromFund(claim.jurisdiction(), fund, claim.year(), Set.of())));
        }
        return locked;
    }

    private void refuseSecondAward(AwardClaim claim, AwardRepository.ProjectRef project) {
        awards.live(claim.projectId(), claim.categorySetKey(), claim.creditCode()).ifPresent(existing -> {
            throw new AwardRefusedException(Reason.ALREADY_AWARDED, "项目「" + project.projectName() + "」已有"
                    + (claim.creditCode().equals(project.creditCode()) ? "" : "企业 " + claim.creditCode() + " 的")
                    + categoryNames(claim.jurisdiction(), Set.of(existing.category())) + "奖补(编号 " + existing.id()
                    + ",状态 " + existing.status().label() + ",金额 " + Money.format(existing.grantedAmount())
                    + "),同一项目" + categoryNames(claim.jurisdiction(), claim.categorySet()) + "奖补只能享受一次,不重复奖补");
        });
    }

    private void refuseUsedCertificate(AwardClaim claim) {
        if (claim.certificateNo() == null) {
            return;
        }
        awards.liveWithCertificate(claim.jurisdiction(), claim.certificateNo()).ifPresent(existing -> {
            String name = awards.project(existing.projectId()).map(AwardRepository.ProjectRef::projectName).orElse("");
            throw new AwardRefusedException(Reason.CERTIFICATE_USED, "证书(认定)编号 " + claim.certificateNo()
                    + " 已用于奖补(编号 " + existing.id() + ",项目「" + name + "」,企业 " + existing.creditCode() + ",状态 "
                    + existing.status().label() + "),同一证书只奖补一次");
        });
    }

    private void refuseOverAnnualLimit(AwardClaim claim, AwardRepository.Policy policy) {
        if (policy.annualProjectLimit() == null || claim.annualLimitOverride() != null) {
            return;
        }
        int limit = claim.clusterLead() ? policy.annualProjectLimitLead() : policy.annualProjectLimit();
        List<Long> others = awards.otherProjectsInYear(claim.policyKey(), claim.creditCode(), claim.year(),
                claim.projectId());
        if (others.size() >= limit) {
            throw new AwardRefusedException(Reason.ANNUAL_LIMIT_REACHED, policy.document() + ":每个独立法人企业原则上每年只能申报 "
                    + policy.annualProjectLimit() + " 个项目(强链条壮集群牵头企业 " + policy.annualProjectLimitLead()
                    + " 个);企业 " + claim.creditCode() + (claim.clusterLead() ? "(本年度强链条壮集群牵头企业)" : "") + " "
                    + claim.year() + " 年度已有项目 " + others.stream().map(String::valueOf).collect(Collectors.joining("、"))
                    + " 获得奖补安排,本项目不再安排;确需安排的,由工信局书面说明理由后办理");
        }
    }

    private static AwardRefusedException allRefused(boolean members, Collection<Reservations.Outcome> refused) {
        Reservations.Outcome first = refused.iterator().next();
        if (!members || refused.size() == 1) {
            return new AwardRefusedException(first.refusal(), first.explanation());
        }
        return new AwardRefusedException(first.refusal(), "集群各成员均不能安排奖补:" + refused.stream()
                .map(o -> "成员 " + o.creditCode() + ":" + o.explanation()).collect(Collectors.joining(";")));
    }

    /** A concurrent reservation won at the database's unique constraints; see {@link #reserveAll}. */
    private static AwardRefusedException lostRace(AwardClaim c, AwardRepository.ProjectRef project, DuplicateKeyException e) {
        boolean certificate = String.valueOf(e.getMessage()).toLowerCase().contains("award_once_per_certificate");
        return certificate
                ? new AwardRefusedException(Reason.CERTIFICATE_USED, "证书(认定)编号 " + c.certificateNo()
                        + " 的奖补已由另一笔申请同时办理,同一证书只奖补一次")
                : new AwardRefusedException(Reason.ALREADY_AWARDED, "项目「" + project.projectName() + "」的"
                        + categoryNames(c.jurisdiction(), c.categorySet()) + "奖补已由另一笔申请同时办理,同一项目不重复奖补");
    }

    private BudgetStatus budgetStatus(String jurisdiction, String fund, int year, Optional<FundBudgets.Budget> budget,
                                      Collection<Long> excludedProjects) {
        BigDecimal committed = awards.committedFromFund(jurisdiction, fund, year, excludedProjects);
        return budget.map(b -> BudgetStatus.configured(jurisdiction, fund, year, b.fundName(), b.amount(), committed))
                .orElseGet(() -> BudgetStatus.notConfigured(jurisdiction, fund, year, budgets.fundName(jurisdiction, fund),
                        committed));
    }

    private static String categoryNames(String jurisdiction, Set<String> categories) {
        return new TreeSet<>(categories).stream().map(c -> AwardCategories.of(jurisdiction).getOrDefault(c, c))
                .collect(Collectors.joining("/", "「", "」"));
    }

    private static void requireText(String field, String label, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, label + "不能为空");
        }
        if (value.strip().length() > max) {
            throw new ValidationException(field, label + "不能超过 " + max + " 个字符");
        }
    }
}

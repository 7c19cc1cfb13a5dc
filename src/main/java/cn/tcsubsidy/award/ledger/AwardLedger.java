package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.award.ledger.AwardRefusedException.Reason;
import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The award ledger (奖补台账): reserves each project's award against the per-enterprise cap over the policy's life,
 * Yanzhou-style annual project limits and the year's fund budget, then follows it to payment, cancellation or
 * clawback. It runs in the caller's transaction (the engine's, from a delegate), or its own when there is none.
 *
 * <p><b>Why row locks, and which.</b> Each check reads a sum and then inserts; two transactions doing that at once
 * under READ COMMITTED would both see the old sum and together break the cap. Serializable isolation would catch it
 * only by failing one of them at commit, to be retried by every caller, and would depend on each database's
 * implementation. Instead a reservation takes, in this fixed order, exclusive row locks ({@code select … for update},
 * which PostgreSQL and H2 both honour at READ COMMITTED) that every competing reservation must take too:
 * <ol>
 *   <li>the fund's {@code fund_budget} row for the year, when there is one: all reservations against one budget
 *       queue here, so the committed sum read after the lock is final;</li>
 *   <li>the {@code award_enterprise_lock} row of (policy, enterprise), created on first use by an insert that
 *       tolerates a concurrent creator (in a savepoint): it serializes the enterprise's cap and annual-limit checks
 *       across years and funds, where no budget row is shared, and in jurisdictions without any budget.</li>
 * </ol>
 * At READ COMMITTED each statement sees what was committed before it started, so the sums read after the locks
 * include every award reserved by whoever held them before. The fixed order means two reservations never wait on
 * each other in a cycle; a caller reserving several awards in one transaction of a jurisdiction without budget
 * should do so in a stable order (e.g. by credit code). Locks are held to the end of the caller's transaction: the
 * process should commit soon after reserving. Advisory locks would do the same on PostgreSQL only; H2 runs the
 * embedded default, so these plain rows serve both. The unique constraint on (project, category set, live) stays the
 * last word against a second award even for a caller that bypasses the locks.
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
     * {@link AwardRefusedException} when the project already has one in the category set, the enterprise has had its
     * projects for the year, the cap is used up, or the year's budget cannot pay it whole. On a refusal nothing is
     * stored and the caller's transaction stays usable.
     */
    public Reservation reserve(AwardClaim claim, Actor actor) {
        claim.validate();
        actor.requireJurisdiction(claim.jurisdiction());
        AwardRepository.Policy policy = awards.policy(claim.policyKey())
                .filter(p -> p.jurisdiction().equals(claim.jurisdiction()))
                .orElseThrow(() -> new ValidationException("policyKey",
                        "辖区 " + claim.jurisdiction() + " 未登记奖补政策 " + claim.policyKey()));
        AwardRepository.ProjectRef project = awards.project(claim.projectId())
                .orElseThrow(() -> new ValidationException("projectId", "项目不存在:" + claim.projectId()));
        if (!project.jurisdiction().equals(claim.jurisdiction()) || !project.creditCode().equals(claim.creditCode())) {
            throw new ValidationException("creditCode", "项目「" + project.projectName() + "」属于辖区 "
                    + project.jurisdiction() + " 的企业 " + project.creditCode() + ",与奖补申请不符");
        }

        Optional<FundBudgets.Budget> budget = budgets.lock(claim.jurisdiction(), claim.fundCode(), claim.year());
        awards.lockEnterprise(claim.policyKey(), claim.creditCode());

        refuseSecondAward(claim, project);
        refuseOverAnnualLimit(claim, policy);
        EnterpriseCap.Cut cut = EnterpriseCap.apply(claim.requestedAmount(), claim.enterpriseCap(),
                awards.committedToEnterprise(claim.policyKey(), claim.creditCode(), claim.capScope()));
        if (cut.exhausted()) {
            throw new AwardRefusedException(Reason.ENTERPRISE_CAP_REACHED, cut.reason());
        }
        BudgetStatus before = budgetStatus(claim.jurisdiction(), claim.fundCode(), claim.year(), budget, List.of());
        if (before.configured() && cut.granted().compareTo(before.remaining()) > 0) {
            throw new AwardRefusedException(Reason.BUDGET_INSUFFICIENT, "预算余额不足:" + before.note() + ",不足本次奖补 "
                    + Money.format(cut.granted()) + ";不予核减,请工信局研究决定");
        }

        long id;
        try {
            id = awards.insert(claim, cut.granted(), cut.reason(), actor.userId(), LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            // Only a caller reserving the project under another policy key or enterprise gets past the locks to here.
            // On PostgreSQL the failed insert has aborted the transaction: the caller must roll back.
            throw new AwardRefusedException(Reason.ALREADY_AWARDED, "项目「" + project.projectName() + "」的"
                    + categoryNames(claim.jurisdiction(), claim.categorySet()) + "奖补已由另一笔申请同时办理,同一项目不重复奖补");
        }
        return new Reservation(awards.get(id), before.plus(cut.granted()));
    }

    /** Withdraws a proposed award (objection upheld, bureau's decision); its amount returns to the cap and the budget. */
    public Award cancel(long awardId, String reason, Actor actor) {
        requireText("cancelReason", "撤销原因", reason, 1000);
        Award award = awards.lock(awardId);
        actor.requireJurisdiction(award.jurisdiction());
        switch (award.status()) {
            case PAID -> throw new ValidationException("award", "奖补已拨付,不能撤销;如需收回资金,请办理追回");
            case CANCELLED -> throw new ValidationException("award", "奖补已于 " + award.cancelledAt() + " 撤销");
            case PROPOSED -> awards.cancel(awardId, reason.strip(), LocalDateTime.now(clock));
        }
        return awards.get(awardId);
    }

    /** Records the payment; a payment below the grant frees the difference under the cap and in the budget. */
    public Award markPaid(long awardId, BigDecimal paidAmount, Actor actor) {
        Award award = awards.lock(awardId);
        actor.requireJurisdiction(award.jurisdiction());
        if (award.status() != AwardStatus.PROPOSED) {
            throw new ValidationException("award", "奖补当前为「" + award.status().label() + "」,不能登记拨付");
        }
        BigDecimal amount = paidAmount == null ? null : Money.round(paidAmount);
        if (amount == null || amount.signum() <= 0 || amount.compareTo(award.grantedAmount()) > 0) {
            throw new ValidationException("paidAmount",
                    "拨付金额应大于 0 且不超过核定奖补金额 " + Money.format(award.grantedAmount()));
        }
        awards.markPaid(awardId, amount, LocalDateTime.now(clock));
        return awards.get(awardId);
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
     * The proposed list of a fund's year: candidates ranked by expert score and awarded in full while the budget
     * lasts (see {@link BudgetLine}). Awards already committed from the year count against the budget, except those
     * of the candidates themselves, so ranking again after reserving draws the same line. Reserves nothing: the
     * bureau decides, and {@link #reserve} enforces the budget under lock.
     *
     * @param fundCode null = the jurisdiction's own fund
     */
    @Transactional(readOnly = true)
    public ProposedList rank(String jurisdiction, String fundCode, int year, List<Candidate> candidates) {
        String fund = AwardClaim.orElse(fundCode, jurisdiction);
        Set<Long> ids = candidates.stream().map(Candidate::projectId).collect(Collectors.toSet());
        BudgetStatus budget = budgetStatus(jurisdiction, fund, year, budgets.find(jurisdiction, fund, year), ids);
        return BudgetLine.draw(budget, candidates);
    }

    /** A fund's budget for the year and what live awards take from it. */
    @Transactional(readOnly = true)
    public BudgetStatus budget(String jurisdiction, String fundCode, int year) {
        String fund = AwardClaim.orElse(fundCode, jurisdiction);
        return budgetStatus(jurisdiction, fund, year, budgets.find(jurisdiction, fund, year), List.of());
    }

    /** What the enterprise's live awards take from its cap under the policy (capScope null = whole policy). */
    @Transactional(readOnly = true)
    public BigDecimal awardedToEnterprise(String policyKey, String creditCode, String capScope) {
        return Money.round(awards.committedToEnterprise(policyKey, creditCode, AwardClaim.orElse(capScope, policyKey)));
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

    /** The project's live (proposed or paid) award in the category set, if any. */
    @Transactional(readOnly = true)
    public Optional<Award> liveAward(long projectId, Set<String> categorySet) {
        return awards.live(projectId, AwardClaim.categorySetKey(categorySet));
    }

    private void refuseSecondAward(AwardClaim claim, AwardRepository.ProjectRef project) {
        awards.live(claim.projectId(), claim.categorySetKey()).ifPresent(existing -> {
            throw new AwardRefusedException(Reason.ALREADY_AWARDED, "项目「" + project.projectName() + "」已有"
                    + categoryNames(claim.jurisdiction(), Set.of(existing.category())) + "奖补(编号 " + existing.id()
                    + ",状态 " + existing.status().label() + ",金额 " + Money.format(existing.grantedAmount())
                    + "),同一项目" + categoryNames(claim.jurisdiction(), claim.categorySet()) + "奖补只能享受一次,不重复奖补");
        });
    }

    private void refuseOverAnnualLimit(AwardClaim claim, AwardRepository.Policy policy) {
        if (policy.annualProjectLimit() == null) {
            return;
        }
        int limit = claim.clusterLead() ? policy.annualProjectLimitLead() : policy.annualProjectLimit();
        List<Long> others = awards.otherProjectsInYear(claim.policyKey(), claim.creditCode(), claim.year(),
                claim.projectId());
        if (others.size() >= limit) {
            throw new AwardRefusedException(Reason.ANNUAL_LIMIT_REACHED, policy.document() + ":每个独立法人企业每年只能申报 "
                    + policy.annualProjectLimit() + " 个项目(强链条壮集群牵头企业 " + policy.annualProjectLimitLead()
                    + " 个);企业 " + claim.creditCode() + " " + claim.year() + " 年度已有项目 "
                    + others.stream().map(String::valueOf).collect(Collectors.joining("、")) + " 获得奖补安排,本项目不再安排");
        }
    }

    private BudgetStatus budgetStatus(String jurisdiction, String fund, int year, Optional<FundBudgets.Budget> budget,
                                      Collection<Long> excludedProjects) {
        BigDecimal committed = awards.committedFromFund(jurisdiction, fund, year, excludedProjects);
        return budget.map(b -> BudgetStatus.configured(jurisdiction, fund, year, b.fundName(), b.amount(), committed))
                .orElseGet(() -> BudgetStatus.notConfigured(jurisdiction, budgets.jurisdictionName(jurisdiction), fund,
                        year, committed));
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

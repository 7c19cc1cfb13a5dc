package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.award.ledger.AwardClaim.CapKey;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws the budget line under a ranked list. Each project is taken at what the bureau could propose: its quote cut to
 * what is left under each enterprise's cap in its scope (counting the awards already in the ledger and those above
 * the line before it), charged to its paying funds by their shares. In order of expert score a project is above the
 * line while every fund it charges can pay its part in full. The first project that does not fit a fund draws that
 * fund's line: it and every later project charging that fund stay below with the reason 预算余额不足 — a line is a
 * single cut in each fund's ranking, so a lower-scored smaller project does not jump a higher-scored one, and no
 * project is silently shrunk to fit: the bureau decides what happens below the line.
 *
 * <p>Below the line too, never in any sum: a project the rules refuse (with their reason), a project quoted 0, one
 * whose enterprise has used up its cap, and every project charging a fund with no budget for the year.
 *
 * <p>Order: expert score, highest first; on equal scores the earlier completion first (it has waited longest in the
 * pool, the same order the pool gathers projects in); then the lower project id (filed earlier).
 */
final class BudgetLine {

    static final Comparator<Candidate> ORDER = Comparator
            .comparing(Candidate::expertScore, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Candidate::completionDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Candidate::projectId);

    private BudgetLine() {
    }

    /**
     * @param budgets every fund any candidate charges, before the list
     * @param capUsed what the ledger's live awards (those of the candidates left out) already take from each cap
     */
    static ProposedList draw(Map<String, BudgetStatus> budgets, Map<CapKey, BigDecimal> capUsed, List<Candidate> candidates) {
        validate(candidates);
        List<Candidate> ordered = candidates.stream().sorted(ORDER).toList();
        Map<String, BigDecimal> left = new TreeMap<>();
        budgets.forEach((fund, b) -> {
            if (b.configured()) {
                left.put(fund, b.remaining());
            }
        });
        Map<String, Integer> lineAfter = new HashMap<>();
        Map<String, Integer> lastAbove = new HashMap<>();
        Map<CapKey, BigDecimal> capTaken = new HashMap<>(capUsed);
        BigDecimal total = Money.ZERO;
        List<RankedProject> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Candidate c = ordered.get(i);
            int rank = i + 1;
            if (!c.eligible()) {
                ranked.add(new RankedProject(rank, c.projectId(), c.expertScore(), Money.ZERO, Money.ZERO,
                        c.completionDate(), false, false, "按奖补规则不予奖补,不列入预算排序:" + c.ineligibleReason(), Map.of()));
                continue;
            }
            BigDecimal quoted = Money.ZERO;
            BigDecimal proposed = Money.ZERO;
            List<String> notes = new ArrayList<>();
            Map<CapKey, BigDecimal> granted = new LinkedHashMap<>();
            Map<String, BigDecimal> charges = new TreeMap<>();
            for (AwardClaim claim : c.claims()) {
                quoted = quoted.add(claim.requestedAmount());
                EnterpriseCap.Cut cut = EnterpriseCap.apply(claim.requestedAmount(), claim.enterpriseCap(),
                        claim.capKey() == null ? Money.ZERO : capTaken.getOrDefault(claim.capKey(), Money.ZERO));
                if (cut.reason() != null) {
                    notes.add((c.claims().size() > 1 ? "成员 " + claim.creditCode() + ":" : "") + cut.reason());
                }
                proposed = proposed.add(cut.granted());
                if (claim.capKey() != null) {
                    granted.merge(claim.capKey(), cut.granted(), BigDecimal::add);
                }
                FundSplit.of(cut.granted(), claim.payers()).forEach((fund, part) -> charges.merge(fund, part, BigDecimal::add));
            }
            List<String> below = new ArrayList<>();
            if (quoted.signum() <= 0) {
                below.add("按奖补规则测算金额为 0,不列入预算排序");
            } else if (proposed.signum() == 0) {
                below.add("企业累计奖补额度已用完,不列入预算排序");
            } else {
                for (Map.Entry<String, BigDecimal> charge : charges.entrySet()) {
                    String fund = charge.getKey();
                    BudgetStatus budget = budgets.get(fund);
                    String part = c.claims().get(0).payers().size() > 1 ? "中该资金分担的 " : "的 ";
                    if (!budget.configured()) {
                        below.add(budget.note());
                    } else if (lineAfter.containsKey(fund)) {
                        Integer reached = lastAbove.get(fund);
                        below.add("预算余额不足:按评审得分排序," + budget.fundName() + (reached == null
                                ? " 预算不足以安排排名第 " + lineAfter.get(fund) + " 的项目" : " 预算已安排至第 " + reached + " 名")
                                + "(剩余 " + Money.format(left.get(fund)) + "),本项目列于预算线以下,由工信局研究决定");
                    } else if (charge.getValue().compareTo(left.get(fund)) > 0) {
                        below.add("预算余额不足:" + budget.fundName() + " " + budget.year() + " 年度预算剩余 "
                                + Money.format(left.get(fund)) + ",不足本项目拟安排" + part + Money.format(charge.getValue())
                                + ",列于预算线以下,不予核减,由工信局研究决定");
                    }
                }
                for (String fund : charges.keySet()) {
                    if (budgets.get(fund).configured() && !lineAfter.containsKey(fund)
                            && charges.get(fund).compareTo(left.get(fund)) > 0) {
                        lineAfter.put(fund, rank);
                    }
                }
            }
            boolean above = below.isEmpty();
            if (above) {
                charges.forEach((fund, part) -> {
                    left.merge(fund, part.negate(), BigDecimal::add);
                    lastAbove.put(fund, rank);
                });
                granted.forEach((key, amount) -> capTaken.merge(key, amount, BigDecimal::add));
                total = total.add(proposed);
            }
            notes.addAll(below);
            ranked.add(new RankedProject(rank, c.projectId(), c.expertScore(), quoted, proposed, c.completionDate(), true,
                    above, notes.isEmpty() ? null : String.join(";", notes), proposed.signum() > 0 ? charges : Map.of()));
        }
        return new ProposedList(budgets, ranked, total, left);
    }

    private static void validate(List<Candidate> candidates) {
        List<FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Candidate c : candidates) {
            String field = "candidates[" + c.projectId() + "]";
            if (!seen.add(c.projectId())) {
                errors.add(new FieldError(field, "项目 " + c.projectId() + " 在名单中出现两次"));
            }
            if (c.eligible() && c.expertScore() == null) {
                errors.add(new FieldError(field, "项目 " + c.projectId() + " 尚无专家评审得分,不能排序"));
            }
            if (c.eligible() && c.claims().stream().anyMatch(a -> a.requestedAmount() == null || a.requestedAmount().signum() < 0)) {
                errors.add(new FieldError(field, "项目 " + c.projectId() + " 的测算奖补金额缺失或为负数"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}

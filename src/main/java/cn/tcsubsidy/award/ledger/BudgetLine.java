package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws the budget line under a ranked list: projects in order of expert score are awarded in full while the budget
 * lasts. The first project that does not fit, and every one after it, stays below the line with its whole amount
 * and the reason 预算余额不足: a line is a single cut in the ranking, so a lower-scored smaller project does not jump
 * a higher-scored one, and no project is silently shrunk to fit: the bureau decides what happens below the line.
 *
 * <p>Order: expert score, highest first; on equal scores the earlier completion first (it has waited longest in the
 * pool, the same order the pool gathers projects in); then the lower project id (filed earlier).
 */
public final class BudgetLine {

    static final Comparator<Candidate> ORDER = Comparator
            .comparing(Candidate::expertScore, Comparator.reverseOrder())
            .thenComparing(Candidate::completionDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Candidate::projectId);

    private BudgetLine() {
    }

    public static ProposedList draw(BudgetStatus budget, List<Candidate> candidates) {
        validate(candidates);
        List<Candidate> ordered = candidates.stream().sorted(ORDER).toList();
        BigDecimal left = budget.configured() ? budget.remaining() : null;
        BigDecimal total = Money.ZERO;
        List<RankedProject> ranked = new ArrayList<>();
        int lastAbove = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Candidate c = ordered.get(i);
            int rank = i + 1;
            BigDecimal amount = Money.round(c.requestedAmount());
            boolean lineDrawn = lastAbove < i;
            String reason = null;
            if (!lineDrawn && (left == null || amount.compareTo(left) <= 0)) {
                total = total.add(amount);
                left = left == null ? null : left.subtract(amount);
                lastAbove = rank;
            } else if (!lineDrawn) {
                reason = "预算余额不足:" + budget.fundName() + " " + budget.year() + " 年度预算剩余 " + Money.format(left)
                        + ",不足本项目申请的 " + Money.format(amount) + ",列于预算线以下,不予核减,由工信局研究决定";
            } else {
                String reached = lastAbove > 0 ? "预算已安排至第 " + lastAbove + " 名" : "预算不足以安排排名第 1 的项目";
                reason = "预算余额不足:按评审得分排序," + reached + "(剩余 " + Money.format(left)
                        + "),本项目列于预算线以下,由工信局研究决定";
            }
            ranked.add(new RankedProject(rank, c.projectId(), c.expertScore(), amount, c.completionDate(),
                    reason == null, reason));
        }
        return new ProposedList(budget, ranked, total, left);
    }

    private static void validate(List<Candidate> candidates) {
        List<FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Candidate c : candidates) {
            String field = "candidates[" + c.projectId() + "]";
            if (!seen.add(c.projectId())) {
                errors.add(new FieldError(field, "项目 " + c.projectId() + " 在名单中出现两次"));
            }
            if (c.expertScore() == null) {
                errors.add(new FieldError(field, "项目 " + c.projectId() + " 尚无专家评审得分,不能排序"));
            }
            if (c.requestedAmount() == null || Money.round(c.requestedAmount()).signum() <= 0) {
                errors.add(new FieldError(field, "项目 " + c.projectId() + " 的申请奖补金额应大于 0"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}

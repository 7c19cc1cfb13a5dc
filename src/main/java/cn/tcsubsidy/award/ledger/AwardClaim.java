package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the process asks the ledger to reserve for one project. Every number of policy comes in here, from the
 * jurisdiction's DMN result (the per-project cap is already applied to {@code requestedAmount}; {@code enterpriseCap}
 * is the quote's {@code enterpriseCap}), so the ledger holds no rate or cap of its own.
 *
 * @param projectId       the project the award is for; its jurisdiction and credit code must match the claim's
 * @param jurisdiction    tenant code, e.g. {@code hekou}
 * @param creditCode      the enterprise's 统一社会信用代码 (the cluster lead's for a cluster project)
 * @param category        the category awarded, e.g. {@code DIRECT_SUBSIDY}
 * @param categorySet     the categories of which the project may get only one (e.g. Hekou's
 *                        {@code DIRECT_SUBSIDY, LOAN_INTEREST}: 企业可任选一种奖补方式); contains {@code category}
 * @param policyKey       the policy whose life the enterprise cap spans, a key of {@code award_policy}
 * @param capScope        the awards sharing the enterprise cap within the policy, e.g. {@code INFORMATIZATION} for
 *                        Yanzhou's separate 50万元 cap; null = the whole policy (stored as the policy key)
 * @param enterpriseCap   the per-enterprise cap in yuan; null = none
 * @param clusterLead     the enterprise leads a cluster this year (Yanzhou: may have two projects a year)
 * @param fundCode        the fund that pays (a key of {@code fund_budget}); null = the jurisdiction's own fund.
 *                        Huanggang's county-pool awards name the county, whose fund pays them
 * @param year            the award year, whose budget pays
 * @param requestedAmount the award the rules give the project, in yuan (rounded half-up to 0.01 here)
 */
public record AwardClaim(
        long projectId,
        String jurisdiction,
        String creditCode,
        String category,
        Set<String> categorySet,
        String policyKey,
        String capScope,
        BigDecimal enterpriseCap,
        boolean clusterLead,
        String fundCode,
        int year,
        BigDecimal requestedAmount) {

    public AwardClaim {
        categorySet = categorySet == null ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(categorySet));
        capScope = orElse(capScope, policyKey);
        fundCode = orElse(fundCode, jurisdiction);
        requestedAmount = requestedAmount == null ? null : Money.round(requestedAmount);
        enterpriseCap = enterpriseCap == null ? null : Money.round(enterpriseCap);
    }

    /** The category set as stored: its codes sorted and comma-joined, so the same set is always the same key. */
    public String categorySetKey() {
        return categorySetKey(categorySet);
    }

    static String categorySetKey(Set<String> categories) {
        return String.join(",", new TreeSet<>(categories));
    }

    /** A blank optional part means its default: the policy's whole life for the cap scope, the jurisdiction's own fund. */
    static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    void validate() {
        List<FieldError> errors = new ArrayList<>();
        if (projectId <= 0) {
            errors.add(new FieldError("projectId", "项目编号无效"));
        }
        requireText(errors, "jurisdiction", "辖区", jurisdiction, 32);
        requireText(errors, "creditCode", "统一社会信用代码", creditCode, 18);
        requireText(errors, "category", "奖补类别", category, 40);
        requireText(errors, "policyKey", "奖补政策", policyKey, 40);
        requireText(errors, "capScope", "企业累计上限范围", capScope, 40);
        requireText(errors, "fundCode", "资金来源", fundCode, 32);
        if (categorySet.isEmpty() || categorySet.stream().anyMatch(c -> c == null || c.isBlank() || c.contains(","))) {
            errors.add(new FieldError("categorySet", "互斥奖补类别不能为空,类别代码不能含逗号"));
        } else if (category != null && !categorySet.contains(category)) {
            errors.add(new FieldError("categorySet", "互斥奖补类别应包含本次奖补类别 " + category));
        } else if (categorySetKey().length() > 400) {
            errors.add(new FieldError("categorySet", "互斥奖补类别过多"));
        }
        if (year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "奖补年度应在 2000 至 2100 之间"));
        }
        if (requestedAmount == null || requestedAmount.signum() <= 0) {
            errors.add(new FieldError("requestedAmount", "申请奖补金额应大于 0"));
        }
        if (enterpriseCap != null && enterpriseCap.signum() <= 0) {
            errors.add(new FieldError("enterpriseCap", "单个企业累计上限应大于 0,无上限时不填"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void requireText(List<FieldError> errors, String field, String label, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, label + "不能为空"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, label + "不能超过 " + max + " 个字符"));
        }
    }
}

package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the process asks the ledger to reserve for one project (or, for a cluster project, for one member). Every
 * number of policy comes in here, from the jurisdiction's DMN result (the per-project cap is already applied to
 * {@code requestedAmount}; {@code enterpriseCap} and {@code capScope} are the quote's), so the ledger holds no rate or
 * cap of its own.
 *
 * @param projectId           the project the award is for; its jurisdiction must match, and (except for a cluster's
 *                            members, see {@link AwardLedger#reserveAll}) its credit code
 * @param jurisdiction        tenant code, e.g. {@code hekou}
 * @param creditCode          the 统一社会信用代码 of the enterprise paid: the project's, or a cluster member's
 * @param category            the category awarded, e.g. {@code DIRECT_SUBSIDY}
 * @param categorySet         the categories of which the project may get only one (e.g. Hekou's
 *                            {@code DIRECT_SUBSIDY, LOAN_INTEREST}: 企业可任选一种奖补方式); contains {@code category}
 * @param policyKey           the policy whose life the enterprise cap spans, a key of {@code award_policy}
 * @param capScope            the awards sharing the enterprise cap within the policy: the policy key (cap over the
 *                            policy), a category, or category + "/" + year; blank with a cap = the policy key. Ignored
 *                            (stored null) without a cap
 * @param enterpriseCap       the per-enterprise cap in yuan; null = no enterprise cap at all (the table's NONE): the
 *                            award neither takes from nor is limited by any cap
 * @param clusterLead         the enterprise leads a cluster project that year (Yanzhou: may have two projects a year)
 * @param payers              the funds that pay and their shares, from {@link Payers#of}; each must have a budget for
 *                            {@code year}
 * @param year                the award year, whose budgets pay
 * @param requestedAmount     the award the rules give, in yuan (rounded half-up to 0.01 here)
 * @param certificateNo       the certificate or listing number a fixed award rests on (证书编号), null if none: one
 *                            certificate is paid once in the jurisdiction
 * @param annualLimitOverride the bureau's written reason for lifting the annual project limit for this award
 *                            (原则上每年只能申报一个项目), null to apply it
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
        List<FundShare> payers,
        int year,
        BigDecimal requestedAmount,
        String certificateNo,
        String annualLimitOverride) {

    public AwardClaim {
        categorySet = categorySet == null ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(categorySet));
        enterpriseCap = enterpriseCap == null ? null : Money.round(enterpriseCap);
        capScope = enterpriseCap == null ? null : orElse(capScope, policyKey);
        payers = payers == null ? List.of()
                : payers.stream().sorted(Comparator.comparing(FundShare::fundCode, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        requestedAmount = requestedAmount == null ? null : Money.round(requestedAmount);
        certificateNo = blankToNull(certificateNo);
        annualLimitOverride = blankToNull(annualLimitOverride);
    }

    /** The same claim for another amount (a cluster member's part, or the bureau's proposal). */
    public AwardClaim withAmount(BigDecimal amount) {
        return new AwardClaim(projectId, jurisdiction, creditCode, category, categorySet, policyKey, capScope,
                enterpriseCap, clusterLead, payers, year, amount, certificateNo, annualLimitOverride);
    }

    /** The category set as stored: its codes sorted and comma-joined, so the same set is always the same key. */
    public String categorySetKey() {
        return categorySetKey(categorySet);
    }

    /** The cap this claim takes from, or null when it has no enterprise cap. */
    CapKey capKey() {
        return enterpriseCap == null ? null : new CapKey(policyKey, creditCode, capScope);
    }

    /** The awards of one enterprise sharing one cap: policy, enterprise and scope. */
    record CapKey(String policyKey, String creditCode, String capScope) {
    }

    static String categorySetKey(Set<String> categories) {
        return String.join(",", new TreeSet<>(categories));
    }

    /** A blank optional part means its default: the policy's whole life for the cap scope, the jurisdiction's own fund. */
    static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        if (enterpriseCap != null) {
            requireText(errors, "capScope", "企业累计上限范围", capScope, 40);
        }
        errors.addAll(FundSplit.problems(payers, "payers"));
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
        if (certificateNo != null && certificateNo.length() > 100) {
            errors.add(new FieldError("certificateNo", "证书编号不能超过 100 个字符"));
        }
        if (annualLimitOverride != null && annualLimitOverride.length() > 1000) {
            errors.add(new FieldError("annualLimitOverride", "不受年度项目数限制的理由不能超过 1000 个字符"));
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

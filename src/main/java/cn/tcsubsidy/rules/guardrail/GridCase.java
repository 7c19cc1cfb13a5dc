package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.award.quote.ClusterMember;
import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.quote.OtherFunding;
import cn.tcsubsidy.award.quote.QuoteContext;
import cn.tcsubsidy.award.quote.QuoteRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of the guardrails' grid: a quote request and what the quote service would have worked out for it, with
 * the pool level and the LPR the case assumes (the candidate tc-award is checked on its own, whatever lpr-1y and
 * tc-pool-entry are deployed).
 */
public record GridCase(QuoteRequest request, QuoteContext context, String poolLevel, BigDecimal lpr) {

    public String category() {
        return request.category();
    }

    public BigDecimal figure(Figure f) {
        return request.figure(f);
    }

    /** An amount as a bureau reads it: 4,000,000.00 元 (rounded half-up to the fen). */
    public static String yuan(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f 元", amount.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    /** The case as a rule administrator reads it in a refusal. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("类别 " + request.category());
        for (Figure f : Figure.values()) {
            if (request.figures().containsKey(f)) {
                parts.add(f.label() + " " + yuan(request.figure(f)));
            }
        }
        parts.add("政策适用日 " + (context.policyDate() == null ? "未填" : context.policyDate()));
        if (context.awardYear() != null) {
            parts.add("奖补年度 " + context.awardYear());
        }
        if (request.mujuanClass() != null) {
            parts.add("亩产效益评价 " + request.mujuanClass() + " 类");
        }
        if (request.echelonListed()) {
            parts.add("列入梯队企业培育名单");
        }
        if (request.certificationLevel() != null) {
            parts.add("认定级别 " + request.certificationLevel());
        }
        for (OtherFunding o : request.otherFunding()) {
            parts.add("已获" + o.level() + "级资金 " + yuan(o.amount()));
        }
        for (ClusterMember m : request.members()) {
            parts.add("成员 " + m.enterprise() + (m.sme() ? "(中小企业)" : "") + " 设备投资 "
                    + yuan(m.equipmentInvestment()) + (m.mujuanClass() == null ? "" : " " + m.mujuanClass() + " 类"));
        }
        if (request.listingYear() != null) {
            parts.add("列入培育名单年度 " + request.listingYear());
        }
        if (request.certificateDate() != null) {
            parts.add("证书日期 " + request.certificateDate());
        }
        if (context.scheme() != null) {
            parts.add("年度方案比例 " + context.scheme().rate().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%");
        } else if (request.county() != null) {
            parts.add("本年度无备案方案");
        }
        if (poolLevel != null) {
            parts.add("入库级别 " + poolLevel);
        }
        if (lpr != null && request.figures().containsKey(Figure.LOAN_AMOUNT)) {
            parts.add("LPR " + lpr.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%");
        }
        return String.join("、", parts);
    }
}

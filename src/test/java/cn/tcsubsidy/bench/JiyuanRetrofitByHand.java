package cn.tcsubsidy.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark baseline only (test sources, not product code): Jiyuan's tc-award for the TECH_RETROFIT case class,
 * written out by hand from dmn/jiyuan/jiyuan-award.dmn (refusals, evidence and terms rules that can match
 * TECH_RETROFIT, then the top FIRST table). The figures here are copied from that table for the comparison; the
 * benchmark checks that this function and the table agree on every input it times.
 */
final class JiyuanRetrofitByHand {

    private static final LocalDate POLICY_START = LocalDate.of(2017, 8, 2);
    private static final BigDecimal THRESHOLD = new BigDecimal("5000000");

    private JiyuanRetrofitByHand() {
    }

    /** The same entries as tc-award's single result for a TECH_RETROFIT application. */
    static Map<String, Object> award(Map<String, Object> in) {
        List<String> refusals = new ArrayList<>();
        LocalDate policyDate = date(in.get("policyDate"));
        if (policyDate == null) {
            refusals.add("未填写竣工日期或申请日期,无法确定适用的政策");
        } else if (policyDate.isBefore(POLICY_START)) {
            refusals.add("政策适用日(竣工日期或申请日期)早于济政〔2017〕27号印发施行日(2017年8月2日)");
        }
        BigDecimal completed = (BigDecimal) in.get("completedInvestmentThisYear");
        if (completed != null && completed.compareTo(THRESHOLD) < 0) {
            refusals.add(RETROFIT_UNDER_FIVE_MILLION);
        }
        List<String> evidence = new ArrayList<>();
        Integer awardYear = (Integer) in.get("awardYear");
        LocalDate production = date(in.get("productionStartDate"));
        if (awardYear == null) {
            evidence.add("未确定奖补年度,无法核对当年完成投资与投产日期");
        }
        if (production == null) {
            evidence.add(PRODUCTION_START_MISSING);
        } else if (awardYear != null && production.isAfter(LocalDate.of(awardYear, 12, 31))) {
            evidence.add("投产日期晚于奖补年度(" + awardYear + "年)12月31日" + NOT_IN_PRODUCTION_TAIL);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        boolean eligible = refusals.isEmpty() && evidence.isEmpty();
        out.put("eligible", eligible);
        List<String> reasons = new ArrayList<>(refusals);
        reasons.addAll(evidence);
        out.put("reasons", reasons);
        out.put("rate", new BigDecimal("0.30"));
        out.put("baseFields", "equipmentInvestment + rdInvestment");
        out.put("fixedAmount", null);
        out.put("projectCap", 10000000L);
        out.put("enterpriseCap", null);
        out.put("capScope", "NONE");
        out.put("scoredRate", false);
        out.put("basis", BASIS);
        return out;
    }

    private static LocalDate date(Object iso) {
        return iso == null ? null : LocalDate.parse((String) iso);
    }

    static final String RETROFIT_UNDER_FIVE_MILLION = "奖补年度内完成投资不足500万元,不符合技术改造后补助条件(济政〔2017〕27号《济源市推进企业技术改造攻坚方案》 二(一)“对当年投资完成在500万元以上的技术改造项目,投产后,按照项目的设备、研发投入的30%给予后补助,单个项目最高不超过1000万元。”)";
    static final String PRODUCTION_START_MISSING = "未填写投产日期:技术改造后补助在投产后给予(济政〔2017〕27号《济源市推进企业技术改造攻坚方案》 二(一)“对当年投资完成在500万元以上的技术改造项目,投产后,按照项目的设备、研发投入的30%给予后补助,单个项目最高不超过1000万元。”)";
    static final String NOT_IN_PRODUCTION_TAIL = ",该年度尚未投产,不予后补助(济政〔2017〕27号《济源市推进企业技术改造攻坚方案》 二(一)“对当年投资完成在500万元以上的技术改造项目,投产后,按照项目的设备、研发投入的30%给予后补助,单个项目最高不超过1000万元。”)";
    static final String BASIS = "济政〔2017〕27号《济源市推进企业技术改造攻坚方案》 二(一):“对当年投资完成在500万元以上的技术改造项目,投产后,按照项目的设备、研发投入的30%给予后补助,单个项目最高不超过1000万元。”";
}

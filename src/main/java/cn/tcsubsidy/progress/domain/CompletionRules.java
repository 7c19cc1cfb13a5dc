package cn.tcsubsidy.progress.domain;

import java.util.Map;
import java.util.Set;

/**
 * Which award categories ask the completion report (竣工报告) for which further facts. What a figure earns is the
 * award tables' business; these say only what must be reported for the tables to decide on facts, not on blanks.
 */
final class CompletionRules {

    /**
     * 东河政发〔2020〕5号 三(一): 按照项目贷款实际发生额…与被贴息扶持企业签订委托支付协议,财政贴息资金直接拨付给贷款银行;
     * 黄冈 贷款贴息 likewise: the loan actually drawn, its contract and the entrusted-payment agreement.
     */
    static final String LOAN_INTEREST = "LOAN_INTEREST";

    /** 济政〔2017〕27号: 对当年投资完成在500万元以上的技术改造项目,投产后…给予后补助 — the 投产 date. */
    private static final Map<String, Set<String>> PRODUCTION_START = Map.of("jiyuan", Set.of("TECH_RETROFIT"));

    /**
     * Awards for a certificate or listing (认定、试点示范、名单): the certificate's number, date and level.
     * 济政〔2017〕27号: 认定为省工业新产品的; 首台(套) 省认定; 从2017年起,对获得国家级、省级…试点示范/认定的企业;
     * 列入省创新中心培育名单的单位; 两化融合管理体系评定. 东河政发〔2020〕5号 三(四): 对认定的市级及以上…试点示范项目.
     */
    private static final Map<String, Set<String>> CERTIFICATE = Map.of(
            "jiyuan", Set.of("INNOVATION_CENTER_PROVINCIAL", "NEW_PRODUCT", "FIRST_SET", "QUALITY_BRAND", "SMART_MFG",
                    "SERVICE_MFG", "INDUSTRIAL_CLOUD", "DUAL_PLATFORM", "DUAL_BASE", "IIOT_MGMT_CERT"),
            "hekou", Set.of("PILOT_DEMO"));

    /** 济政〔2017〕27号: 购买使用我市…首台(套) — whether the equipment is made in Jiyuan. */
    static final String FIRST_SET = "FIRST_SET";

    /** 济政〔2017〕27号: 创新中心从列入市培育名单年度起…连续支持3年 — the year of listing. */
    static final String INNOVATION_CENTER = "INNOVATION_CENTER";

    /** 济兖政字〔2020〕14号 四、3: 技改共同体…补助资金按各企业设备投资额度比例分配 — the members. */
    static final String CLUSTER = "CLUSTER";

    private CompletionRules() {
    }

    static boolean needsLoan(String category) {
        return LOAN_INTEREST.equals(category);
    }

    static boolean needsProductionStart(String jurisdiction, String category) {
        return PRODUCTION_START.getOrDefault(jurisdiction, Set.of()).contains(category);
    }

    static boolean needsCertificate(String jurisdiction, String category) {
        return CERTIFICATE.getOrDefault(jurisdiction, Set.of()).contains(category);
    }
}

package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.scheme.domain.SchemeTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** 济源市, 济政〔2017〕27号 (seed 003: five plans, from 2017-08-02, no end date). */
final class JiyuanAwardPolicy extends AwardPolicy {

    static final String DOC = "济政〔2017〕27号";
    static final LocalDate FROM = LocalDate.of(2017, 8, 2);
    static final String ISSUED = DOC + " 印发施行日 2017年8月2日";
    static final String RETROFIT_PLAN = DOC + "《济源市推进企业技术改造攻坚方案》";
    static final String SMART_PLAN = DOC + "《济源市推进工业智能化改造攻坚方案》";
    static final String TECH_RETROFIT = RETROFIT_PLAN + " 二(一)“对当年投资完成在500万元以上的技术改造项目,投产后,按照项目的设备、研发投入的30%给予后补助,单个项目最高不超过1000万元。”";
    static final String INNOVATION = RETROFIT_PLAN + " 二(二)“创新中心从列入市培育名单年度起,以项目建设后补助的方式连续支持3年,在培育期内按照年度内购置研发、中试等设备投入资金的50%给予补助,年度补助金额最高不超过500万元;凡列入省创新中心培育名单的单位,给予一次性500万元的补助。”";
    static final String NEW_PRODUCT = RETROFIT_PLAN + " 二(三)“认定为省工业新产品的,按照企业研发投入的30%给予后补助,单个项目最高不超过100万元。”";
    static final String STRONG_BASE = RETROFIT_PLAN + " 二(四)“对企业承担国家工业强基工程的项目,按照国家资助的50%给予配套支持。”";
    static final String QUALITY_BRAND = RETROFIT_PLAN + " 二(五)“认定为国家级、省级技术创新示范企业、知识产权运用示范企业、质量标杆企业、工业品牌培育示范企业、工业公共技术研发设计中心、产业集群区域品牌建设试点单位分别给予50万元、30万元奖补。”";
    static final String FIRST_SET = RETROFIT_PLAN + " 二(六)“对购买使用我市并经省认定的首台(套)重大技术装备和关键部件的单位,按照销售价格的5%给予奖励。”";
    static final String IIOT = SMART_PLAN + " 三(一)“从2017年起,对通过国家信息化和工业化融合管理体系评定的企业,给予30万元奖励。”";
    static final String SMART_MFG = SMART_PLAN + " 三(二)“从2017年起,对获得国家级、省级智能制造领域(智能工厂、智能车间、智能制造解决方案等)试点示范的企业,分别给予50万元、30万元奖励。”";
    static final String SERVICE_MFG = SMART_PLAN + " 三(三)“从2017年起,对获得国家级、省级服务型制造领域试点示范的企业,分别给予50万元、30万元奖励。”";
    static final String CLOUD = SMART_PLAN + " 三(四)“从2017年起,对获得国家级、省级工业云或工业大数据领域试点示范的企业,分别给予50万元、30万元奖励。”";
    static final String DUAL_PLATFORM = SMART_PLAN + " 三(六)“从2017年起,对获得国家级、省级认定的制造业互联网“双创”平台(若开展试点示范工作,以取得试点示范为准),分别给予其申报单位50万元、30万元奖励。”";
    static final String DUAL_BASE = SMART_PLAN + " 三(六)“对获得国家级、省级认定的制造业与互联网融合领域“双创”基地,分别给予其申报单位80万元、50万元奖励。”";
    static final String GREEN = DOC + "《济源市推进工业绿色化改造攻坚方案》 二(一)“对新增投资额500万元以上的重大节能、节水、清洁生产和基础工艺绿色化改造示范项目,按照节能降耗效果和投资规模的一定比例给予后补助。”(比例由年度方案规定)";

    /** National / provincial amounts of the fixed awards, and whether the sentence says 从2017年起. */
    record Fixed(BigDecimal national, BigDecimal provincial, boolean from2017, String source) {
    }

    static final Map<String, Fixed> FIXED = Map.of(
            "QUALITY_BRAND", new Fixed(yuan("500000"), yuan("300000"), false, QUALITY_BRAND),
            "SMART_MFG", new Fixed(yuan("500000"), yuan("300000"), true, SMART_MFG),
            "SERVICE_MFG", new Fixed(yuan("500000"), yuan("300000"), true, SERVICE_MFG),
            "INDUSTRIAL_CLOUD", new Fixed(yuan("500000"), yuan("300000"), true, CLOUD),
            "DUAL_PLATFORM", new Fixed(yuan("500000"), yuan("300000"), true, DUAL_PLATFORM),
            "DUAL_BASE", new Fixed(yuan("800000"), yuan("500000"), false, DUAL_BASE),
            "IIOT_MGMT_CERT", new Fixed(yuan("300000"), null, true, IIOT));

    static final LocalDate YEAR_2017 = LocalDate.of(2017, 1, 1);

    @Override
    public String tenant() {
        return "jiyuan";
    }

    @Override
    public List<String> categories() {
        return List.of("TECH_RETROFIT", "INNOVATION_CENTER", "INNOVATION_CENTER_PROVINCIAL", "NEW_PRODUCT", "STRONG_BASE",
                "FIRST_SET", "QUALITY_BRAND", "SMART_MFG", "SERVICE_MFG", "INDUSTRIAL_CLOUD", "DUAL_PLATFORM", "DUAL_BASE",
                "IIOT_MGMT_CERT", "GREEN");
    }

    @Override
    public List<GridCase> grid(String category) {
        LocalDate inside = LocalDate.of(2021, 6, 1);
        List<CaseBuilder> base = vary(List.of(CaseBuilder.of(tenant(), category, inside)
                .certificate("示例证书-001", LocalDate.of(2018, 3, 1))), datesAround(FROM, inside, null));
        List<UnaryOperator<CaseBuilder>> certificates = List.of(b -> b,
                b -> b.certificate("示例证书-001", LocalDate.of(2016, 12, 31)), b -> b.certificate(null, null));
        List<UnaryOperator<CaseBuilder>> levels = List.of(b -> b.level(null), b -> b.level("CITY"),
                b -> b.level("PROVINCE"), b -> b.level("NATIONAL"));
        return built(switch (category) {
            case "TECH_RETROFIT" -> vary(vary(base,
                    b -> b.figure(Figure.COMPLETED_INVESTMENT_THIS_YEAR, "4999999.99").figure(Figure.EQUIPMENT_INVESTMENT, "4000000").figure(Figure.RD_INVESTMENT, "500000"),
                    b -> b.figure(Figure.COMPLETED_INVESTMENT_THIS_YEAR, "5000000").figure(Figure.EQUIPMENT_INVESTMENT, "4000000").figure(Figure.RD_INVESTMENT, "500000"),
                    b -> b.figure(Figure.COMPLETED_INVESTMENT_THIS_YEAR, "8000000").figure(Figure.EQUIPMENT_INVESTMENT, "5000000").figure(Figure.RD_INVESTMENT, "1000000"),
                    b -> b.figure(Figure.COMPLETED_INVESTMENT_THIS_YEAR, "500000000").figure(Figure.EQUIPMENT_INVESTMENT, "300000000").figure(Figure.RD_INVESTMENT, "100000000")),
                    b -> b.productionStart(null),
                    b -> b.productionStart(LocalDate.of(b.awardYear(), 12, 31)),
                    b -> b.productionStart(LocalDate.of(b.awardYear() + 1, 1, 1)));
            case "INNOVATION_CENTER" -> vary(vary(base,
                    b -> b.figure(Figure.EQUIPMENT_INVESTMENT, "2000000"), b -> b.figure(Figure.EQUIPMENT_INVESTMENT, "20000000")),
                    b -> b.listingYear(null), b -> b.listingYear(b.awardYear() + 1), b -> b.listingYear(b.awardYear()),
                    b -> b.listingYear(b.awardYear() - 2), b -> b.listingYear(b.awardYear() - 3));
            case "INNOVATION_CENTER_PROVINCIAL" -> vary(base, b -> b, b -> b.certificate(null, null));
            case "NEW_PRODUCT" -> vary(vary(base,
                    b -> b.figure(Figure.RD_INVESTMENT, "1000000"), b -> b.figure(Figure.RD_INVESTMENT, "10000000")), levels);
            case "STRONG_BASE" -> vary(base, b -> b.figure(Figure.NATIONAL_FUNDING, "0"),
                    b -> b.figure(Figure.NATIONAL_FUNDING, "2000000"));
            case "FIRST_SET" -> vary(vary(vary(base,
                    b -> b.figure(Figure.PURCHASE_PRICE, "0"), b -> b.figure(Figure.PURCHASE_PRICE, "10000000")),
                    b -> b.localMade(true), b -> b.localMade(false), b -> b.localMade(null)),
                    b -> b.level("PROVINCE"), b -> b.level("NATIONAL"), b -> b.level(null));
            case "GREEN" -> vary(vary(base,
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "4999999.99"), b -> b.figure(Figure.TOTAL_INVESTMENT, "5000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "50000000")),
                    b -> b.scheme(null),
                    b -> b.scheme(new SchemeTerms("示例方案", true, new BigDecimal("0.05"), yuan("1000000"), null)));
            default -> vary(vary(base, levels), certificates);
        });
    }

    @Override
    public Limit limit(GridCase c) {
        if (outside(c.context().policyDate(), FROM, null)) {
            return Limit.nothing("政策施行日(2017年8月2日)以前不予奖补", ISSUED);
        }
        String level = c.request().certificationLevel();
        Integer year = c.context().awardYear();
        switch (c.category()) {
            case "TECH_RETROFIT" -> {
                if (c.figure(Figure.COMPLETED_INVESTMENT_THIS_YEAR).compareTo(yuan("5000000")) < 0) {
                    return Limit.nothing("当年完成投资500万元以下不予技术改造后补助", TECH_RETROFIT);
                }
                LocalDate production = c.request().productionStartDate();
                if (production == null || year == null || production.isAfter(LocalDate.of(year, 12, 31))) {
                    return Limit.nothing("奖补年度内未投产的不予技术改造后补助(“投产后”)", TECH_RETROFIT);
                }
                BigDecimal rate = new BigDecimal("0.30");
                return Limit.upTo(share(sum(c.figure(Figure.EQUIPMENT_INVESTMENT), c.figure(Figure.RD_INVESTMENT)), rate,
                        yuan("10000000")), rate, "技术改造后补助不超过设备、研发投入的30%,单个项目最高1000万元", TECH_RETROFIT);
            }
            case "INNOVATION_CENTER" -> {
                Integer listed = c.request().listingYear();
                if (listed == null || year == null || year < listed || year - listed > 2) {
                    return Limit.nothing("创新中心从列入市培育名单年度起连续支持3年,培育期外不予补助", INNOVATION);
                }
                BigDecimal rate = new BigDecimal("0.50");
                return Limit.upTo(share(c.figure(Figure.EQUIPMENT_INVESTMENT), rate, yuan("5000000")), rate,
                        "创新中心补助不超过年度购置研发、中试设备投入的50%,年度最高500万元", INNOVATION);
            }
            case "INNOVATION_CENTER_PROVINCIAL" -> {
                if (c.request().certificateNo() == null) {
                    return Limit.nothing("未列入省创新中心培育名单(无证书编号)的不予补助", INNOVATION);
                }
                return Limit.upTo(yuan("5000000"), null, "列入省创新中心培育名单的一次性补助不超过500万元", INNOVATION);
            }
            case "NEW_PRODUCT" -> {
                if (!"PROVINCE".equals(level)) {
                    return Limit.nothing("新产品后补助仅限认定为省工业新产品的", NEW_PRODUCT);
                }
                BigDecimal rate = new BigDecimal("0.30");
                return Limit.upTo(share(c.figure(Figure.RD_INVESTMENT), rate, yuan("1000000")), rate,
                        "省工业新产品后补助不超过研发投入的30%,单个项目最高100万元", NEW_PRODUCT);
            }
            case "STRONG_BASE" -> {
                BigDecimal rate = new BigDecimal("0.50");
                return Limit.upTo(share(c.figure(Figure.NATIONAL_FUNDING), rate, null), rate,
                        "工业强基配套支持不超过国家资助的50%", STRONG_BASE);
            }
            case "FIRST_SET" -> {
                if (!"PROVINCE".equals(level) || !Boolean.TRUE.equals(c.request().localMade())) {
                    return Limit.nothing("首台(套)奖励仅限购买使用我市制造并经省认定的重大技术装备", FIRST_SET);
                }
                BigDecimal rate = new BigDecimal("0.05");
                return Limit.upTo(share(c.figure(Figure.PURCHASE_PRICE), rate, null), rate,
                        "首台(套)奖励不超过销售价格的5%", FIRST_SET);
            }
            case "GREEN" -> {
                if (c.figure(Figure.TOTAL_INVESTMENT).compareTo(yuan("5000000")) < 0) {
                    return Limit.nothing("新增投资额500万元以下不予绿色化改造后补助", GREEN);
                }
                SchemeTerms scheme = c.context().scheme();
                if (scheme == null || scheme.rate() == null) {
                    return Limit.nothing("本年度奖补方案未备案的不予绿色化改造后补助", GREEN);
                }
                return Limit.upTo(share(c.figure(Figure.TOTAL_INVESTMENT), scheme.rate(), scheme.projectCap()), scheme.rate(),
                        "绿色化改造后补助不超过投资额 × 年度方案比例及其上限", GREEN);
            }
            default -> {
                Fixed fixed = FIXED.get(c.category());
                if (fixed == null) {
                    return Limit.nothing("政策没有该奖补类别", ISSUED);
                }
                if (c.request().certificateNo() == null) {
                    return Limit.nothing("未经认定(无证书编号)的不予奖励", fixed.source());
                }
                LocalDate certified = c.request().certificateDate();
                if (fixed.from2017() && certified != null && certified.isBefore(YEAR_2017)) {
                    return Limit.nothing("本项奖励“从2017年起”给予,2017年以前的认定不予奖励", fixed.source());
                }
                BigDecimal amount = "NATIONAL".equals(level) ? fixed.national()
                        : "PROVINCE".equals(level) ? fixed.provincial() : null;
                if (amount == null) {
                    return Limit.nothing("本项奖励仅限" + (fixed.provincial() == null ? "国家级" : "国家级、省级") + "认定", fixed.source());
                }
                return Limit.upTo(amount, null, "本项奖励国家级、省级分别不超过 " + fixed.national().toPlainString()
                        + (fixed.provincial() == null ? "" : "、" + fixed.provincial().toPlainString()) + " 元", fixed.source());
            }
        }
    }

    @Override
    public Caps caps(GridCase c) {
        return switch (c.category()) {
            case "TECH_RETROFIT" -> new Caps(yuan("10000000"), null, TECH_RETROFIT);
            case "INNOVATION_CENTER" -> new Caps(yuan("5000000"), yuan("5000000"), INNOVATION);
            case "NEW_PRODUCT" -> new Caps(yuan("1000000"), null, NEW_PRODUCT);
            default -> Caps.NONE;
        };
    }
}

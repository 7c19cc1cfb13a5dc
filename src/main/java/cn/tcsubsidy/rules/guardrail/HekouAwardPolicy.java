package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.quote.OtherFunding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/** 东营市河口区, 东河政发〔2020〕5号 (seed 000). */
final class HekouAwardPolicy extends AwardPolicy {

    static final String DOC = "东河政发〔2020〕5号";
    static final LocalDate FROM = LocalDate.of(2020, 9, 21);
    static final LocalDate TO = LocalDate.of(2022, 12, 31);
    static final String VALIDITY = DOC + "“本意见自2020年9月21日起施行,有效期至2022年12月31日。”";
    static final String SCOPE = DOC + " 三(一)“对总投资500万元以上的工业技术改造项目,采取直接奖补、贷款贴息等方式,给予不同额度的奖补,企业可任选一种奖补方式。”";
    static final String NO_DOUBLE = DOC + " 三(一)“原则上单个项目不重复奖励,享受上级专项资金奖补扶持的,不再纳入区级奖补扶持范围。”";
    static final String DIRECT = DOC + " 三(一)“给予直接奖补的,按照实际设备投资额(含工艺包和软件)最高不超过6%予以奖补。单个项目不超过100万元,单个企业不超过300万元。”";
    static final String LOAN = DOC + " 三(一)“给予贷款贴息的,按照项目贷款实际发生额,以最近一次公布的一年期市场报价利率(LPR)的25%给予一次性贴息。……单个项目贴息不超过100万元,单个企业不超过300万元。”";
    static final String STATS = DOC + " 三(三)“对新增统计入库技术改造项目,竣工投产后,投资2000万元(含)以上的一次性奖励3万元,投资500(含)—2000万元的一次性奖励2万元。”";
    static final String PILOT = DOC + " 三(四)“对认定的市级及以上智能工厂、数字化车间、工业互联网示范平台等试点示范项目,给予一次性奖励5万元。”";

    static final BigDecimal THRESHOLD = yuan("5000000");
    static final BigDecimal PROJECT_CAP = yuan("1000000");
    static final BigDecimal ENTERPRISE_CAP = yuan("3000000");
    static final BigDecimal DIRECT_RATE = new BigDecimal("0.06");
    static final BigDecimal LOAN_SHARE = new BigDecimal("0.25");

    @Override
    public String tenant() {
        return "hekou";
    }

    @Override
    public List<String> categories() {
        return List.of("DIRECT_SUBSIDY", "LOAN_INTEREST", "STATS_ENTRY", "PILOT_DEMO");
    }

    @Override
    public List<GridCase> grid(String category) {
        List<CaseBuilder> base = List.of(CaseBuilder.of(tenant(), category, LocalDate.of(2021, 5, 10)));
        List<UnaryOperator<CaseBuilder>> dates = datesAround(FROM, LocalDate.of(2021, 5, 10), TO);
        return switch (category) {
            case "DIRECT_SUBSIDY" -> built(vary(vary(vary(base,
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "4999999.99").figure(Figure.EQUIPMENT_INVESTMENT, "4000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "5000000").figure(Figure.EQUIPMENT_INVESTMENT, "4000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "9000000").figure(Figure.EQUIPMENT_INVESTMENT, "7000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "20000000").figure(Figure.EQUIPMENT_INVESTMENT, "16666666.67"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "500000000").figure(Figure.EQUIPMENT_INVESTMENT, "400000000")),
                    dates), funding()));
            case "LOAN_INTEREST" -> built(vary(vary(vary(vary(base,
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "4999999.99").figure(Figure.LOAN_AMOUNT, "4000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "5000000").figure(Figure.LOAN_AMOUNT, "4000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "9000000").figure(Figure.LOAN_AMOUNT, "8000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "500000000").figure(Figure.LOAN_AMOUNT, "400000000")),
                    dates), b -> b.lpr("0.0385"), b -> b.lpr("0.0345")),
                    b -> b, b -> b.funded(OtherFunding.CITY, "100000")));
            case "STATS_ENTRY" -> built(vary(vary(base,
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "4999999.99"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "5000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "19999999.99"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "20000000"),
                    b -> b.figure(Figure.TOTAL_INVESTMENT, "500000000")), dates));
            case "PILOT_DEMO" -> built(vary(vary(vary(base,
                    b -> b.level(null), b -> b.level("COUNTY"), b -> b.level("CITY"), b -> b.level("PROVINCE"),
                    b -> b.level("NATIONAL")), dates),
                    b -> b, b -> b.certificate(null, null)));
            default -> List.of();
        };
    }

    private static List<UnaryOperator<CaseBuilder>> funding() {
        return List.of(b -> b, b -> b.funded(OtherFunding.COUNTY, "100000"), b -> b.funded(OtherFunding.CITY, "100000"),
                b -> b.funded(OtherFunding.PROVINCE, "100000"), b -> b.funded(OtherFunding.NATIONAL, "100000"));
    }

    @Override
    public Limit limit(GridCase c) {
        if (outside(c.context().policyDate(), FROM, TO)) {
            return Limit.nothing("政策有效期(2020年9月21日至2022年12月31日)以外不予奖补", VALIDITY);
        }
        BigDecimal total = c.figure(Figure.TOTAL_INVESTMENT);
        switch (c.category()) {
            case "DIRECT_SUBSIDY", "LOAN_INTEREST" -> {
                if (total.compareTo(THRESHOLD) < 0) {
                    return Limit.nothing("总投资500万元以下不予直接奖补、贷款贴息", SCOPE);
                }
                if (sum(c.request().otherFunding(OtherFunding.CITY), c.request().otherFunding(OtherFunding.PROVINCE),
                        c.request().otherFunding(OtherFunding.NATIONAL)).signum() > 0) {
                    return Limit.nothing("享受上级(市级及以上)专项资金的项目不再纳入区级奖补", NO_DOUBLE);
                }
                if ("DIRECT_SUBSIDY".equals(c.category())) {
                    return Limit.upTo(share(c.figure(Figure.EQUIPMENT_INVESTMENT), DIRECT_RATE, PROJECT_CAP), DIRECT_RATE,
                            "直接奖补不超过实际设备投资额的6%,单个项目不超过100万元", DIRECT);
                }
                if (c.lpr() == null || c.figure(Figure.LOAN_AMOUNT).signum() <= 0) {
                    return Limit.nothing("没有LPR或贷款实际发生额为0时没有贴息基数", LOAN);
                }
                BigDecimal rate = c.lpr().multiply(LOAN_SHARE);
                return Limit.upTo(share(c.figure(Figure.LOAN_AMOUNT), rate, PROJECT_CAP), rate,
                        "贷款贴息不超过贷款实际发生额 × 一年期LPR × 25%,单个项目不超过100万元", LOAN);
            }
            case "STATS_ENTRY" -> {
                if (total.compareTo(THRESHOLD) < 0) {
                    return Limit.nothing("投资500万元以下的项目没有纳统奖励", STATS);
                }
                return total.compareTo(yuan("20000000")) >= 0
                        ? Limit.upTo(yuan("30000"), null, "投资2000万元(含)以上的纳统奖励不超过3万元", STATS)
                        : Limit.upTo(yuan("20000"), null, "投资500(含)—2000万元的纳统奖励不超过2万元", STATS);
            }
            case "PILOT_DEMO" -> {
                String level = c.request().certificationLevel();
                if (!List.of("CITY", "PROVINCE", "NATIONAL").contains(String.valueOf(level))) {
                    return Limit.nothing("试点示范奖励仅限认定的市级及以上项目", PILOT);
                }
                if (c.request().certificateNo() == null) {
                    return Limit.nothing("试点示范奖励须有认定(证书编号)", PILOT);
                }
                return Limit.upTo(yuan("50000"), null, "试点示范一次性奖励不超过5万元", PILOT);
            }
            default -> {
                return Limit.nothing("政策没有该奖补类别", SCOPE);
            }
        }
    }

    @Override
    public Caps caps(GridCase c) {
        return switch (c.category()) {
            case "DIRECT_SUBSIDY" -> new Caps(PROJECT_CAP, ENTERPRISE_CAP, DIRECT);
            case "LOAN_INTEREST" -> new Caps(PROJECT_CAP, ENTERPRISE_CAP, LOAN);
            default -> Caps.NONE;
        };
    }
}

package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.quote.OtherFunding;
import cn.tcsubsidy.award.scheme.domain.SchemeTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * 黄冈市, 《黄冈市新一轮技术改造三年行动方案(2021—2023年)》 (seed 001). The document sets no rate: each county's annual
 * scheme (data, {@code award_scheme}) does, and the table may pay no more than the scheme filed for the case.
 */
final class HuanggangAwardPolicy extends AwardPolicy {

    static final String DOC = "《黄冈市新一轮技术改造三年行动方案(2021—2023年)》";
    static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    static final LocalDate TO = LocalDate.of(2023, 12, 31);
    static final String PERIOD = DOC + " 标题“2021—2023年”(文件未写明起止日,以标题年度为期间,本系统的解释)";
    static final String FILING = DOC + " 四(一)“全面优化技改备案流程,对总投资500万元以上的工业技改属性项目,发改部门要督促企业做到应备尽备。”"
            + "(以备案门槛为奖补门槛,本系统的解释)";
    static final String SCHEMES = DOC + " 四(二)“其中,对未获得省级支持的投资2000万元以上的工业技改项目和投资2000万元以下的工业技改项目,"
            + "各地分年度制定专项奖补方案,及时兑现奖补资金,并报市经信局备案。”";

    static final BigDecimal CITY_POOL = yuan("20000000");

    @Override
    public String tenant() {
        return "huanggang";
    }

    @Override
    public List<String> categories() {
        return List.of("INVESTMENT_SUBSIDY", "LOAN_INTEREST");
    }

    @Override
    public List<GridCase> grid(String category) {
        LocalDate inside = LocalDate.of(2022, 6, 1);
        Figure base = "LOAN_INTEREST".equals(category) ? Figure.LOAN_AMOUNT : Figure.EQUIPMENT_INVESTMENT;
        List<CaseBuilder> cases = List.of(CaseBuilder.of(tenant(), category, inside).county("macheng"));
        cases = vary(cases,
                b -> b.figure(Figure.TOTAL_INVESTMENT, "4999999.99").figure(base, "4000000").pool("COUNTY"),
                b -> b.figure(Figure.TOTAL_INVESTMENT, "5000000").figure(base, "4000000").pool("COUNTY"),
                b -> b.figure(Figure.TOTAL_INVESTMENT, "19999999.99").figure(base, "15000000").pool("COUNTY"),
                b -> b.figure(Figure.TOTAL_INVESTMENT, "20000000").figure(base, "15000000").pool("CITY"),
                b -> b.figure(Figure.TOTAL_INVESTMENT, "500000000").figure(base, "400000000").pool("CITY"));
        List<UnaryOperator<CaseBuilder>> schemes = List.of(b -> b.scheme(null),
                b -> b.scheme(new SchemeTerms("示例方案", true, new BigDecimal("0.05"), yuan("1000000"), yuan("3000000"))),
                b -> b.scheme(new SchemeTerms("示例方案", true, new BigDecimal("0.08"), null, null)));
        return built(vary(vary(vary(cases, datesAround(FROM, inside, TO)), schemes),
                b -> b, b -> b.funded(OtherFunding.PROVINCE, "100000")));
    }

    @Override
    public Limit limit(GridCase c) {
        if (outside(c.context().policyDate(), FROM, TO)) {
            return Limit.nothing("行动方案期间(2021年至2023年)以外不予奖补", PERIOD);
        }
        BigDecimal total = c.figure(Figure.TOTAL_INVESTMENT);
        if (total.compareTo(yuan("5000000")) < 0) {
            return Limit.nothing("总投资500万元以下不在奖补范围", FILING);
        }
        if (total.compareTo(CITY_POOL) >= 0 && c.request().otherFunding(OtherFunding.PROVINCE).signum() > 0) {
            return Limit.nothing("投资2000万元以上且已获得省级支持的项目不纳入各地专项奖补方案", SCHEMES);
        }
        SchemeTerms scheme = c.context().scheme();
        if (scheme == null || scheme.rate() == null) {
            return Limit.nothing("本年度奖补方案未备案的不予奖补", SCHEMES);
        }
        Figure base = "LOAN_INTEREST".equals(c.category()) ? Figure.LOAN_AMOUNT : Figure.EQUIPMENT_INVESTMENT;
        return Limit.upTo(share(c.figure(base), scheme.rate(), scheme.projectCap()), scheme.rate(),
                "奖补不超过备案的年度专项奖补方案的比例和单个项目上限(" + base.label() + " × 方案比例)", SCHEMES);
    }

    @Override
    public Caps caps(GridCase c) {
        SchemeTerms scheme = c.context().scheme();
        return scheme == null ? Caps.NONE : new Caps(scheme.projectCap(), scheme.enterpriseCap(), SCHEMES);
    }
}

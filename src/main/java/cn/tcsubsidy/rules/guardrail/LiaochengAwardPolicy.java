package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.award.quote.Figure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 聊城市, 《聊城市工业企业技术改造设备奖补实施细则》 as the news report of 2023-04-10 gives it (seed 004): provisional, no
 * validity window until the bureau's document is entered.
 */
final class LiaochengAwardPolicy extends AwardPolicy {

    static final String EQUIPMENT = "《聊城市工业企业技术改造设备奖补实施细则》(据2023年4月10日中国工业新闻网报道)“对总投资500万元以上的技术改造项目,"
            + "按照设备(含软件)实际购置金额不超过10%的比例给予支持,单户企业最高不超过200万元。”";
    static final BigDecimal ENTERPRISE_CAP = yuan("2000000");

    @Override
    public String tenant() {
        return "liaocheng";
    }

    @Override
    public List<String> categories() {
        return List.of("EQUIPMENT");
    }

    @Override
    public List<GridCase> grid(String category) {
        return built(vary(vary(List.of(CaseBuilder.of(tenant(), category, LocalDate.of(2023, 4, 10))),
                b -> b.figure(Figure.TOTAL_INVESTMENT, "4999999.99").figure(Figure.EQUIPMENT_INVESTMENT, "4000000"),
                b -> b.figure(Figure.TOTAL_INVESTMENT, "5000000").figure(Figure.EQUIPMENT_INVESTMENT, "4000000"),
                b -> b.figure(Figure.TOTAL_INVESTMENT, "6000000").figure(Figure.EQUIPMENT_INVESTMENT, "4000000"),
                b -> b.figure(Figure.TOTAL_INVESTMENT, "300000000").figure(Figure.EQUIPMENT_INVESTMENT, "250000000")),
                b -> b.date(LocalDate.of(2015, 1, 1)), b -> b.date(LocalDate.of(2023, 4, 10)),
                b -> b.date(LocalDate.of(2030, 12, 31))));
    }

    @Override
    public Limit limit(GridCase c) {
        if (c.figure(Figure.TOTAL_INVESTMENT).compareTo(yuan("5000000")) < 0) {
            return Limit.nothing("总投资500万元以下不予设备奖补", EQUIPMENT);
        }
        BigDecimal rate = new BigDecimal("0.10");
        return Limit.upTo(share(c.figure(Figure.EQUIPMENT_INVESTMENT), rate, ENTERPRISE_CAP), rate,
                "设备奖补不超过设备(含软件)实际购置金额的10%,单户企业最高200万元", EQUIPMENT);
    }

    @Override
    public Caps caps(GridCase c) {
        return new Caps(null, ENTERPRISE_CAP, EQUIPMENT);
    }
}

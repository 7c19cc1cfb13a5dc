package cn.tcsubsidy.rules.guardrail;

import cn.tcsubsidy.award.quote.ClusterMember;
import cn.tcsubsidy.award.quote.Figure;
import cn.tcsubsidy.award.quote.OtherFunding;
import cn.tcsubsidy.award.quote.QuoteRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/** 济宁市兖州区, 济兖政字〔2020〕14号 (seed 002). */
final class YanzhouAwardPolicy extends AwardPolicy {

    static final String DOC = "济兖政字〔2020〕14号";
    static final LocalDate FROM = LocalDate.of(2020, 8, 15);
    static final LocalDate TO = LocalDate.of(2023, 8, 14);
    static final String VALIDITY = DOC + "“本意见有效期：2020年8月15日至2023年8月14日。”";
    static final String EQUIPMENT = DOC + " 四.1“对设备投资额（以购置增值税发票数额为准，下同）500万元及以上的技改项目，区财政按设备投资额的3%给予补助，单个企业最高100万元。”";
    static final String ROBOT = DOC + " 四.1“对购置工业机器人投资额达到300万元及以上的技改项目，区财政按设备投资额的5%给予补助，单个企业最高 100万元。”";
    static final String INFORMATIZATION = DOC + " 四.2“对企业实施的资源计划(ERP)、制造执行(MES)、供应链管理(SCM)、仓储管理（WMS）等系统集成应用，软硬件投资200万元及以上的，区财政按投资额的10%给予补助，单个企业最高50万元。”";
    static final String CLUSTER = DOC + " 四.3“共同体内所有企业设备投资额合计超过500万元的（其中，中小企业投资占50%以上），区财政按设备投资额3%给予补助，最高100万元。”";
    static final String DIFFERENTIATION = DOC + " 四.4“亩产效益评价为A类的企业、列入梯队企业培育名单的企业，补助比例提高1个百分点。亩产效益评价为D类的企业不予支持。”";
    static final String NO_DOUBLE = DOC + " 五.3“同一项目已获其它财政资金支持的，不予重复奖补。”";

    static final BigDecimal ONE_POINT = new BigDecimal("0.01");
    static final BigDecimal MILLION = yuan("1000000");

    @Override
    public String tenant() {
        return "yanzhou";
    }

    @Override
    public List<String> categories() {
        return List.of("EQUIPMENT", "ROBOT", "INFORMATIZATION", QuoteRequest.CLUSTER);
    }

    @Override
    public List<GridCase> grid(String category) {
        LocalDate inside = LocalDate.of(2021, 6, 1);
        List<CaseBuilder> base = List.of(CaseBuilder.of(tenant(), category, inside));
        List<UnaryOperator<CaseBuilder>> dates = datesAround(FROM, inside, TO);
        List<UnaryOperator<CaseBuilder>> standing = List.of(b -> b.mujuan("A", false), b -> b.mujuan("B", false),
                b -> b.mujuan("B", true), b -> b.mujuan("C", false), b -> b.mujuan("D", false), b -> b.mujuan("D", true),
                b -> b.mujuan(null, false));
        List<UnaryOperator<CaseBuilder>> funding = List.of(b -> b, b -> b.funded(OtherFunding.COUNTY, "50000"));
        List<CaseBuilder> amounts = switch (category) {
            case "EQUIPMENT" -> vary(base,
                    b -> b.figure(Figure.EQUIPMENT_INVESTMENT, "4999999.99"),
                    b -> b.figure(Figure.EQUIPMENT_INVESTMENT, "5000000"),
                    b -> b.figure(Figure.EQUIPMENT_INVESTMENT, "7000000"),
                    b -> b.figure(Figure.EQUIPMENT_INVESTMENT, "25000000"),
                    b -> b.figure(Figure.EQUIPMENT_INVESTMENT, "400000000"));
            case "ROBOT" -> vary(base,
                    b -> b.figure(Figure.ROBOT_INVESTMENT, "2999999.99").figure(Figure.EQUIPMENT_INVESTMENT, "6000000"),
                    b -> b.figure(Figure.ROBOT_INVESTMENT, "3000000").figure(Figure.EQUIPMENT_INVESTMENT, "6000000"),
                    b -> b.figure(Figure.ROBOT_INVESTMENT, "3000000").figure(Figure.EQUIPMENT_INVESTMENT, "400000000"));
            case "INFORMATIZATION" -> vary(base,
                    b -> b.figure(Figure.INFORMATIZATION_INVESTMENT, "1999999.99"),
                    b -> b.figure(Figure.INFORMATIZATION_INVESTMENT, "2000000"),
                    b -> b.figure(Figure.INFORMATIZATION_INVESTMENT, "3000000"),
                    b -> b.figure(Figure.INFORMATIZATION_INVESTMENT, "100000000"));
            default -> List.of();
        };
        if (QuoteRequest.CLUSTER.equals(category)) {
            List<CaseBuilder> clusters = vary(base,
                    b -> b.members(members("2500000", "2500000.01", "B")),
                    b -> b.members(members("2500000", "2500000", "B")),
                    b -> b.members(members("3000000", "2999999", "B")),
                    b -> b.members(members("20000000", "30000000", "B")),
                    b -> b.members(members("2500000", "2500000.01", "A")),
                    b -> b.members(members("2500000", "2500000.01", "D")),
                    b -> b.members(members("20000000", "30000000", "D")));
            return built(vary(vary(clusters, dates), funding));
        }
        return built(vary(vary(vary(amounts, dates), standing), funding));
    }

    /** A chain leader (not an SME, class B) and one SME member of class {@code smeClass}. */
    private static List<ClusterMember> members(String leader, String sme, String smeClass) {
        return List.of(new ClusterMember("牵头企业", yuan(leader), false, "91370882000000001A", "B", false),
                new ClusterMember("成员企业", yuan(sme), true, "91370882000000002B", smeClass, false));
    }

    @Override
    public Limit limit(GridCase c) {
        if (outside(c.context().policyDate(), FROM, TO)) {
            return Limit.nothing("政策有效期(2020年8月15日至2023年8月14日)以外不予奖补", VALIDITY);
        }
        QuoteRequest r = c.request();
        if (sum(r.otherFunding(OtherFunding.COUNTY), r.otherFunding(OtherFunding.CITY), r.otherFunding(OtherFunding.PROVINCE),
                r.otherFunding(OtherFunding.NATIONAL)).signum() > 0) {
            return Limit.nothing("已获其它财政资金支持的项目不予重复奖补", NO_DOUBLE);
        }
        if (!r.isCluster() && "D".equals(r.mujuanClass())) {
            return Limit.nothing("亩产效益评价为D类的企业不予支持", DIFFERENTIATION);
        }
        BigDecimal bonus = !r.isCluster() && ("A".equals(r.mujuanClass()) || r.echelonListed()) ? ONE_POINT : BigDecimal.ZERO;
        switch (c.category()) {
            case "EQUIPMENT" -> {
                BigDecimal equipment = c.figure(Figure.EQUIPMENT_INVESTMENT);
                if (equipment.compareTo(yuan("5000000")) < 0) {
                    return Limit.nothing("设备投资额500万元以下不予装备升级补助", EQUIPMENT);
                }
                BigDecimal rate = new BigDecimal("0.03").add(bonus);
                return Limit.upTo(share(equipment, rate, MILLION), rate,
                        "装备升级补助不超过设备投资额的3%(A类或梯队企业4%),单个企业最高100万元", EQUIPMENT + DIFFERENTIATION);
            }
            case "ROBOT" -> {
                if (c.figure(Figure.ROBOT_INVESTMENT).compareTo(yuan("3000000")) < 0) {
                    return Limit.nothing("购置工业机器人投资额300万元以下不予工业机器人补助", ROBOT);
                }
                BigDecimal rate = new BigDecimal("0.05").add(bonus);
                return Limit.upTo(share(c.figure(Figure.EQUIPMENT_INVESTMENT), rate, MILLION), rate,
                        "工业机器人补助不超过设备投资额的5%(A类或梯队企业6%),单个企业最高100万元", ROBOT + DIFFERENTIATION);
            }
            case "INFORMATIZATION" -> {
                BigDecimal investment = c.figure(Figure.INFORMATIZATION_INVESTMENT);
                if (investment.compareTo(yuan("2000000")) < 0) {
                    return Limit.nothing("信息化软硬件投资200万元以下不予信息化提升补助", INFORMATIZATION);
                }
                BigDecimal rate = new BigDecimal("0.10").add(bonus);
                return Limit.upTo(share(investment, rate, yuan("500000")), rate,
                        "信息化提升补助不超过软硬件投资额的10%(A类或梯队企业11%),单个企业最高50万元", INFORMATIZATION + DIFFERENTIATION);
            }
            case QuoteRequest.CLUSTER -> {
                BigDecimal total = r.membersEquipment(false);
                if (total.compareTo(yuan("5000000")) <= 0) {
                    return Limit.nothing("共同体设备投资额合计未超过500万元不予补助", CLUSTER);
                }
                if (r.membersEquipment(true).multiply(BigDecimal.valueOf(2)).compareTo(total) < 0) {
                    return Limit.nothing("共同体中中小企业投资占比不足50%不予补助", CLUSTER);
                }
                BigDecimal most = BigDecimal.ZERO;
                for (ClusterMember m : r.members()) {
                    if (!"D".equals(m.mujuanClass())) {
                        BigDecimal rate = new BigDecimal("0.03").add("A".equals(m.mujuanClass()) || m.echelonListed()
                                ? ONE_POINT : BigDecimal.ZERO);
                        most = most.add(share(m.equipmentInvestment(), rate, null));
                    }
                }
                if (most.signum() == 0) {
                    return Limit.nothing("共同体成员均为亩产效益评价D类,不予支持", DIFFERENTIATION);
                }
                return Limit.upTo(most.min(MILLION), new BigDecimal("0.04"),
                        "强链条壮集群补助不超过各成员设备投资额的3%(A类或梯队成员4%,D类成员0)之和,最高100万元",
                        CLUSTER + DIFFERENTIATION);
            }
            default -> {
                return Limit.nothing("政策没有该奖补类别", EQUIPMENT);
            }
        }
    }

    @Override
    public Caps caps(GridCase c) {
        return switch (c.category()) {
            case "EQUIPMENT" -> new Caps(null, MILLION, EQUIPMENT);
            case "ROBOT" -> new Caps(null, MILLION, ROBOT);
            case "INFORMATIZATION" -> new Caps(null, yuan("500000"), INFORMATIZATION);
            case QuoteRequest.CLUSTER -> new Caps(MILLION, null, CLUSTER);
            default -> Caps.NONE;
        };
    }
}

package cn.tcsubsidy.jurisdiction;

import java.util.LinkedHashMap;
import java.util.Map;

/** The award categories (奖补类别) each jurisdiction's policy defines, with the names users read. */
public final class AwardCategories {

    private static final Map<String, Map<String, String>> BY_JURISDICTION = Map.of(
            "hekou", ordered(
                    "DIRECT_SUBSIDY", "直接奖补",
                    "LOAN_INTEREST", "贷款贴息",
                    "STATS_ENTRY", "纳统奖励",
                    "PILOT_DEMO", "试点示范"),
            "huanggang", ordered(
                    "INVESTMENT_SUBSIDY", "投资奖补",
                    "LOAN_INTEREST", "贷款贴息"),
            "yanzhou", ordered(
                    "EQUIPMENT", "装备升级",
                    "ROBOT", "工业机器人",
                    "INFORMATIZATION", "信息化提升",
                    "CLUSTER", "强链条壮集群"),
            "jiyuan", ordered(
                    "TECH_RETROFIT", "技术改造后补助",
                    "INNOVATION_CENTER", "制造业创新中心",
                    "INNOVATION_CENTER_PROVINCIAL", "省级制造业创新中心",
                    "NEW_PRODUCT", "省工业新产品",
                    "STRONG_BASE", "工业强基",
                    "FIRST_SET", "首台(套)",
                    "QUALITY_BRAND", "技术创新示范、知识产权、质量标杆、品牌培育",
                    "SMART_MFG", "智能制造试点示范",
                    "SERVICE_MFG", "服务型制造",
                    "INDUSTRIAL_CLOUD", "工业云、大数据",
                    "DUAL_PLATFORM", "制造业“双创”平台",
                    "DUAL_BASE", "“双创”基地",
                    "IIOT_MGMT_CERT", "两化融合管理体系评定",
                    "GREEN", "绿色化改造"),
            "liaocheng", ordered(
                    "EQUIPMENT", "设备奖补"));

    private AwardCategories() {
    }

    public static Map<String, String> of(String jurisdiction) {
        return BY_JURISDICTION.getOrDefault(jurisdiction, Map.of());
    }

    public static boolean isValid(String jurisdiction, String category) {
        return of(jurisdiction).containsKey(category);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}

package cn.tcsubsidy.award.quote;

import java.math.BigDecimal;

/**
 * A member of a Yanzhou retrofit community (技改共同体): its equipment investment, whether it is an SME, and its own
 * standing, to which the +1 percentage point and the D-class refusal apply member by member (济兖政字〔2020〕14号
 * 四、4). Its award is booked to it, under its credit code.
 *
 * @param creditCode    统一社会信用代码; null when the caller does not know it (a preview)
 * @param mujuanClass   亩产效益评价类别 A–D, or null
 * @param echelonListed 列入梯队企业培育名单
 */
public record ClusterMember(String enterprise, BigDecimal equipmentInvestment, boolean sme, String creditCode,
                            String mujuanClass, boolean echelonListed) {

    public ClusterMember(String enterprise, BigDecimal equipmentInvestment, boolean sme) {
        this(enterprise, equipmentInvestment, sme, null, null, false);
    }
}

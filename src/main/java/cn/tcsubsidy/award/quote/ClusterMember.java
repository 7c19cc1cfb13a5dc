package cn.tcsubsidy.award.quote;

import java.math.BigDecimal;

/** A member of a Yanzhou retrofit community (技改共同体): its equipment investment and whether it is an SME. */
public record ClusterMember(String enterprise, BigDecimal equipmentInvestment, boolean sme) {
}

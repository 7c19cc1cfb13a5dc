package cn.tcsubsidy.evidence.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a project's reports say, as the award rules read it ({@link ReportedFigures#of}). Amounts in yuan (0.01);
 * null where the report has no such figure (a category that does not ask for it, or a report made before the field
 * existed).
 *
 * @param equipmentInvestment        the equipment figure the award uses: the VAT invoice sum where the jurisdiction's
 *                                   rule says so ({@code equipmentFromInvoices}), else the typed actual figure
 * @param equipmentFromInvoices      whether {@code equipmentInvestment} is the invoice sum
 * @param invoiceTotal               the sum of the listed invoices (0 when none were listed)
 * @param loanDrawn                  the loan actually drawn (贷款实际发生额), loan-interest categories
 * @param loanContractNo             the loan contract's number (借款合同编号)
 * @param loanContractAmount         the amount the loan contract grants
 * @param entrustedAgreementNo       the entrusted-payment agreement's number (委托支付协议编号)
 * @param investmentCompletedInYear  investment completed in the calendar year asked for: the running total
 *                                   (累计完成投资) at the last report on or before 31 December of that year, less the
 *                                   running total at the last report on or before 31 December of the year before
 *                                   (0 if none); the completion report counts as the last report
 * @param productionStartDate        the date the project went into production (投产日期)
 * @param certificationLevel         COUNTY, CITY, PROVINCE or NATIONAL
 * @param localMade                  FIRST_SET: the equipment is made in the jurisdiction (本市制造)
 * @param listingYear                INNOVATION_CENTER: the year the centre was listed (列入培育名单年度)
 * @param otherFunding               other public funding the project received, as listed
 * @param clusterMembers             CLUSTER: the community's members, the lead enterprise included
 * @param superiorFunded             the checkbox of completion reports made before other funding was listed by rows
 *                                   (false for later reports, whose {@code otherFunding} holds the facts)
 */
public record ProjectFigures(
        long projectId,
        BigDecimal equipmentInvestment,
        boolean equipmentFromInvoices,
        BigDecimal typedEquipmentInvestment,
        BigDecimal invoiceTotal,
        BigDecimal loanDrawn,
        String loanContractNo,
        BigDecimal loanContractAmount,
        String entrustedAgreementNo,
        BigDecimal investmentCompletedInYear,
        LocalDate productionStartDate,
        String certificateNo,
        LocalDate certificateDate,
        String certificationLevel,
        Boolean localMade,
        Integer listingYear,
        List<OtherFunding> otherFunding,
        List<ClusterMember> clusterMembers,
        BigDecimal robotInvestment,
        BigDecimal informatizationInvestment,
        BigDecimal nationalFunding,
        BigDecimal purchasePrice,
        String mujuanClass,
        boolean echelonListed,
        boolean superiorFunded) {

    /** Levels of public funding (and of a certificate), lowest first. */
    public static final List<String> LEVELS = List.of("COUNTY", "CITY", "PROVINCE", "NATIONAL");

    /**
     * One other public funding (其它财政资金) the project received.
     *
     * @param level    COUNTY, CITY, PROVINCE or NATIONAL
     * @param source   the fund or programme (资金来源), e.g. 山东省技术改造专项资金
     * @param document the document that granted it (文件号)
     */
    public record OtherFunding(String level, String source, String document, BigDecimal amount) {
    }

    /**
     * A member of a Yanzhou retrofit community (技改共同体).
     *
     * @param mujuanClass the member's per-mu efficiency class (亩产效益评价, A–D), null if not rated
     */
    public record ClusterMember(String name, String creditCode, BigDecimal equipmentInvestment, boolean sme,
                                String mujuanClass, boolean echelonListed) {
    }

    public ProjectFigures {
        otherFunding = List.copyOf(otherFunding);
        clusterMembers = List.copyOf(clusterMembers);
    }
}

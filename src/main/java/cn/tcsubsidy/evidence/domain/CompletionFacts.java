package cn.tcsubsidy.evidence.domain;

import cn.tcsubsidy.evidence.domain.ProjectFigures.ClusterMember;
import cn.tcsubsidy.evidence.domain.ProjectFigures.OtherFunding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a completion report (竣工报告) records beyond the project's actual figures, validated; stored by
 * {@link ReportedFacts}. Fields a category does not ask for are null (amounts: 0 for the V11 ones, as before).
 *
 * @param equipmentForAward     the equipment figure the award uses (the invoice sum where the rule says so)
 * @param equipmentFromInvoices whether it is the invoice sum
 */
public record CompletionFacts(
        BigDecimal robotInvestment,
        BigDecimal informatizationInvestment,
        BigDecimal nationalFunding,
        BigDecimal purchasePrice,
        String mujuanClass,
        boolean echelonListed,
        String certificationLevel,
        BigDecimal loanDrawn,
        String loanContractNo,
        BigDecimal loanContractAmount,
        String entrustedAgreementNo,
        LocalDate productionStartDate,
        String certificateNo,
        LocalDate certificateDate,
        Boolean localMade,
        Integer listingYear,
        BigDecimal equipmentForAward,
        boolean equipmentFromInvoices,
        List<OtherFunding> otherFunding,
        List<ClusterMember> clusterMembers) {

    public CompletionFacts {
        otherFunding = List.copyOf(otherFunding);
        clusterMembers = List.copyOf(clusterMembers);
    }
}

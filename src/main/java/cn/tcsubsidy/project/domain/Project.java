package cn.tcsubsidy.project.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A retrofit project in the pool, as the app's tables hold it. */
public record Project(
        long id,
        String jurisdiction,
        String unitCode,
        String enterpriseName,
        String creditCode,
        String projectCode,
        String projectName,
        String category,
        BigDecimal plannedTotalInvestment,
        BigDecimal plannedEquipmentInvestment,
        BigDecimal plannedSoftwareInvestment,
        BigDecimal plannedRdInvestment,
        BigDecimal loanAmount,
        String loanBank,
        LocalDate plannedStartDate,
        LocalDate plannedEndDate,
        String poolLevel,
        Stage stage,
        LocalDate completionDate,
        BigDecimal actualTotalInvestment,
        BigDecimal actualEquipmentInvestment,
        BigDecimal actualSoftwareInvestment,
        BigDecimal actualRdInvestment,
        Long roundId,
        BigDecimal expertScore,
        BigDecimal proposedAmount,
        BigDecimal paidAmount,
        BigDecimal recoveredAmount,
        String rejectionReason,
        String processInstanceId,
        String filedBy,
        LocalDateTime filedAt,
        LocalDateTime updatedAt) {

    public boolean isLoanInterest() {
        return "LOAN_INTEREST".equals(category);
    }
}

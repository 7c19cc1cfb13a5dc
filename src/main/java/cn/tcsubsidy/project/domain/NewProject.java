package cn.tcsubsidy.project.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The validated figures of a filing (备案), before the project has an id. */
public record NewProject(
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
        LocalDate plannedEndDate) {
}

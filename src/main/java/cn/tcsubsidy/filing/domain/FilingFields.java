package cn.tcsubsidy.filing.domain;

import cn.tcsubsidy.payment.domain.PayeeFields;

/** Field keys of a filing: JSON properties of POST /api/projects and variables of the filing start form alike. */
public final class FilingFields {

    public static final String JURISDICTION = "jurisdiction";
    public static final String UNIT_CODE = "unitCode";
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String CREDIT_CODE = "creditCode";
    public static final String PROJECT_CODE = "projectCode";
    /** 固定资产投资项目联网直报平台 项目编号 (统计联网直报); required where the jurisdiction's evidence rule says so. */
    public static final String STATISTICS_REPORT_ID = "statisticsReportId";
    public static final String PROJECT_NAME = "projectName";
    public static final String CATEGORY = "category";
    public static final String PLANNED_TOTAL = "plannedTotalInvestment";
    public static final String PLANNED_EQUIPMENT = "plannedEquipmentInvestment";
    public static final String PLANNED_SOFTWARE = "plannedSoftwareInvestment";
    public static final String PLANNED_RD = "plannedRdInvestment";
    public static final String LOAN_AMOUNT = "loanAmount";
    public static final String LOAN_BANK = PayeeFields.LOAN_BANK;
    public static final String PLANNED_START = "plannedStartDate";
    public static final String PLANNED_END = "plannedEndDate";
    /** The payee (收款账户): the enterprise's account, or for a loan-interest project the entrusted-payment agreement. */
    public static final String BANK_NAME = PayeeFields.BANK_NAME;
    public static final String BANK_ACCOUNT = PayeeFields.BANK_ACCOUNT;
    public static final String LOAN_BANK_ACCOUNT = PayeeFields.LOAN_BANK_ACCOUNT;
    public static final String AGREEMENT_NO = PayeeFields.AGREEMENT_NO;
    /** The enterprise's address for the mails about its project (optional; else its filing user's account's). */
    public static final String CONTACT_EMAIL = "contactEmail";

    /** The performance targets (绩效目标) are {@link cn.tcsubsidy.followup.domain.Indicator#TARGET_FIELDS}. */
    public static final String[] ALL = {JURISDICTION, UNIT_CODE, ENTERPRISE_NAME, CREDIT_CODE, PROJECT_CODE, STATISTICS_REPORT_ID, PROJECT_NAME, CATEGORY,
        PLANNED_TOTAL, PLANNED_EQUIPMENT, PLANNED_SOFTWARE, PLANNED_RD, LOAN_AMOUNT, LOAN_BANK, PLANNED_START, PLANNED_END,
        BANK_NAME, BANK_ACCOUNT, LOAN_BANK_ACCOUNT, AGREEMENT_NO, "targetOutputValue", "targetTax", "targetNewJobs",
        "targetEnergySaved", "targetInvestmentCompletionRate", "targetDevelopmentContributionRate", CONTACT_EMAIL};

    private FilingFields() {
    }
}

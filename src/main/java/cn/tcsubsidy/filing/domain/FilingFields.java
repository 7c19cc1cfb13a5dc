package cn.tcsubsidy.filing.domain;

/** Field keys of a filing: JSON properties of POST /api/projects and variables of the filing start form alike. */
public final class FilingFields {

    public static final String JURISDICTION = "jurisdiction";
    public static final String UNIT_CODE = "unitCode";
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String CREDIT_CODE = "creditCode";
    public static final String PROJECT_CODE = "projectCode";
    public static final String PROJECT_NAME = "projectName";
    public static final String CATEGORY = "category";
    public static final String PLANNED_TOTAL = "plannedTotalInvestment";
    public static final String PLANNED_EQUIPMENT = "plannedEquipmentInvestment";
    public static final String PLANNED_SOFTWARE = "plannedSoftwareInvestment";
    public static final String PLANNED_RD = "plannedRdInvestment";
    public static final String LOAN_AMOUNT = "loanAmount";
    public static final String LOAN_BANK = "loanBank";
    public static final String PLANNED_START = "plannedStartDate";
    public static final String PLANNED_END = "plannedEndDate";

    public static final String[] ALL = {JURISDICTION, UNIT_CODE, ENTERPRISE_NAME, CREDIT_CODE, PROJECT_CODE, PROJECT_NAME, CATEGORY,
        PLANNED_TOTAL, PLANNED_EQUIPMENT, PLANNED_SOFTWARE, PLANNED_RD, LOAN_AMOUNT, LOAN_BANK, PLANNED_START, PLANNED_END};

    private FilingFields() {
    }
}

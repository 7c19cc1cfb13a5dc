package cn.tcsubsidy.award.quote;

/**
 * The contract of each jurisdiction's tables ({@code dmn/<jurisdiction>/<jurisdiction>-award.dmn}, {@code lpr-1y.dmn}):
 * decision keys and variable names, for the quote service, the process and tests.
 */
public final class TcAwardDecision {

    public static final String KEY = "tc-award";
    public static final String LPR_KEY = "lpr-1y";
    public static final String POOL_ENTRY_KEY = "tc-pool-entry";

    /** The category whose rate is LPR-based: lpr-1y is evaluated first and its rate passed in. */
    public static final String LOAN_INTEREST = "LOAN_INTEREST";

    public static final class In {
        public static final String CATEGORY = "category";
        /** ISO date text yyyy-MM-dd; the tables read it with FEEL {@code date(applicationDate)}. */
        public static final String APPLICATION_DATE = "applicationDate";
        /** CLUSTER: the SME members' equipment investment (the cluster's total is equipmentInvestment). */
        public static final String SME_EQUIPMENT_INVESTMENT = "smeEquipmentInvestment";
        public static final String MUJUAN_CLASS = "mujuanClass";
        public static final String ECHELON_LISTED = "echelonListed";
        public static final String SUPERIOR_FUNDED = "superiorFunded";
        public static final String CERTIFICATION_LEVEL = "certificationLevel";
        public static final String EXPERT_SCORE = "expertScore";
        public static final String COUNTY = "county";
        public static final String POOL_LEVEL = "poolLevel";
        public static final String LPR = "lpr";
        /** tc-pool-entry's input. */
        public static final String PLANNED_TOTAL_INVESTMENT = "plannedTotalInvestment";

        private In() {
        }
    }

    public static final class Out {
        public static final String ELIGIBLE = "eligible";
        public static final String REASONS = "reasons";
        public static final String RATE = "rate";
        public static final String BASE_FIELDS = "baseFields";
        public static final String FIXED_AMOUNT = "fixedAmount";
        public static final String PROJECT_CAP = "projectCap";
        public static final String ENTERPRISE_CAP = "enterpriseCap";
        public static final String BASIS = "basis";
        /** lpr-1y's output. */
        public static final String LPR = "lpr";
        /** tc-pool-entry's output. */
        public static final String POOL_LEVEL = "poolLevel";

        private Out() {
        }
    }

    private TcAwardDecision() {
    }
}

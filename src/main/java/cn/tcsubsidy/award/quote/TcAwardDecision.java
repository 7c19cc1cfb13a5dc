package cn.tcsubsidy.award.quote;

/**
 * The contract of each jurisdiction's tables ({@code dmn/<jurisdiction>/<jurisdiction>-award.dmn}, {@code lpr-1y.dmn},
 * {@code <jurisdiction>-rate-by-score.dmn}): decision keys and variable names, for the quote service, the process
 * and tests. Every variable is passed to every tc-award evaluation; a table reads what it needs. The figures
 * ({@link Figure}) are inputs too, by their keys.
 */
public final class TcAwardDecision {

    public static final String KEY = "tc-award";
    public static final String LPR_KEY = "lpr-1y";
    public static final String POOL_ENTRY_KEY = "tc-pool-entry";
    /** Where tc-award's rate is a ceiling (scoredRate), the rate within it by the expert score (Hekou, Liaocheng). */
    public static final String RATE_BY_SCORE_KEY = "tc-rate-by-score";

    /** The category whose rate is LPR-based: lpr-1y is evaluated first and its rate passed in. */
    public static final String LOAN_INTEREST = "LOAN_INTEREST";

    public static final class In {
        public static final String CATEGORY = "category";
        /** ISO date text yyyy-MM-dd. Also lpr-1y's input, which there carries the LPR date. */
        public static final String APPLICATION_DATE = "applicationDate";
        /**
         * ISO date text: the date that picks the policy in force (validity windows read {@code date(policyDate)}),
         * chosen by the jurisdiction's quote date setting.
         */
        public static final String POLICY_DATE = "policyDate";
        /** Integer: the year whose fund pays. */
        public static final String AWARD_YEAR = "awardYear";
        public static final String CERTIFICATE_NO = "certificateNo";
        /** ISO date text or null. */
        public static final String CERTIFICATE_DATE = "certificateDate";
        public static final String LOCAL_MADE = "localMade";
        public static final String LISTING_YEAR = "listingYear";
        /** ISO date text or null. */
        public static final String PRODUCTION_START_DATE = "productionStartDate";
        /** The sums of the project's other public funding per level (0 when none). */
        public static final String OTHER_FUNDING_COUNTY = "otherFundingCounty";
        public static final String OTHER_FUNDING_CITY = "otherFundingCity";
        public static final String OTHER_FUNDING_PROVINCE = "otherFundingProvince";
        public static final String OTHER_FUNDING_NATIONAL = "otherFundingNational";
        /** The active annual scheme's terms for the quote's scope, award year and category; all null without one. */
        public static final String SCHEME_RATE = "schemeRate";
        public static final String SCHEME_PROJECT_CAP = "schemeProjectCap";
        public static final String SCHEME_ENTERPRISE_CAP = "schemeEnterpriseCap";
        /** null = no filed scheme: the table refuses with 本年度奖补方案未备案. */
        public static final String SCHEME_DOCUMENT = "schemeDocument";
        public static final String SCHEME_SAMPLE = "schemeSample";
        /** tc-rate-by-score's input: the final panel score 0–100, or null. */
        public static final String FINAL_SCORE = "finalScore";
        /** CLUSTER: the SME members' equipment investment (the cluster's total is equipmentInvestment). */
        public static final String SME_EQUIPMENT_INVESTMENT = "smeEquipmentInvestment";
        public static final String MUJUAN_CLASS = "mujuanClass";
        public static final String ECHELON_LISTED = "echelonListed";
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
        /** Which awards of the enterprise share enterpriseCap: POLICY (= null), CATEGORY, CATEGORY_YEAR or NONE. */
        public static final String CAP_SCOPE = "capScope";
        /** true when rate is a ceiling that the score may lower (tc-rate-by-score). */
        public static final String SCORED_RATE = "scoredRate";
        /** lpr-1y's output. */
        public static final String LPR = "lpr";
        /** tc-pool-entry's output. */
        public static final String POOL_LEVEL = "poolLevel";
        /** tc-rate-by-score's output (RATE's name): the rate within the ceiling, null = the ceiling. */
        public static final String SCORE_RATE = "rate";

        private Out() {
        }
    }

    private TcAwardDecision() {
    }
}

package cn.tcsubsidy.award.budget.process;

/** Process {@code tc-fund-budget} (录入技改专项资金预算): key, element ids and variables, in one place. */
public final class TcFundBudgetProcess {

    public static final String KEY = "tc-fund-budget";

    public static final class Elements {
        public static final String START = "StartEvent_FundBudgetEntered";
        public static final String RECORD_BUDGET = "Task_RecordFundBudget";
        public static final String RECORDED = "Event_FundBudgetRecorded";

        private Elements() {
        }
    }

    public static final class Vars {
        /** The start form's fields: see {@code FundBudgetService.ENTRY_FIELDS}. */
        public static final String FUND_CODE = "fundCode";
        public static final String BUDGET_YEAR = "budgetYear";
        public static final String AMOUNT = "amount";
        public static final String BASIS = "basis";
        public static final String REASON = "reason";
        /** Who started it (the initiator). */
        public static final String ENTERED_BY = "enteredBy";
        /** What was recorded, as the finance officer reads it in the instance's history. */
        public static final String BUDGET_NOTE = "budgetNote";

        private Vars() {
        }
    }

    private TcFundBudgetProcess() {
    }
}

package cn.tcsubsidy.award.budget.process;

import cn.tcsubsidy.engine.ProcessVariable;
import java.math.BigDecimal;

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
        public static final ProcessVariable<String> FUND_CODE = ProcessVariable.text("fundCode");
        public static final ProcessVariable<Integer> BUDGET_YEAR = ProcessVariable.wholeNumber("budgetYear");
        public static final ProcessVariable<BigDecimal> AMOUNT = ProcessVariable.money("amount");
        public static final ProcessVariable<String> BASIS = ProcessVariable.text("basis");
        /** Who started it (the initiator). */
        public static final ProcessVariable<String> ENTERED_BY = ProcessVariable.text("enteredBy");
        /** What was recorded, as the finance officer reads it in the instance's history. */
        public static final ProcessVariable<String> BUDGET_NOTE = ProcessVariable.text("budgetNote");

        private Vars() {
        }
    }

    private TcFundBudgetProcess() {
    }
}

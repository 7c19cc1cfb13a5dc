package cn.tcsubsidy.award.quote;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The amounts (yuan) an award quote may read. The name is both the JSON property of the request and the variable
 * the tc-award tables read; the tables name the figures that make up the base ({@code baseFields}) by these names.
 */
public enum Figure {
    TOTAL_INVESTMENT("totalInvestment", "总投资"),
    EQUIPMENT_INVESTMENT("equipmentInvestment", "设备投资额"),
    ROBOT_INVESTMENT("robotInvestment", "购置工业机器人投资额"),
    INFORMATIZATION_INVESTMENT("informatizationInvestment", "信息化软硬件投资额"),
    RD_INVESTMENT("rdInvestment", "研发投入"),
    /** The loan actually drawn (贷款实际发生额, 000 三(一)), not the loan contracted. */
    LOAN_AMOUNT("loanAmount", "贷款实际发生额"),
    COMPLETED_INVESTMENT_THIS_YEAR("completedInvestmentThisYear", "当年完成投资"),
    NATIONAL_FUNDING("nationalFunding", "国家资助金额"),
    PURCHASE_PRICE("purchasePrice", "购买价格");

    private static final Map<String, Figure> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Figure::key, Function.identity()));

    private final String key;
    private final String label;

    Figure(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The figure a table names, or null when the name is not one of ours. */
    public static Figure byKey(String key) {
        return BY_NAME.get(key);
    }
}

package cn.tcsubsidy.followup.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A performance indicator (绩效指标). Which of them a jurisdiction follows is its table tc-performance-indicators
 * (Huanggang's five are its plan's 四(四): 投资完成率、发展贡献率、产值、税收、新增就业). The target is entered at filing
 * (field {@link #targetField}), the result reported after the period ({@link #resultField}).
 */
public enum Indicator {
    OUTPUT_VALUE("新增产值", "元", false),
    TAX("新增税收", "元", false),
    NEW_JOBS("新增就业", "人", true),
    ENERGY_SAVED("节能量", "吨标准煤", false),
    INVESTMENT_COMPLETION_RATE("投资完成率", "%", false),
    DEVELOPMENT_CONTRIBUTION_RATE("发展贡献率", "%", false);

    /** Fields of the filing (targets) and of the report and rectification forms (results), in this order. */
    public static final List<String> TARGET_FIELDS = Arrays.stream(values()).map(Indicator::targetField).toList();
    public static final List<String> RESULT_FIELDS = Arrays.stream(values()).map(Indicator::resultField).toList();

    private final String label;
    private final String unit;
    private final boolean whole;

    Indicator(String label, String unit, boolean whole) {
        this.label = label;
        this.unit = unit;
        this.whole = whole;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** Counted in whole units (people). */
    public boolean whole() {
        return whole;
    }

    /** e.g. targetOutputValue */
    public String targetField() {
        return "target" + camel();
    }

    /** e.g. resultOutputValue */
    public String resultField() {
        return "result" + camel();
    }

    public static Optional<Indicator> of(String code) {
        return Arrays.stream(values()).filter(i -> i.name().equals(code)).findFirst();
    }

    private String camel() {
        StringBuilder b = new StringBuilder();
        for (String part : name().split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }
}

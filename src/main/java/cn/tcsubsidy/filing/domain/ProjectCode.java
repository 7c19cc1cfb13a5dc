package cn.tcsubsidy.filing.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 备案 code (项目代码) the national investment-project online approval platform gives a project:
 * {@code YYYY-AAAAAA-NN-NN-NNNNNN}, e.g. {@code 2021-370503-34-03-012345} — the year of filing, the six-digit
 * administrative division, two two-digit classification parts and a six-digit serial number, ASCII digits only.
 */
public final class ProjectCode {

    public static final String FORMAT = "YYYY-AAAAAA-NN-NN-NNNNNN";
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final Pattern SHAPE = Pattern.compile("([0-9]{4})-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}");

    private ProjectCode() {
    }

    /** Why the code is malformed (Chinese, for the user), or empty when it is well-formed. */
    public static Optional<String> problem(String code) {
        Matcher m = SHAPE.matcher(code);
        if (!m.matches()) {
            return Optional.of("项目代码格式应为 " + FORMAT + "(如 2021-370503-34-03-012345,半角数字):" + code);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Optional.of("项目代码的年份应在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间:" + code);
        }
        return Optional.empty();
    }

    /** The refusal of a code a live project of the jurisdiction already holds. */
    public static String taken(String code) {
        return "本辖区已有在库项目使用项目代码 " + code + ",同一项目不能重复备案";
    }
}

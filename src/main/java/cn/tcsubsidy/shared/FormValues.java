package cn.tcsubsidy.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads submitted values (a form's variables or a JSON body) field by field and collects every problem,
 * so one answer names all refused fields. Used the same way by the REST API and by task completion.
 */
public class FormValues {

    /** The dates any form may carry: a retrofit project, its reports and its payments fall in this century. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final Pattern ASCII_DECIMAL =
            Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private final Map<String, Object> values;
    private final List<FieldError> errors = new ArrayList<>();

    public FormValues(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    public boolean has(String key) {
        return !blank(values.get(key));
    }

    /** Whether anything is filled in: a text or number that is not blank, or a ticked box. */
    public boolean anyFilled() {
        return values.values().stream().anyMatch(v -> !blank(v) && !Boolean.FALSE.equals(v));
    }

    /**
     * Free text (an opinion, a note): surrounding spaces trimmed; line breaks and tabs allowed, other control and
     * invisible formatting characters refused; only spaces and invisible characters count as empty.
     */
    public String text(String key, String label, boolean required, int maxLength) {
        return readText(key, label, required, maxLength, true);
    }

    /** A name (enterprise, project, bank, payee): like {@link #text} on one line, with at least one letter or digit. */
    public String name(String key, String label, boolean required, int maxLength) {
        String s = readText(key, label, required, maxLength, false);
        if (s != null && s.codePoints().noneMatch(Character::isLetterOrDigit)) {
            reject(key, label + "应包含文字或数字");
            return null;
        }
        return s;
    }

    private String readText(String key, String label, boolean required, int maxLength, boolean multiLine) {
        Object v = values.get(key);
        if (blank(v)) {
            if (required) {
                reject(key, label + "不能为空");
            }
            return null;
        }
        if (!(v instanceof String)) {
            reject(key, label + "应为文本");
            return null;
        }
        String s = trimSpaces((String) v);
        if (s.length() > maxLength) {
            reject(key, label + "不能超过 " + maxLength + " 个字符");
            return null;
        }
        if (s.codePoints().anyMatch(c -> forbidden(c, multiLine))) {
            reject(key, label + "含有控制字符或不可见字符,请删除后重新填写");
            return null;
        }
        return s;
    }

    private static boolean blank(Object v) {
        return v == null || v instanceof String s && s.codePoints().allMatch(c -> space(c) || invisible(c));
    }

    private static String trimSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && space(s.charAt(from))) {
            from++;
        }
        while (to > from && space(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Any Unicode space, the ideographic and no-break spaces included. */
    private static boolean space(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Control characters, formatting marks (zero-width, bidirectional overrides) and unpaired surrogates. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }

    private static boolean forbidden(int c, boolean multiLine) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return !multiLine;
        }
        return invisible(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
    }

    public String choice(String key, String label, Set<String> allowed, boolean required) {
        String s = text(key, label, required, 64);
        if (s != null && !allowed.contains(s)) {
            reject(key, label + "取值无效:" + s);
            return null;
        }
        return s;
    }

    /**
     * A non-negative amount in yuan up to {@link Money#MAX}, rounded half-up to 0.01; absent counts as zero unless
     * required.
     */
    public BigDecimal money(String key, String label, boolean required) {
        BigDecimal d = decimal(key, label, required);
        if (d == null) {
            return required ? null : Money.ZERO;
        }
        if (d.signum() < 0) {
            reject(key, label + "不能为负数");
            return null;
        }
        if (d.compareTo(Money.MAX) > 0) {
            reject(key, label + "数额过大(不能超过 " + Money.format(Money.MAX) + ")");
            return null;
        }
        return Money.round(d);
    }

    /** A decimal within [min, max]; null when absent and not required. */
    public BigDecimal bounded(String key, String label, boolean required, BigDecimal min, BigDecimal max) {
        BigDecimal d = decimal(key, label, required);
        if (d == null) {
            return null;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            reject(key, label + "应在 " + min.toPlainString() + " 至 " + max.toPlainString() + " 之间");
            return null;
        }
        return d;
    }

    public Integer wholeNumber(String key, String label, boolean required, int min, int max) {
        BigDecimal d = decimal(key, label, required);
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0) {
            reject(key, label + "应为整数");
            return null;
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            reject(key, label + "应在 " + min + " 至 " + max + " 之间");
            return null;
        }
        return d.intValueExact();
    }

    private BigDecimal decimal(String key, String label, boolean required) {
        Object v = values.get(key);
        if (blank(v)) {
            if (required) {
                reject(key, label + "不能为空");
            }
            return null;
        }
        try {
            if (v instanceof BigDecimal b) {
                return b;
            }
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    reject(key, label + "不是有效数字");
                    return null;
                }
                return new BigDecimal(v.toString());
            }
            if (v instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (v instanceof String s) {
                String t = s.trim();
                // BigDecimal also reads Arabic-Indic, full-width and other scripts' digits; the tables and the
                // database must only ever see 0-9.
                if (!ASCII_DECIMAL.matcher(t).matches()) {
                    reject(key, label + "不是有效数字(只接受半角数字 0-9)");
                    return null;
                }
                return new BigDecimal(t);
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        reject(key, label + "不是有效数字");
        return null;
    }

    public boolean bool(String key) {
        Object v = values.get(key);
        return v instanceof Boolean b ? b : v instanceof String s && Boolean.parseBoolean(s);
    }

    /** A date within {@link #EARLIEST} … {@link #LATEST}; a date-time value must be a real time and keeps its date. */
    public LocalDate date(String key, String label, boolean required) {
        Object v = values.get(key);
        if (blank(v)) {
            if (required) {
                reject(key, label + "不能为空");
            }
            return null;
        }
        LocalDate date;
        if (v instanceof LocalDate d) {
            date = d;
        } else if (v instanceof Date d) {
            // A typed Date variable is an instant (the REST API's format carries its offset): its day is the day in
            // Beijing, whatever zone this JVM runs in (only the Docker image sets TZ).
            date = d.toInstant().atZone(ClockConfiguration.BEIJING).toLocalDate();
        } else if (v instanceof String s) {
            date = parseDate(s.trim());
            if (date == null) {
                reject(key, label + "不是有效日期(应为 yyyy-MM-dd):" + s);
                return null;
            }
        } else {
            reject(key, label + "不是有效日期");
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            reject(key, label + "应在 " + EARLIEST + " 至 " + LATEST + " 之间");
            return null;
        }
        return date;
    }

    private static LocalDate parseDate(String t) {
        try {
            // Camunda Forms' date picker submits yyyy-MM-dd; a date-time value keeps only its date, once its time
            // is known to be a real one.
            if (t.length() > 10 && t.charAt(10) == 'T') {
                DateTimeFormatter.ISO_DATE_TIME.parse(t);
                t = t.substring(0, 10);
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public void reject(String key, String message) {
        errors.add(new FieldError(key, message));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}

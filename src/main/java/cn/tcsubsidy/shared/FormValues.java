package cn.tcsubsidy.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads submitted values (a form's variables or a JSON body) field by field and collects every problem,
 * so one answer names all refused fields. Used the same way by the REST API and by task completion.
 */
public class FormValues {

    private final Map<String, Object> values;
    private final List<FieldError> errors = new ArrayList<>();

    public FormValues(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    public boolean has(String key) {
        Object v = values.get(key);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    public String text(String key, String label, boolean required, int maxLength) {
        Object v = values.get(key);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                reject(key, label + "不能为空");
            }
            return null;
        }
        if (!(v instanceof String)) {
            reject(key, label + "应为文本");
            return null;
        }
        String s = ((String) v).trim();
        if (s.length() > maxLength) {
            reject(key, label + "不能超过 " + maxLength + " 个字符");
            return null;
        }
        return s;
    }

    public String choice(String key, String label, Set<String> allowed, boolean required) {
        String s = text(key, label, required, 64);
        if (s != null && !allowed.contains(s)) {
            reject(key, label + "取值无效:" + s);
            return null;
        }
        return s;
    }

    /** A non-negative amount in yuan, rounded half-up to 0.01; absent counts as zero unless required. */
    public BigDecimal money(String key, String label, boolean required) {
        BigDecimal d = decimal(key, label, required);
        if (d == null) {
            return required ? null : Money.ZERO;
        }
        if (d.signum() < 0) {
            reject(key, label + "不能为负数");
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
        if (v == null || (v instanceof String s && s.isBlank())) {
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
                return new BigDecimal(s.trim());
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

    public LocalDate date(String key, String label, boolean required) {
        Object v = values.get(key);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                reject(key, label + "不能为空");
            }
            return null;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        if (v instanceof String s) {
            String t = s.trim();
            // Camunda Forms' date picker submits yyyy-MM-dd; a datetime value keeps only its date.
            if (t.length() > 10 && t.charAt(10) == 'T') {
                t = t.substring(0, 10);
            }
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                reject(key, label + "不是有效日期(应为 yyyy-MM-dd):" + s);
                return null;
            }
        }
        reject(key, label + "不是有效日期");
        return null;
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

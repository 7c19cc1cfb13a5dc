package cn.tcsubsidy.followup.domain;

import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Performance targets (绩效目标) entered at filing, one row per indicator (table performance_target): Hekou
 * 东河政发〔2020〕5号 四(三) "建立贯穿扶持资金申报、审批、拨付以及事后评价的绩效目标管理制度". Each is optional at filing;
 * one given must be above 0. The follow-up scores the results against the targets the project has.
 */
@Component
public class PerformanceTargets {

    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(1000);

    private final JdbcClient jdbc;

    public PerformanceTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the target fields of a filing (errors collected in {@code f}); absent fields are no target. */
    public static Map<Indicator, BigDecimal> read(FormValues f) {
        Map<Indicator, BigDecimal> targets = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            BigDecimal v = value(f, i, i.targetField(), "目标" + i.label(), false);
            if (v != null && v.signum() == 0) {
                f.reject(i.targetField(), "绩效目标「" + i.label() + "」应大于 0,或不填");
            } else if (v != null) {
                targets.put(i, v);
            }
        }
        return targets;
    }

    /** A value of indicator {@code i} in field {@code key}: money, a rate in percent, or a whole number. */
    static BigDecimal value(FormValues f, Indicator i, String key, String label, boolean required) {
        if (!required && !f.has(key)) {
            return null;
        }
        if (i.whole()) {
            Integer n = f.wholeNumber(key, label + "(" + i.unit() + ")", required, 0, 10_000_000);
            return n == null ? null : BigDecimal.valueOf(n).setScale(2);
        }
        if ("%".equals(i.unit())) {
            BigDecimal r = f.bounded(key, label + "(%)", required, BigDecimal.ZERO, MAX_RATE);
            return r == null ? null : Money.round(r);
        }
        return f.money(key, label + "(" + i.unit() + ")", required);
    }

    public void store(long projectId, Map<Indicator, BigDecimal> targets, String by, LocalDateTime at) {
        targets.forEach((i, v) -> jdbc.sql("""
                insert into performance_target (project_id, indicator, target_value, recorded_by, recorded_at)
                values (:p, :i, :v, :by, :at)
                """).param("p", projectId).param("i", i.name()).param("v", v).param("by", by).param("at", at).update());
    }

    public Map<Indicator, BigDecimal> of(long projectId) {
        Map<Indicator, BigDecimal> targets = new EnumMap<>(Indicator.class);
        jdbc.sql("select indicator, target_value from performance_target where project_id = :p").param("p", projectId)
                .query((rs, n) -> Map.entry(Indicator.valueOf(rs.getString(1)), rs.getBigDecimal(2))).list()
                .forEach(e -> targets.put(e.getKey(), e.getValue()));
        return targets;
    }

    /** e.g. "新增产值 5,000,000.00 元;新增就业 20 人", or a sentence saying there are none. */
    public static String describe(Map<Indicator, BigDecimal> values) {
        if (values.isEmpty()) {
            return "未填报";
        }
        StringBuilder b = new StringBuilder();
        values.forEach((i, v) -> b.append(b.isEmpty() ? "" : ";").append(i.label()).append(' ').append(format(i, v)));
        return b.toString();
    }

    /** A value with its unit: "20 人", "95.5%", "5,000,000.00 元". */
    static String format(Indicator i, BigDecimal v) {
        if (i.whole()) {
            return v.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + " " + i.unit();
        }
        if ("元".equals(i.unit())) {
            return Money.format(v);
        }
        return v.stripTrailingZeros().toPlainString() + ("%".equals(i.unit()) ? "%" : " " + i.unit());
    }
}

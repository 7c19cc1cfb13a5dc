package cn.tcsubsidy.scoreboard.domain;

import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.ValidationException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recommending units' targets for a year (镇街年度目标: 工业投资, 工业技改投资 in yuan, 实施技改规模以上工业企业
 * in enterprises), table {@code unit_target} (V34). Jiyuan's 2017 targets come with the app (济政〔2017〕27号 附件
 * 《技术改造2017年攻坚目标任务分解表》); the bureau enters each further year's, replacing the year's targets as a whole.
 */
@Service
@Transactional
public class UnitTargets {

    /** The fields of the body of PUT /api/scoreboard/targets. */
    public static final Set<String> BODY_FIELDS = Set.of("targets", "source");
    /** The fields of one target row. */
    public static final Set<String> ROW_FIELDS = Set.of("unit", "industrialInvestmentTarget", "retrofitInvestmentTarget",
            "retrofittingEnterprisesTarget");
    /** How the demo marks targets it copies from 2017 into its own year. */
    public static final String SAMPLE_SOURCE = "示例目标(沿用2017年目标)";
    /** The year whose targets the source document gives. */
    public static final int SOURCE_YEAR = 2017;
    private static final int MAX_ENTERPRISES = 1_000_000;

    /** One unit's targets for the year, in yuan and enterprises. */
    public record Target(String unit, String unitName, BigDecimal industrialInvestmentTarget,
                         BigDecimal retrofitInvestmentTarget, int retrofittingEnterprisesTarget) {
    }

    /** A year's targets of the jurisdiction's units; {@code source} null (and the lists empty) when none entered. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record YearTargets(String jurisdiction, int year, List<Target> targets, String source, String updatedBy,
                              LocalDateTime updatedAt) {
        public YearTargets {
            targets = List.copyOf(targets);
        }
    }

    private final JdbcClient jdbc;
    private final JurisdictionDirectory directory;
    private final ScoreboardReaders readers;
    private final Clock clock;

    public UnitTargets(JdbcClient jdbc, JurisdictionDirectory directory, ScoreboardReaders readers, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.readers = readers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public YearTargets read(String jurisdiction, int year, Actor actor) {
        readers.requireReader(jurisdiction, year, actor);
        return of(jurisdiction, year);
    }

    /** The year's targets without an access check, for the scoreboard that has checked it. */
    @Transactional(readOnly = true)
    public YearTargets of(String jurisdiction, int year) {
        Map<String, String> names = directory.units(jurisdiction).stream()
                .collect(Collectors.toMap(RecommendingUnit::code, RecommendingUnit::name));
        record Stored(Target target, String source, String by, LocalDateTime at) {
        }
        List<Stored> rows = jdbc.sql("""
                select * from unit_target where jurisdiction = :j and target_year = :y order by unit_code
                """).param("j", jurisdiction).param("y", year)
                .query((rs, i) -> new Stored(new Target(rs.getString("unit_code"),
                        names.getOrDefault(rs.getString("unit_code"), rs.getString("unit_code")),
                        rs.getBigDecimal("industrial_investment_target").setScale(2),
                        rs.getBigDecimal("retrofit_investment_target").setScale(2),
                        rs.getInt("retrofitting_enterprises_target")), rs.getString("source"),
                        rs.getString("updated_by"), rs.getObject("updated_at", LocalDateTime.class)))
                .list();
        // One replacement writes the whole year with one source, by one user, at one time.
        Stored last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new YearTargets(jurisdiction, year, rows.stream().map(Stored::target).toList(),
                last == null ? null : last.source(), last == null ? null : last.by(), last == null ? null : last.at());
    }

    /**
     * Replaces the year's targets of the jurisdiction's units with {@code body.targets} (one row per unit, each field
     * required, amounts in yuan ≥ 0, enterprises a whole number ≥ 0) and {@code body.source} (the document they come
     * from). Every row is checked before anything is written: one bad row and nothing is stored (400 naming the row
     * and the field). Writes serialize on the jurisdiction's row.
     */
    public YearTargets replace(String jurisdiction, int year, Map<String, Object> body, Actor actor) {
        Jurisdiction j = readers.requireTargetSetter(jurisdiction, year, actor);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = body == null ? Map.of() : body;
        values.keySet().stream().filter(k -> !BODY_FIELDS.contains(k)).sorted().forEach(k -> errors.add(new FieldError(k,
                "未知字段 " + k + ",不予受理;可填:source、targets")));
        FormValues top = new FormValues(values);
        String source = top.text("source", "目标来源(文件及原文)", true, 2000);
        errors.addAll(top.errors());
        List<Row> rows = rows(j, values.get("targets"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("select code from jurisdiction where code = :j for update").param("j", jurisdiction)
                .query(String.class).single();
        jdbc.sql("delete from unit_target where jurisdiction = :j and target_year = :y")
                .param("j", jurisdiction).param("y", year).update();
        LocalDateTime now = LocalDateTime.now(clock);
        for (Row r : rows) {
            insert(jurisdiction, year, r, source, actor.userId(), now);
        }
        return of(jurisdiction, year);
    }

    /**
     * For the demo: the jurisdictions' {@value #SOURCE_YEAR} targets copied into {@code year}, marked
     * {@value #SAMPLE_SOURCE}, where that year has none yet (so a restart changes nothing). Returns the rows written.
     */
    public int enterSampleTargets(int year) {
        if (year == SOURCE_YEAR) {
            return 0;
        }
        return jdbc.sql("""
                insert into unit_target (jurisdiction, target_year, unit_code, industrial_investment_target,
                  retrofit_investment_target, retrofitting_enterprises_target, source, updated_by, updated_at)
                select t.jurisdiction, :y, t.unit_code, t.industrial_investment_target, t.retrofit_investment_target,
                       t.retrofitting_enterprises_target, :source, 'demo', :now
                  from unit_target t
                 where t.target_year = :from
                   and not exists (select 1 from unit_target o where o.jurisdiction = t.jurisdiction and o.target_year = :y)
                """)
                .param("y", year).param("from", SOURCE_YEAR).param("now", LocalDateTime.now(clock))
                .param("source", SAMPLE_SOURCE + ";原文:" + sourceOf(SOURCE_YEAR)).update();
    }

    private String sourceOf(int year) {
        return jdbc.sql("select min(source) from unit_target where target_year = :y").param("y", year)
                .query(String.class).optional().orElse("");
    }

    private record Row(String unit, BigDecimal industrial, BigDecimal retrofit, int enterprises) {
    }

    private List<Row> rows(Jurisdiction j, Object raw, List<FieldError> errors) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            errors.add(new FieldError("targets", raw == null || raw instanceof List<?>
                    ? "目标不能为空:请按推荐单位逐行填写(unit、industrialInvestmentTarget、retrofitInvestmentTarget、"
                    + "retrofittingEnterprisesTarget)" : "目标应为按推荐单位逐行填写的列表"));
            return List.of();
        }
        Map<String, String> units = directory.units(j.code()).stream()
                .collect(Collectors.toMap(RecommendingUnit::code, RecommendingUnit::name));
        Map<String, Integer> seen = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "targets[" + i + "]";
            String row = "第" + (i + 1) + "行";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                errors.add(new FieldError(at, row + "应为一个对象(unit 及三项目标)"));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            m.forEach((k, v) -> values.put(String.valueOf(k), v));
            new TreeSet<>(values.keySet()).stream().filter(k -> !ROW_FIELDS.contains(k)).forEach(k -> errors.add(
                    new FieldError(at + "." + k, row + ":未知字段 " + k + ",不予受理;可填:" + String.join("、",
                            new TreeSet<>(ROW_FIELDS)))));
            FormValues f = new FormValues(values);
            String line = row;
            String unit = f.text("unit", line + ":推荐单位代码", true, 32);
            if (unit != null) {
                String name = units.get(unit);
                if (name == null) {
                    f.reject("unit", line + ":推荐单位 " + unit + " 不是" + j.name() + "的推荐单位;可选:"
                            + String.join("、", new TreeSet<>(units.keySet())));
                    unit = null;
                } else if (seen.containsKey(unit)) {
                    f.reject("unit", line + ":推荐单位 " + unit + "(" + name + ")与第" + seen.get(unit) + "行重复");
                } else {
                    seen.put(unit, i + 1);
                }
                line = line + "(" + (name == null ? values.get("unit") : name) + ")";
            }
            BigDecimal industrial = f.money("industrialInvestmentTarget", line + "工业投资目标(元)", true);
            BigDecimal retrofit = f.money("retrofitInvestmentTarget", line + "工业技改投资目标(元)", true);
            Integer enterprises = f.wholeNumber("retrofittingEnterprisesTarget", line + "实施技改企业数目标(家)", true,
                    0, MAX_ENTERPRISES);
            f.errors().forEach(e -> errors.add(new FieldError(at + "." + e.field(), e.message())));
            if (f.valid() && unit != null) {
                rows.add(new Row(unit, industrial, retrofit, enterprises));
            }
        }
        return rows;
    }

    private void insert(String jurisdiction, int year, Row r, String source, String by, LocalDateTime at) {
        jdbc.sql("""
                insert into unit_target (jurisdiction, target_year, unit_code, industrial_investment_target,
                  retrofit_investment_target, retrofitting_enterprises_target, source, updated_by, updated_at)
                values (:j, :y, :u, :industrial, :retrofit, :enterprises, :source, :by, :at)
                """)
                .param("j", jurisdiction).param("y", year).param("u", r.unit()).param("industrial", r.industrial())
                .param("retrofit", r.retrofit()).param("enterprises", r.enterprises()).param("source", source)
                .param("by", by).param("at", at).update();
    }
}

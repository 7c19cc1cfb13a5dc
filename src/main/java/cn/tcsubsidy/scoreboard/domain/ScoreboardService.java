package cn.tcsubsidy.scoreboard.domain;

import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The town scoreboard (镇街目标考核/排序通报) that 济政〔2017〕27号 asks the bureau to publish regularly (技术改造攻坚
 * 方案 三(二): "定期对各产业集聚区、镇(街道)企业技术改造情况进行排序通报"), for every recommending unit of the
 * jurisdiction and year Y. The figures, each per unit (the project's {@code unit_code}):
 * <ul>
 *   <li><b>filed</b> (备案项目数): projects filed in year Y, by the filing time {@code project.filed_at} (Beijing
 *       time, 1 January 00:00 ≤ filed_at &lt; 1 January of Y+1), whatever has become of them since;</li>
 *   <li><b>investment</b> (技改完成投资, 元): over those of Y's filed projects that were not rejected (未通过), the
 *       investment completed: the completion report's actual total investment, else the latest progress report's
 *       cumulative completed investment (累计完成投资), else 0 — completed, not planned, as the target
 *       "完成技术改造投资" counts;</li>
 *   <li><b>enterprises</b> (实施技改企业数): distinct enterprises (credit codes) among the same projects, the measure
 *       of the target "推动…规模以上工业企业实施技术改造" (the app does not know an enterprise's 规模以上 status: every
 *       filing enterprise counts);</li>
 *   <li><b>recommended</b> (推荐项目数): projects of the review round of year Y (held in November Y, for projects
 *       completed by the end of Y−1) that their town recommended (history {@code RECOMMENDED});</li>
 *   <li><b>awarded</b>, <b>awardAmount</b> (获奖补项目数, 奖补金额): projects with a live award of award year Y (the
 *       round's year): on the proposed list (拟扶持, {@code PROPOSED}) or paid ({@code PAID}); cancelled awards
 *       (objection upheld) do not count. The amount is what the ledger commits (its fund shares: granted while
 *       proposed, paid once paid), the sum the budgets are charged;</li>
 *   <li><b>targets</b>, <b>progress</b>: the unit's targets for Y ({@code unit_target}) and investment ÷ retrofit
 *       investment target, enterprises ÷ enterprise target (four decimals, half-up; null where the target is 0).
 *       The industrial-investment target (工业投资) has no progress: the app records retrofit projects only.</li>
 * </ul>
 * Ranking (常见做法, the source asks for a ranking and names no method): when the year has targets, by retrofit
 * investment completion rate, highest first; equal rates by investment; units without a (non-zero) retrofit target
 * after them, by investment. Units equal on every key share a rank (1, 2, 2, 4), listed by unit code. Totals sum the
 * units, except enterprises, counted once across the jurisdiction.
 */
@Service
@Transactional(readOnly = true)
public class ScoreboardService {

    public static final String RANKED_BY_RATE = "完成率(技改投资)";
    public static final String RANKED_BY_INVESTMENT = "技改完成投资额";
    public static final String PRACTICE_RATE = "排序方法为常见做法:按技改投资目标完成率排序;完成率相同按技改完成投资额,"
            + "仍相同者并列;未定技改投资目标的单位排在其后,按技改完成投资额排序";
    public static final String PRACTICE_INVESTMENT = "排序方法为常见做法:本年度未录入镇街目标,按技改完成投资额排序,相同者并列";
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final JdbcClient jdbc;
    private final JurisdictionDirectory directory;
    private final ScoreboardReaders readers;
    private final UnitTargets targets;
    private final Clock clock;

    public ScoreboardService(JdbcClient jdbc, JurisdictionDirectory directory, ScoreboardReaders readers,
                             UnitTargets targets, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.readers = readers;
        this.targets = targets;
        this.clock = clock;
    }

    public Scoreboard of(String jurisdiction, int year, Actor actor) {
        Jurisdiction j = readers.requireReader(jurisdiction, year, actor);
        String asOf = ZonedDateTime.now(clock).withZoneSameInstant(ClockConfiguration.BEIJING).format(AS_OF);

        Map<String, Integer> filed = new HashMap<>();
        Map<String, BigDecimal> investment = new HashMap<>();
        Map<String, Set<String>> enterprises = new HashMap<>();
        Set<String> allEnterprises = new HashSet<>();
        for (FiledProject p : filedIn(jurisdiction, year)) {
            filed.merge(p.unit(), 1, Integer::sum);
            if (p.stage() != Stage.REJECTED) {
                investment.merge(p.unit(), p.completedInvestment(), BigDecimal::add);
                enterprises.computeIfAbsent(p.unit(), u -> new HashSet<>()).add(p.creditCode());
                allEnterprises.add(p.creditCode());
            }
        }
        Map<String, Integer> recommended = recommended(jurisdiction, year);
        Map<String, Integer> awarded = new HashMap<>();
        Map<String, BigDecimal> awardAmount = new HashMap<>();
        jdbc.sql("""
                select p.unit_code, a.project_id, sum(s.amount) as amount
                  from award a
                  join award_fund_share s on s.award_id = a.id
                  join project p on p.id = a.project_id
                 where a.jurisdiction_code = :j and a.award_year = :y and a.live = true
                 group by p.unit_code, a.project_id
                """).param("j", jurisdiction).param("y", year)
                .query((rs, i) -> {
                    awarded.merge(rs.getString("unit_code"), 1, Integer::sum);
                    awardAmount.merge(rs.getString("unit_code"), rs.getBigDecimal("amount"), BigDecimal::add);
                    return null;
                }).list();

        UnitTargets.YearTargets yearTargets = targets.of(jurisdiction, year);
        Map<String, UnitTargets.Target> byUnit = new HashMap<>();
        yearTargets.targets().forEach(t -> byUnit.put(t.unit(), t));

        List<Scoreboard.UnitRow> rows = new ArrayList<>();
        for (RecommendingUnit u : directory.units(jurisdiction)) {
            BigDecimal invested = Money.round(investment.getOrDefault(u.code(), BigDecimal.ZERO));
            int firms = enterprises.getOrDefault(u.code(), Set.of()).size();
            UnitTargets.Target t = byUnit.get(u.code());
            Scoreboard.Targets unitTargets = t == null ? null : new Scoreboard.Targets(t.industrialInvestmentTarget(),
                    t.retrofitInvestmentTarget(), t.retrofittingEnterprisesTarget());
            rows.add(new Scoreboard.UnitRow(u.code(), u.name(), 0, filed.getOrDefault(u.code(), 0),
                    recommended.getOrDefault(u.code(), 0), awarded.getOrDefault(u.code(), 0), firms, invested,
                    Money.round(awardAmount.getOrDefault(u.code(), BigDecimal.ZERO)), unitTargets,
                    progress(unitTargets, invested, firms)));
        }
        boolean byRate = !byUnit.isEmpty();
        List<Scoreboard.UnitRow> ranked = rank(rows);

        Scoreboard.Targets totalTargets = null;
        if (byRate) {
            totalTargets = new Scoreboard.Targets(
                    Money.round(sum(rows.stream().map(Scoreboard.UnitRow::targets).filter(Objects::nonNull)
                            .map(Scoreboard.Targets::industrialInvestment).toList())),
                    Money.round(sum(rows.stream().map(Scoreboard.UnitRow::targets).filter(Objects::nonNull)
                            .map(Scoreboard.Targets::retrofitInvestment).toList())),
                    rows.stream().map(Scoreboard.UnitRow::targets).filter(Objects::nonNull)
                            .mapToInt(Scoreboard.Targets::retrofittingEnterprises).sum());
        }
        BigDecimal totalInvestment = Money.round(sum(rows.stream().map(Scoreboard.UnitRow::investment).toList()));
        Scoreboard.Totals totals = new Scoreboard.Totals(
                rows.stream().mapToInt(Scoreboard.UnitRow::filed).sum(),
                rows.stream().mapToInt(Scoreboard.UnitRow::recommended).sum(),
                rows.stream().mapToInt(Scoreboard.UnitRow::awarded).sum(),
                allEnterprises.size(), totalInvestment,
                Money.round(sum(rows.stream().map(Scoreboard.UnitRow::awardAmount).toList())),
                totalTargets, progress(totalTargets, totalInvestment, allEnterprises.size()));
        return new Scoreboard(jurisdiction, j.name(), year, asOf, ranked, totals,
                byRate ? RANKED_BY_RATE : RANKED_BY_INVESTMENT, byRate ? PRACTICE_RATE : PRACTICE_INVESTMENT,
                yearTargets.source());
    }

    private record FiledProject(long id, String unit, String creditCode, Stage stage, BigDecimal completedInvestment) {
    }

    private List<FiledProject> filedIn(String jurisdiction, int year) {
        record Raw(long id, String unit, String creditCode, Stage stage, BigDecimal actual) {
        }
        List<Raw> raw = jdbc.sql("""
                select id, unit_code, credit_code, stage, actual_total_investment from project
                 where jurisdiction_code = :j and filed_at >= :from and filed_at < :to
                """)
                .param("j", jurisdiction)
                .param("from", LocalDate.of(year, 1, 1).atStartOfDay())
                .param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay())
                .query((rs, i) -> new Raw(rs.getLong("id"), rs.getString("unit_code"), rs.getString("credit_code"),
                        Stage.valueOf(rs.getString("stage")), rs.getBigDecimal("actual_total_investment")))
                .list();
        List<Long> unfinished = raw.stream().filter(r -> r.actual() == null).map(Raw::id).toList();
        Map<Long, BigDecimal> toDate = new HashMap<>();
        if (!unfinished.isEmpty()) {
            // Ordered by date: the last report of each project is its latest cumulative figure.
            jdbc.sql("""
                    select project_id, completed_investment from progress_report where project_id in (:ids)
                     order by project_id, report_date, id
                    """).param("ids", unfinished)
                    .query((rs, i) -> toDate.put(rs.getLong("project_id"), rs.getBigDecimal("completed_investment")))
                    .list();
        }
        return raw.stream().map(r -> new FiledProject(r.id(), r.unit(), r.creditCode(), r.stage(),
                        r.actual() != null ? r.actual() : toDate.getOrDefault(r.id(), BigDecimal.ZERO)))
                .toList();
    }

    private Map<String, Integer> recommended(String jurisdiction, int year) {
        Optional<Long> round = jdbc.sql("select id from review_round where jurisdiction_code = :j and round_year = :y")
                .param("j", jurisdiction).param("y", year).query(Long.class).optional();
        Map<String, Integer> counts = new HashMap<>();
        round.ifPresent(r -> jdbc.sql("""
                select p.unit_code, count(*) as n from project p
                 where p.round_id = :r
                   and exists (select 1 from project_event e where e.project_id = p.id and e.action = 'RECOMMENDED')
                 group by p.unit_code
                """).param("r", r)
                .query((rs, i) -> counts.put(rs.getString("unit_code"), rs.getInt("n"))).list());
        return counts;
    }

    private static Scoreboard.Progress progress(Scoreboard.Targets t, BigDecimal investment, int enterprises) {
        if (t == null) {
            return null;
        }
        return new Scoreboard.Progress(ratio(investment, t.retrofitInvestment()),
                ratio(BigDecimal.valueOf(enterprises), BigDecimal.valueOf(t.retrofittingEnterprises())));
    }

    private static BigDecimal ratio(BigDecimal achieved, BigDecimal target) {
        return target.signum() == 0 ? null : achieved.divide(target, 4, RoundingMode.HALF_UP);
    }

    /** Sorted and ranked; units equal on every ranking key share the rank of the first of them. */
    static List<Scoreboard.UnitRow> rank(List<Scoreboard.UnitRow> rows) {
        Comparator<Scoreboard.UnitRow> order = Comparator
                .comparing((Scoreboard.UnitRow r) -> rate(r) == null)
                .thenComparing(ScoreboardService::rate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Scoreboard.UnitRow::investment, Comparator.reverseOrder());
        List<Scoreboard.UnitRow> sorted = rows.stream().sorted(order.thenComparing(Scoreboard.UnitRow::unit)).toList();
        List<Scoreboard.UnitRow> ranked = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Scoreboard.UnitRow r = sorted.get(i);
            if (i == 0 || order.compare(sorted.get(i - 1), r) != 0) {
                rank = i + 1;
            }
            ranked.add(new Scoreboard.UnitRow(r.unit(), r.unitName(), rank, r.filed(), r.recommended(), r.awarded(),
                    r.enterprises(), r.investment(), r.awardAmount(), r.targets(), r.progress()));
        }
        return ranked;
    }

    private static BigDecimal rate(Scoreboard.UnitRow r) {
        return r.progress() == null ? null : r.progress().retrofitInvestment();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

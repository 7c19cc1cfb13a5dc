package cn.tcsubsidy.calendar.domain;

import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.KnownFields;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday calendar (table {@code public_holiday}) that working days are counted over: any signed-in user reads a
 * year of it; only the administrator enters, changes and removes dates (each the State Council's notice for the
 * year), every change kept in {@code public_holiday_change} with who and when.
 */
@Service
public class PublicHolidays {

    public static final String NAME = "name";
    public static final String WORKDAY = "workday";
    public static final String BASIS = "basis";
    private static final Set<String> FIELDS = Set.of(NAME, WORKDAY, BASIS);

    private final JdbcClient jdbc;
    private final Clock clock;

    public PublicHolidays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The listed dates of {@code year}, in order. */
    public List<PublicHoliday> ofYear(Integer year) {
        if (year == null) {
            throw new ValidationException("year", "年份不能为空");
        }
        if (year < FormValues.EARLIEST.getYear() || year > FormValues.LATEST.getYear()) {
            throw new ValidationException("year", "年份应在 " + FormValues.EARLIEST.getYear() + " 至 "
                    + FormValues.LATEST.getYear() + " 之间");
        }
        return jdbc.sql("select * from public_holiday where holiday_date between :from and :to order by holiday_date")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query(PublicHolidays::map).list();
    }

    /**
     * Lists {@code date} (yyyy-MM-dd) as a holiday or a make-up working day, or changes it: {@code name} (e.g. 春节,
     * 调休上班(春节)), {@code workday} (true only on a Saturday or Sunday: a weekday works anyway) and the
     * {@code basis} (the notice's number). The administrator only.
     */
    @Transactional
    public PublicHoliday put(String date, Map<String, Object> body, Actor actor) {
        requireAdmin(actor);
        FormValues f = new FormValues(body);
        KnownFields.unknown(body, FIELDS, "").forEach(e -> f.reject(e.field(), e.message()));
        LocalDate day = parse(date, f);
        String name = f.name(NAME, "名称", true, 64);
        Object workday = body == null ? null : body.get(WORKDAY);
        if (!(workday instanceof Boolean)) {
            f.reject(WORKDAY, "是否上班(workday)应为 true(调休上班)或 false(放假)");
        }
        String basis = f.text(BASIS, "依据", true, 300);
        if (day != null && Boolean.TRUE.equals(workday) && !weekend(day)) {
            f.reject(WORKDAY, day + " 是" + weekday(day) + ",本就是工作日,无需登记为调休上班");
        }
        f.throwIfInvalid();
        Optional<PublicHoliday> before = find(day, " for update");
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Object> row = Map.of("d", day, "n", name, "w", workday, "b", basis, "by", actor.userId(), "at", now);
        if (before.isPresent()) {
            jdbc.sql("update public_holiday set name = :n, workday = :w, basis = :b, updated_by = :by, updated_at = :at"
                    + " where holiday_date = :d").params(row).update();
        } else {
            jdbc.sql("insert into public_holiday (holiday_date, name, workday, basis, updated_by, updated_at)"
                    + " values (:d, :n, :w, :b, :by, :at)").params(row).update();
        }
        recordChange(day, before, name, (Boolean) workday, basis, actor, now);
        return new PublicHoliday(day, name, (Boolean) workday, basis, actor.userId(), now);
    }

    /** Removes {@code date} from the calendar: it counts by its day of the week again. The administrator only. */
    @Transactional
    public PublicHoliday delete(String date, Actor actor) {
        requireAdmin(actor);
        FormValues f = new FormValues(Map.of());
        LocalDate day = parse(date, f);
        f.throwIfInvalid();
        PublicHoliday before = find(day, " for update")
                .orElseThrow(() -> new NotFoundException("节假日安排中没有 " + day));
        jdbc.sql("delete from public_holiday where holiday_date = :d").param("d", day).update();
        recordChange(day, Optional.of(before), null, null, null, actor, LocalDateTime.now(clock));
        return before;
    }

    private void recordChange(LocalDate day, Optional<PublicHoliday> before, String name, Boolean workday, String basis,
                              Actor actor, LocalDateTime at) {
        jdbc.sql("""
                insert into public_holiday_change (holiday_date, previous_name, previous_workday, name, workday, basis,
                  changed_by, changed_at)
                values (:d, :pn, :pw, :n, :w, :b, :by, :at)
                """)
                .param("d", day).param("pn", before.map(PublicHoliday::name).orElse(null))
                .param("pw", before.map(PublicHoliday::workday).orElse(null))
                .param("n", name).param("w", workday).param("b", basis).param("by", actor.userId()).param("at", at)
                .update();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("只有系统管理员可以维护节假日安排");
        }
    }

    private static LocalDate parse(String date, FormValues f) {
        LocalDate day = null;
        try {
            day = date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            // refused below
        }
        if (day == null) {
            f.reject("date", "日期无效(应为 yyyy-MM-dd):" + date);
        } else if (day.isBefore(FormValues.EARLIEST) || day.isAfter(FormValues.LATEST)) {
            f.reject("date", "日期应在 " + FormValues.EARLIEST + " 至 " + FormValues.LATEST + " 之间");
            day = null;
        }
        return day;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String weekday(LocalDate day) {
        return "星期" + "一二三四五六日".charAt(day.getDayOfWeek().getValue() - 1);
    }

    private Optional<PublicHoliday> find(LocalDate day, String lock) {
        return jdbc.sql("select * from public_holiday where holiday_date = :d" + lock).param("d", day)
                .query(PublicHolidays::map).optional();
    }

    private static PublicHoliday map(ResultSet rs, int i) throws SQLException {
        return new PublicHoliday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name"),
                rs.getBoolean("workday"), rs.getString("basis"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toLocalDateTime());
    }
}

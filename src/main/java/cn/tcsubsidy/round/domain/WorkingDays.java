package cn.tcsubsidy.round.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Working days (工作日): Monday to Friday, less listed holidays, plus listed make-up working days. */
@Component
public class WorkingDays {

    private final JdbcClient jdbc;

    public WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        Map<LocalDate, Boolean> listed = jdbc.sql("select holiday_date, workday from public_holiday where holiday_date = :d").param("d", day)
                .query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getBoolean(2))).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (listed.containsKey(day)) {
            return listed.get(day);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day on or after {@code day}. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last of {@code count} working days, counting {@code firstDay} (a working day) as the first. */
    public LocalDate lastOf(LocalDate firstDay, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a period has at least one working day: " + count);
        }
        LocalDate d = onOrAfter(firstDay);
        for (int left = count - 1; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}

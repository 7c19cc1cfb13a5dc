package cn.tcsubsidy.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
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
        return new Span(day, day).isWorkingDay(day);
    }

    /** The first working day on or after {@code day}. */
    public LocalDate onOrAfter(LocalDate day) {
        return onOrAfter(day, new Span(day, day.plusDays(SPAN_DAYS)));
    }

    /** The last of {@code count} working days, counting {@code firstDay} (a working day) as the first. */
    public LocalDate lastOf(LocalDate firstDay, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a period has at least one working day: " + count);
        }
        // The listed days of the period read at once (a period of n working days spans about 7n/5 calendar days, more
        // over a holiday week); read again further on only when the count runs past them.
        Span listed = new Span(firstDay, firstDay.plusDays(count * 2L + SPAN_DAYS));
        LocalDate d = onOrAfter(firstDay, listed);
        for (int left = count - 1; left > 0; ) {
            d = d.plusDays(1);
            if (listed.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The days from {@code first} to {@code last} the calendar lists: true for a make-up working day. */
    protected Map<LocalDate, Boolean> listed(LocalDate first, LocalDate last) {
        Map<LocalDate, Boolean> days = new HashMap<>();
        jdbc.sql("select holiday_date, workday from public_holiday where holiday_date between :first and :last")
                .param("first", first).param("last", last)
                .query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getBoolean(2))).list()
                .forEach(e -> days.put(e.getKey(), e.getValue()));
        return days;
    }

    /** Calendar days read ahead beyond the days a period needs (a holiday week and its make-up days). */
    private static final long SPAN_DAYS = 31;

    private static LocalDate onOrAfter(LocalDate day, Span listed) {
        LocalDate d = day;
        while (!listed.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The holidays and make-up working days listed from {@code from} to {@code to}, one query; extended on demand. */
    private final class Span {

        private LocalDate to;
        private final Map<LocalDate, Boolean> listed = new HashMap<>();

        Span(LocalDate from, LocalDate to) {
            this.to = to;
            read(from, to);
        }

        private void read(LocalDate first, LocalDate last) {
            listed.putAll(listed(first, last));
        }

        boolean isWorkingDay(LocalDate day) {
            // Days are only ever asked from the span's first day on.
            if (day.isAfter(to)) {
                LocalDate next = to.plusDays(1);
                to = day.plusDays(SPAN_DAYS);
                read(next, to);
            }
            Boolean workday = listed.get(day);
            if (workday != null) {
                return workday;
            }
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }
    }
}

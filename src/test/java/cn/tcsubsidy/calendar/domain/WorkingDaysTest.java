package cn.tcsubsidy.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Working days over a holiday calendar, against the definition counted day by day: the same answer for every start
 * from 2025-12-01 to 2026-12-31 and periods of 1 to 40 working days (4,356 periods), with one query per period (or two when the count
 * runs past what was read).
 */
class WorkingDaysTest {

    static JdbcClient jdbc;
    static final AtomicInteger QUERIES = new AtomicInteger();

    @BeforeAll
    static void calendar() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:working-days;DB_CLOSE_DELAY=-1");
        JdbcClient raw = JdbcClient.create(ds);
        raw.sql("create table public_holiday (holiday_date date primary key, workday boolean not null)").update();
        // 2026: New Year 1-3 Jan (make-up Sunday 4 Jan), Spring Festival 15-23 Feb (make-up 14 Feb and 28 Feb),
        // National Day 1-7 Oct (make-up 10 Oct), as the State Council's notice lists them.
        String[] holidays = {"2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17",
            "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-10-01",
            "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"};
        for (String h : holidays) {
            raw.sql("insert into public_holiday values (:d, false)").param("d", LocalDate.parse(h)).update();
        }
        for (String w : new String[] {"2026-01-04", "2026-02-14", "2026-02-28", "2026-10-10"}) {
            raw.sql("insert into public_holiday values (:d, true)").param("d", LocalDate.parse(w)).update();
        }
        jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DelegatingDataSource(ds) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                java.sql.Connection c = super.getConnection();
                return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")) {
                                QUERIES.incrementAndGet();
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        });
    }

    /** The definition, a query per day. */
    private static boolean working(LocalDate day) {
        return jdbc.sql("select workday from public_holiday where holiday_date = :d").param("d", day)
                .query(Boolean.class).optional()
                .orElse(day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    private static LocalDate lastByDefinition(LocalDate first, int count) {
        LocalDate d = first;
        while (!working(d)) {
            d = d.plusDays(1);
        }
        for (int left = count - 1; left > 0; ) {
            d = d.plusDays(1);
            if (working(d)) {
                left--;
            }
        }
        return d;
    }

    @Test
    void shouldCountAsTheDefinitionDoesWithOneQueryAPeriod() {
        WorkingDays days = new WorkingDays(jdbc);
        int periods = 0;
        for (LocalDate start = LocalDate.of(2025, 12, 1); !start.isAfter(LocalDate.of(2026, 12, 31));
                start = start.plusDays(1)) {
            assertThat(days.isWorkingDay(start)).as("%s", start).isEqualTo(working(start));
            for (int count : new int[] {1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 40}) {
                LocalDate expected = lastByDefinition(start, count);
                QUERIES.set(0);
                assertThat(days.lastOf(start, count)).as("%s + %d", start, count).isEqualTo(expected);
                assertThat(QUERIES.get()).as("queries for %s + %d", start, count).isLessThanOrEqualTo(2);
                periods++;
            }
            QUERIES.set(0);
            LocalDate first = days.onOrAfter(start);
            assertThat(QUERIES.get()).isEqualTo(1);
            assertThat(first).isEqualTo(lastByDefinition(start, 1));
        }
        assertThat(periods).isEqualTo(396 * 11);
        // The Spring Festival: five working days from Friday 13 Feb are 13, Saturday 14 (make-up), 24, 25 and 26 Feb.
        assertThat(days.lastOf(LocalDate.of(2026, 2, 13), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
    }
}

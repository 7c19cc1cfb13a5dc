package cn.tcsubsidy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The State Council's arrangements 2020–2026 as V25 ships them, and working days counted over them: a notice opened
 * just before a long holiday skips it and counts the weekend make-up days (调休上班).
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-holiday-calendar;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class HolidayCalendarTest {

    @Autowired WorkingDays workingDays;
    @Autowired JdbcClient jdbc;

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void shouldSkipThe2024NationalDayWeekAndCountItsMakeUpDays() {
        // 国办发明电〔2023〕7号: 10月1日至7日放假调休;9月29日(星期日)、10月12日(星期六)上班.
        assertThat(workingDays.isWorkingDay(d("2024-09-29"))).as("Sunday, make-up working day").isTrue();
        for (LocalDate day = d("2024-10-01"); !day.isAfter(d("2024-10-07")); day = day.plusDays(1)) {
            assertThat(workingDays.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(workingDays.isWorkingDay(d("2024-10-12"))).as("Saturday, make-up working day").isTrue();
        assertThat(workingDays.isWorkingDay(d("2024-10-13"))).as("an ordinary Sunday").isFalse();

        // A 5-working-day notice opened on Monday 30 September, the working day before the holiday:
        // 9-30, then 10-8, 10-9, 10-10, 10-11.
        assertThat(workingDays.lastOf(d("2024-09-30"), 5)).isEqualTo(d("2024-10-11"));
        // Opened on the make-up Sunday: 9-29, 9-30, 10-8, 10-9, 10-10.
        assertThat(workingDays.lastOf(d("2024-09-29"), 5)).isEqualTo(d("2024-10-10"));
        // Opened during the holiday: it starts on the first working day after it.
        assertThat(workingDays.onOrAfter(d("2024-10-03"))).isEqualTo(d("2024-10-08"));
        // 7 days from 10-8 run over the make-up Saturday 10-12: 10-8 … 10-12, 10-14, 10-15.
        assertThat(workingDays.lastOf(d("2024-10-08"), 7)).isEqualTo(d("2024-10-15"));
    }

    @Test
    void shouldSkipThe2026SpringFestivalAndCountItsMakeUpSaturdays() {
        // 国办发明电〔2025〕7号: 2月15日至23日放假调休;2月14日(周六)、2月28日(周六)上班.
        assertThat(workingDays.isWorkingDay(d("2026-02-14"))).as("Saturday, make-up working day").isTrue();
        assertThat(workingDays.isWorkingDay(d("2026-02-23"))).as("Monday, still the holiday").isFalse();
        assertThat(workingDays.isWorkingDay(d("2026-02-28"))).as("Saturday, make-up working day").isTrue();

        // Opened on the make-up Saturday 2-14, the working day before the holiday: 2-14, 2-24, 2-25, 2-26, 2-27.
        assertThat(workingDays.lastOf(d("2026-02-14"), 5)).isEqualTo(d("2026-02-27"));
        // Opened on Friday 2-13: 2-13, 2-14, 2-24, 2-25, 2-26.
        assertThat(workingDays.lastOf(d("2026-02-13"), 5)).isEqualTo(d("2026-02-26"));
        // Opened during the holiday: 2-24 … 2-27 and the make-up Saturday 2-28.
        assertThat(workingDays.onOrAfter(d("2026-02-16"))).isEqualTo(d("2026-02-24"));
        assertThat(workingDays.lastOf(d("2026-02-16"), 5)).isEqualTo(d("2026-02-28"));
    }

    @Test
    void shouldKeep2020sSpringFestivalExtendedToTheSecondOfFebruary() {
        // 国办发明电〔2020〕1号 extended the holiday to 2 February: 1 February was to be a make-up working day.
        assertThat(workingDays.isWorkingDay(d("2020-01-31"))).isFalse();
        assertThat(workingDays.isWorkingDay(d("2020-02-01"))).isFalse();
        assertThat(workingDays.onOrAfter(d("2020-01-24"))).isEqualTo(d("2020-02-03"));
        assertThat(jdbc.sql("select basis from public_holiday where holiday_date = DATE '2020-02-01'")
                .query(String.class).single()).startsWith("国办发明电〔2020〕1号");
        assertThat(workingDays.isWorkingDay(d("2020-01-19"))).as("the make-up Sunday before stays").isTrue();
    }

    @Test
    void shouldShipEveryYearFrom2020To2026WithItsNoticeAndMakeUpDaysOnlyOnWeekends() {
        List<Map<String, Object>> rows = jdbc.sql("select holiday_date, name, workday, basis from public_holiday"
                + " where holiday_date between DATE '2019-12-01' and DATE '2026-12-31' order by holiday_date").query().listOfRows();
        // Holidays / make-up days per calendar year as the notices list them (2022-12-31 is 2023's 元旦).
        Map<Integer, int[]> expected = Map.of(2020, new int[] {30, 6}, 2021, new int[] {31, 7}, 2022, new int[] {32, 7},
                2023, new int[] {26, 7}, 2024, new int[] {28, 8}, 2025, new int[] {28, 5}, 2026, new int[] {33, 6});
        expected.forEach((year, counts) -> {
            List<Map<String, Object>> ofYear = rows.stream()
                    .filter(r -> date(r).getYear() == year).toList();
            assertThat(ofYear.stream().filter(r -> !(Boolean) r.get("WORKDAY")).count()).as(year + " holidays").isEqualTo(counts[0]);
            assertThat(ofYear.stream().filter(r -> (Boolean) r.get("WORKDAY")).count()).as(year + " make-up days").isEqualTo(counts[1]);
        });
        for (Map<String, Object> r : rows) {
            assertThat((String) r.get("BASIS")).as(r.toString()).startsWith("国办发明电〔");
            if ((Boolean) r.get("WORKDAY")) {
                assertThat(date(r).getDayOfWeek()).as(r.toString()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat((String) r.get("NAME")).startsWith("调休上班(");
            }
        }
        assertThat(jdbc.sql("select name from public_holiday where holiday_date = DATE '2025-10-08'").query(String.class)
                .single()).isEqualTo("国庆节、中秋节");
    }

    private static LocalDate date(Map<String, Object> row) {
        Object v = row.get("HOLIDAY_DATE");
        return v instanceof java.sql.Date s ? s.toLocalDate() : (LocalDate) v;
    }
}

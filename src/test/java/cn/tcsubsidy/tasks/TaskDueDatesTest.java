package cn.tcsubsidy.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.tasks.domain.TaskDueDates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The due date from a table's working days, without an engine or a database: weekends, holidays, make-up days. */
class TaskDueDatesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** 2026's Labour Day: 1–5 May off, Saturday 9 May worked. */
    static final WorkingDays LABOUR_DAY_2026 = new WorkingDays(null) {
        @Override
        protected java.util.Map<LocalDate, Boolean> listed(LocalDate first, LocalDate last) {
            java.util.Map<LocalDate, Boolean> days = new java.util.HashMap<>();
            for (int d = 1; d <= 5; d++) {
                days.put(LocalDate.of(2026, 5, d), false);
            }
            days.put(LocalDate.of(2026, 5, 9), true);
            days.keySet().removeIf(d -> d.isBefore(first) || d.isAfter(last));
            return days;
        }
    };

    static TaskDueDates at(String beijing, OptionalInt days) {
        Clock clock = Clock.fixed(OffsetDateTime.parse(beijing).toInstant(), ZoneId.of("UTC"));
        return new TaskDueDates((j, key) -> days, LABOUR_DAY_2026, clock);
    }

    static Instant midnight(String day) {
        return LocalDate.parse(day).atStartOfDay(BEIJING).toInstant();
    }

    @Test
    void shouldCountFromTheNextDayOverTheHolidayAndTheMakeUpSaturday() {
        // Thursday 30 April: 6, 7, 8 May, Saturday 9 May (make-up), 11 May → due at midnight after Monday 11 May.
        assertThat(at("2026-04-30T10:00+08:00", OptionalInt.of(5)).dueAt("liaocheng", "Task_PreparePayment"))
                .contains(midnight("2026-05-12"));
        assertThat(at("2026-04-30T10:00+08:00", OptionalInt.of(10)).dueAt("liaocheng", "Task_DecideAward"))
                .contains(midnight("2026-05-19"));
    }

    @Test
    void shouldSkipTheWeekendAndCountTheDayInBeijing() {
        // 16:30 UTC on Thursday 11 June is already Friday 12 June in Beijing: Monday 15 June is the first day.
        assertThat(at("2026-06-11T16:30Z", OptionalInt.of(1)).dueAt("hekou", "Task_ApprovePayment"))
                .contains(midnight("2026-06-16"));
        assertThat(at("2026-06-11T15:30Z", OptionalInt.of(1)).dueAt("hekou", "Task_ApprovePayment"))
                .contains(midnight("2026-06-13"));
    }

    @Test
    void shouldSetNoDueDateWhereTheTableSetsNone() {
        assertThat(at("2026-04-30T10:00+08:00", OptionalInt.empty()).dueAt("hekou", "Task_ReportCompletion"))
                .isEqualTo(Optional.empty());
    }
}

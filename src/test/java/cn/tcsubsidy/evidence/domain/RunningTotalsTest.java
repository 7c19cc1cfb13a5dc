package cn.tcsubsidy.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.evidence.domain.RunningTotals.Point;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningTotalsTest {

    private static Point p(String date, String total) {
        return new Point(LocalDate.parse(date), new BigDecimal(total));
    }

    private static final List<Point> REPORTS = List.of(p("2023-06-30", "1000000"), p("2023-12-31", "2500000"),
            p("2024-01-01", "2600000"), p("2024-10-20", "9000000"));

    @Test
    void shouldTakeTheYearsFigureAsTheDifferenceOfTheRunningTotalsAtTheEndOfTwoYears() {
        assertThat(RunningTotals.completedIn(REPORTS, 2023)).isEqualByComparingTo("2500000.00");
        // 31 December counts to its own year; 1 January to the next.
        assertThat(RunningTotals.completedIn(REPORTS, 2024)).isEqualByComparingTo("6500000.00");
        assertThat(RunningTotals.completedIn(REPORTS, 2022)).isEqualByComparingTo("0.00");
        assertThat(RunningTotals.completedIn(REPORTS, 2025)).isEqualByComparingTo("0.00");
        assertThat(RunningTotals.completedIn(List.of(), 2024)).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldRefuseARunningTotalThatGoesDown() {
        assertThat(RunningTotals.problem(REPORTS, LocalDate.parse("2024-11-30"), new BigDecimal("9000000"))).isEmpty();
        assertThat(RunningTotals.problem(REPORTS, LocalDate.parse("2024-11-30"), new BigDecimal("8999999.99")))
                .hasValueSatisfying(m -> assertThat(m).contains("不能减少", "2024-10-20"));
        // Between two reports it must lie between their totals.
        assertThat(RunningTotals.problem(REPORTS, LocalDate.parse("2023-09-30"), new BigDecimal("2000000"))).isEmpty();
        assertThat(RunningTotals.problem(REPORTS, LocalDate.parse("2023-09-30"), new BigDecimal("2500000.01")))
                .hasValueSatisfying(m -> assertThat(m).contains("2023-12-31"));
        assertThat(RunningTotals.problem(REPORTS, LocalDate.parse("2023-01-01"), new BigDecimal("0"))).isEmpty();
    }
}

package cn.tcsubsidy.evidence.domain;

import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A project's investment completed to date (累计完成投资) as its reports give it: each progress report's running
 * total on its report date, and the completion report's actual total investment on the completion date. A running
 * total never goes down: {@link #problem} refuses a new figure that would make it.
 */
@Repository
public class RunningTotals {

    /** One report's running total on its date. */
    public record Point(LocalDate date, BigDecimal total) {
    }

    private final JdbcClient jdbc;

    public RunningTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's reports in date order, the completion (if reported) included. */
    public List<Point> of(long projectId) {
        List<Point> points = new ArrayList<>(jdbc.sql("""
                select report_date, completed_investment from progress_report where project_id = :p order by report_date, id
                """).param("p", projectId)
                .query((rs, i) -> new Point(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2))).list());
        jdbc.sql("""
                select completion_date, actual_total_investment from project
                 where id = :p and completion_date is not null and actual_total_investment is not null
                """).param("p", projectId)
                .query((rs, i) -> new Point(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2))).optional()
                .ifPresent(points::add);
        points.sort(Comparator.comparing(Point::date));
        return points;
    }

    /**
     * Why a running total of {@code total} on {@code date} does not fit the reports already made (Chinese), or empty:
     * it may not be below a total reported on or before that date, nor above one reported on or after it.
     */
    public static Optional<String> problem(List<Point> points, LocalDate date, BigDecimal total) {
        for (Point p : points) {
            if (!p.date().isAfter(date) && total.compareTo(p.total()) < 0) {
                return Optional.of("累计完成投资不能减少:" + p.date() + " 已报 " + Money.format(p.total()) + ",本次 "
                        + Money.format(total));
            }
            if (!p.date().isBefore(date) && total.compareTo(p.total()) > 0) {
                return Optional.of("累计完成投资与 " + p.date() + " 已报的 " + Money.format(p.total())
                        + " 不符:该日及以后的累计数不能小于此前日期的累计数,本次 " + Money.format(total));
            }
        }
        return Optional.empty();
    }

    /** The running total at the end of {@code date}: the last report on or before it, 0 if none. */
    public static BigDecimal at(List<Point> points, LocalDate date) {
        BigDecimal total = BigDecimal.ZERO;
        for (Point p : points) {
            if (!p.date().isAfter(date)) {
                total = p.total();
            }
        }
        return Money.round(total);
    }

    /** Investment completed in calendar {@code year}: the running total at its 31 December less that a year before. */
    public static BigDecimal completedIn(List<Point> points, int year) {
        return Money.round(at(points, LocalDate.of(year, 12, 31)).subtract(at(points, LocalDate.of(year - 1, 12, 31))));
    }
}

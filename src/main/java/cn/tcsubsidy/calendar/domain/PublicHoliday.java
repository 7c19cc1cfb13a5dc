package cn.tcsubsidy.calendar.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A date of the State Council's holiday calendar (节假日安排): a holiday when {@code workday} is false, a make-up
 * working day on a weekend (调休上班) when it is true.
 *
 * @param basis the notice that made it so, e.g. 国办发明电〔2023〕7号
 */
public record PublicHoliday(LocalDate date, String name, boolean workday, String basis, String updatedBy,
                            LocalDateTime updatedAt) {
}

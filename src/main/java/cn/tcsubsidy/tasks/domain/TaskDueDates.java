package cn.tcsubsidy.tasks.domain;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.shared.ClockConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The due date of a task that its process does not date itself: the jurisdiction's table gives N working days
 * (common practice), counted over {@code public_holiday} from the day after the task is created; the task is due at
 * midnight (Beijing) after the last of them, as a correction's deadline and a panel member's scoring period are.
 */
@Component
public class TaskDueDates {

    private final TaskDueRules rules;
    private final WorkingDays workingDays;
    private final Clock clock;

    public TaskDueDates(TaskDueRules rules, WorkingDays workingDays, Clock clock) {
        this.rules = rules;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** When a task of {@code taskKey} created now in {@code jurisdiction} is due; empty when the table sets none. */
    public Optional<Instant> dueAt(String jurisdiction, String taskKey) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ClockConfiguration.BEIJING));
        var days = rules.dueWorkingDays(jurisdiction, taskKey);
        if (days.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime due = workingDays.lastOf(now.toLocalDate().plusDays(1), days.getAsInt()).plusDays(1).atStartOfDay();
        return Optional.of(due.atZone(ClockConfiguration.BEIJING).toInstant());
    }
}

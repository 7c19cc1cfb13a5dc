package cn.tcsubsidy.bottleneck.domain;

import java.time.Instant;

/**
 * One stay of one instance at one activity of a process (an activity instance of the engine's history): from
 * {@code start} until {@code end}, or still there ({@code end} null). For a user task also its due date and who
 * worked it; {@code unit} is the recommending unit (推荐单位) of the instance's project, where it has one, and
 * {@code townUnit} the unit whose officers were the task's candidates (a town's own task).
 */
public record Wait(String activityId, String activityName, String activityType, String processInstanceId,
                   Instant start, Instant end, String unit, boolean userTask, Instant due, String assignee,
                   String townUnit) {

    public boolean open() {
        return end == null;
    }

    /** Hours from arrival until leaving, or until {@code now} while still there. */
    public double hours(Instant now) {
        Instant until = end == null ? now : end;
        return Math.max(0, until.toEpochMilli() - start.toEpochMilli()) / 3_600_000.0;
    }

    /** An open user task whose due date has passed. */
    public boolean overdue(Instant now) {
        return open() && due != null && due.isBefore(now);
    }

    /** A user task completed after its due date. */
    public boolean completedLate() {
        return end != null && due != null && end.isAfter(due);
    }
}

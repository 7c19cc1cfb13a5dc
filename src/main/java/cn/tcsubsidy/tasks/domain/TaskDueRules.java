package cn.tcsubsidy.tasks.domain;

import java.util.OptionalInt;

/** A jurisdiction's table of task due dates ({@code tc-task-due}), as the due dates read it. */
public interface TaskDueRules {

    /**
     * The working days a task of {@code taskKey} has in {@code jurisdiction} (common practice, in the table); empty
     * when the table sets no due date for it (an empty cell, or no row matches).
     */
    OptionalInt dueWorkingDays(String jurisdiction, String taskKey);
}

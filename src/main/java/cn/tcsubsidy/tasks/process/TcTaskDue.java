package cn.tcsubsidy.tasks.process;

/** The decision {@code tc-task-due} ({@code dmn/<j>/<j>-task-due.dmn}): its key, input and output. */
public final class TcTaskDue {

    public static final String DECISION = "tc-task-due";
    public static final String TASK_KEY = "taskKey";
    public static final String DUE_WORKING_DAYS = "dueWorkingDays";

    private TcTaskDue() {
    }
}

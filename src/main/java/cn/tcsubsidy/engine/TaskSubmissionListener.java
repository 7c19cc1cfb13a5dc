package cn.tcsubsidy.engine;

import cn.tcsubsidy.engine.guard.ListValues;
import cn.tcsubsidy.engine.guard.Refusals;
import cn.tcsubsidy.engine.guard.SensitiveVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Bound to every user task's complete event; passes the submission to the handler registered for the task. Once
 * the handler has stored it, sensitive values (accounts, vouchers, ID numbers) leave the instance: the app's tables
 * keep them, the engine's variables and history never do.
 */
@Component("taskSubmissionListener")
public class TaskSubmissionListener implements TaskListener {

    private final Map<String, TaskSubmissionHandler> handlers;
    private final Actors actors;

    public TaskSubmissionListener(List<TaskSubmissionHandler> handlers, Actors actors) {
        this.handlers = handlers.stream().collect(Collectors.toMap(TaskSubmissionHandler::taskKey, Function.identity()));
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskSubmissionHandler handler = handlers.get(task.getTaskDefinitionKey());
        if (handler == null) {
            throw new IllegalStateException("no submission handler for task " + task.getTaskDefinitionKey());
        }
        Refusals.refusingBadInput(() -> {
            handler.submit(new TaskSubmissionHandler.Submission(rootProcessInstanceId(task), plainValues(task)),
                    actors.current());
            return null;
        });
        for (String name : task.getVariableNames()) {
            if (SensitiveVariables.isSensitive(name)) {
                task.removeVariable(name);
            }
        }
    }

    /**
     * The instance the task's project was registered for: the task's own, or, for a task of a called process (a
     * panel seat's), the instance at the root of the calls; the engine's, never a variable.
     */
    private static String rootProcessInstanceId(DelegateTask task) {
        if (task.getExecution() instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity e
                && e.getRootProcessInstanceId() != null) {
            return e.getRootProcessInstanceId();
        }
        return task.getProcessInstanceId();
    }

    /** The task's variables, a form's dynamic lists (Json variables) as plain lists of rows. */
    private static Map<String, Object> plainValues(DelegateTask task) {
        Map<String, Object> values = new HashMap<>(task.getVariables());
        for (String name : task.getVariableNames()) {
            Object rows = ListValues.plain(task.getVariableTyped(name, false));
            if (rows != null) {
                values.put(name, rows);
            }
        }
        return values;
    }
}

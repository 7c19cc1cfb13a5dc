package cn.tcsubsidy.engine;

import cn.tcsubsidy.shared.Actor;
import java.util.Map;

/**
 * What one user task's completion does in the domain: check the submitted values (again, on the server: the form's
 * own checks run only in the browser) and record the decision. Throwing refuses the completion; nothing is stored.
 */
public interface TaskSubmissionHandler {

    /** The BPMN id of the user task this handler serves. */
    String taskKey();

    /**
     * @param task the task being completed: its process instance (the engine's, never a variable) and its variables
     *             after the submission (form fields, filtered by the command guard, and the instance's ids)
     */
    void submit(Submission task, Actor actor);

    record Submission(String processInstanceId, Map<String, Object> variables) {
    }

    static TaskSubmissionHandler of(String taskKey, java.util.function.BiConsumer<Map<String, Object>, Actor> action) {
        return new TaskSubmissionHandler() {
            @Override
            public String taskKey() {
                return taskKey;
            }

            @Override
            public void submit(Submission task, Actor actor) {
                action.accept(task.variables(), actor);
            }
        };
    }
}

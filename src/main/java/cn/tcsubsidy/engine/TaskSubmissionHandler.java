package cn.tcsubsidy.engine;

import cn.tcsubsidy.project.process.ProjectVariables;
import cn.tcsubsidy.shared.Actor;
import java.util.Map;

/**
 * What one user task's completion does in the domain: check the submitted values (again, on the server: the form's
 * own checks run only in the browser) and record the decision. Throwing refuses the completion; nothing is stored.
 */
public interface TaskSubmissionHandler {

    /** The BPMN id of the user task this handler serves. */
    String taskKey();

    /** @param variables the task's variables after the submission (form values and the instance's ids) */
    void submit(Map<String, Object> variables, Actor actor);

    /** A decision on one project of process tc-project. */
    interface ProjectDecision {
        void submit(long projectId, Map<String, Object> values, Actor actor);
    }

    static TaskSubmissionHandler of(String taskKey, java.util.function.BiConsumer<Map<String, Object>, Actor> action) {
        return new TaskSubmissionHandler() {
            @Override
            public String taskKey() {
                return taskKey;
            }

            @Override
            public void submit(Map<String, Object> variables, Actor actor) {
                action.accept(variables, actor);
            }
        };
    }

    static TaskSubmissionHandler forProject(String taskKey, ProjectDecision decision) {
        return of(taskKey, (variables, actor) -> decision.submit(ProjectVariables.projectId(variables), variables, actor));
    }
}

package cn.tcsubsidy.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Tasklist shows the enterprise and project on each task card. With specific variable permissions on, a task's
 * candidates read the task's own variables only, not the whole instance's (which would show them every variable
 * of the project); so each user task gets a copy of the few card variables as task-local variables when created.
 */
public class TaskCardVariables extends AbstractBpmnParseListener {

    /**
     * The variables the Tasklist filters show on a card (IdentitySetup), and the project's id, which the forms' links
     * to the project's evidence (/api/projects/{id}/evidence) need; nothing sensitive.
     */
    public static final List<String> NAMES = List.of("enterpriseName", "projectName", "roundYear", "projectId");

    private static final TaskListener COPY = task -> {
        for (String name : NAMES) {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    };

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
        }
    }
}

package cn.tcsubsidy.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
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

    /*
     * The card variables are one definition each for every process that carries them (tc-project, tc-objection,
     * tc-annual-round refer to these), since the cards, the filters and the forms' links read them by these names.
     */
    public static final ProcessVariable<String> ENTERPRISE_NAME = ProcessVariable.text("enterpriseName");
    public static final ProcessVariable<String> PROJECT_NAME = ProcessVariable.text("projectName");
    public static final ProcessVariable<Integer> ROUND_YEAR = ProcessVariable.wholeNumber("roundYear");
    public static final ProcessVariable<Long> PROJECT_ID = ProcessVariable.id("projectId");

    /**
     * The variables the Tasklist filters show on a card (IdentitySetup), and the project's id, which the forms' links
     * to the project's evidence (/api/projects/{id}/evidence) need; nothing sensitive.
     */
    public static final List<ProcessVariable<?>> CARD = List.of(ENTERPRISE_NAME, PROJECT_NAME, ROUND_YEAR, PROJECT_ID);

    private static final TaskListener COPY = task -> {
        for (ProcessVariable<?> card : CARD) {
            copy(task, card);
        }
    };

    private static <T> void copy(DelegateTask task, ProcessVariable<T> card) {
        card.find(task).ifPresent(value -> card.setLocal(task, value));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
        }
    }
}

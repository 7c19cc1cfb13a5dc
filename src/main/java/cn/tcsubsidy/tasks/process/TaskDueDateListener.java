package cn.tcsubsidy.tasks.process;

import cn.tcsubsidy.tasks.domain.TaskDueDates;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationContext;

/**
 * Dates every user task its model does not date ({@code camunda:dueDate} absent) from the jurisdiction's
 * {@code tc-task-due} when it is created. A built-in listener, so a caller skipping the custom listeners does not
 * leave a task undated (it is no guard: the reminders and escalation read the date). A task without a tenant (none
 * of the app's models) stays undated; the table's empty cell leaves a task undated too.
 */
public class TaskDueDateListener extends AbstractBpmnParseListener {

    private final ApplicationContext context;

    public TaskDueDateListener(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior
                && behavior.getTaskDefinition().getDueDateExpression() == null) {
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this::created);
        }
    }

    private void created(DelegateTask task) {
        if (task.getDueDate() != null || task.getTenantId() == null) {
            return;
        }
        context.getBean(TaskDueDates.class).dueAt(task.getTenantId(), task.getTaskDefinitionKey())
                .ifPresent(at -> task.setDueDate(Date.from(at)));
    }
}

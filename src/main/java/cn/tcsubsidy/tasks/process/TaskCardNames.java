package cn.tcsubsidy.tasks.process;

import cn.tcsubsidy.engine.TaskCardVariables;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.tasks.domain.TaskCards;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationContext;

/**
 * Names every user task after its project when it is created ({@link TaskCards}): the project of the task's root
 * instance as the system recorded it (table project), not a variable a caller sent. A round's task (no project) gets
 * the round's year. A built-in listener, so skipping custom listeners does not leave a card nameless.
 */
public class TaskCardNames extends AbstractBpmnParseListener {

    private final ApplicationContext context;

    public TaskCardNames(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this::created);
        }
    }

    /**
     * A process the system starts on its own for a project (tc-objection) carries the project's id; the command guard
     * keeps callers from sending it (a system variable).
     */
    private static Optional<Long> systemProjectId(DelegateTask task) {
        return TaskCardVariables.PROJECT_ID.find(task);
    }

    private void created(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        if (execution == null) {
            return;
        }
        ProjectRepository projects = context.getBean(ProjectRepository.class);
        Optional<Project> project = projects.findIdByProcessInstance(execution.getRootProcessInstanceId())
                .or(() -> systemProjectId(task)).flatMap(projects::find);
        if (project.isPresent()) {
            Project p = project.get();
            String unit = context.getBean(JurisdictionDirectory.class).unit(p.jurisdiction(), p.unitCode())
                    .map(RecommendingUnit::name).orElse(p.unitCode());
            task.setName(TaskCards.name(task.getName(), p.projectName(), p.enterpriseName(), unit));
        } else {
            TaskCardVariables.ROUND_YEAR.find(task).ifPresent(year -> task.setName(TaskCards.roundName(task.getName(), year)));
        }
    }
}

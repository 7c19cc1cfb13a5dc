package cn.tcsubsidy.project.process;

import cn.tcsubsidy.engine.TaskSubmissionHandler;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.Actor;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Handlers of tc-project's user tasks. The project a submission decides on is the one its task's process instance
 * was registered for, looked up in the project table: never an id read from the submission's variables.
 */
@Component
public class ProjectTaskHandlers {

    /** A decision on one project of process tc-project. */
    public interface ProjectDecision {
        void submit(long projectId, Map<String, Object> values, Actor actor);
    }

    private final ProjectRepository projects;

    public ProjectTaskHandlers(ProjectRepository projects) {
        this.projects = projects;
    }

    public TaskSubmissionHandler forProject(String taskKey, ProjectDecision decision) {
        return new TaskSubmissionHandler() {
            @Override
            public String taskKey() {
                return taskKey;
            }

            @Override
            public void submit(Submission task, Actor actor) {
                long projectId = projects.findIdByProcessInstance(task.processInstanceId()).orElseThrow(() ->
                        new IllegalStateException("no project registered for process instance " + task.processInstanceId()));
                decision.submit(projectId, task.variables(), actor);
            }
        };
    }
}

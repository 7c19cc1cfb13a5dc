package cn.tcsubsidy.project.domain;

import cn.tcsubsidy.shared.Actor;
import org.springframework.stereotype.Service;

/** Closing a project that did not pass a stage: the stage's decision recorded the reason; this ends the file. */
@Service
public class ProjectLifecycle {

    private final ProjectRepository projects;
    private final ProjectHistory history;

    public ProjectLifecycle(ProjectRepository projects, ProjectHistory history) {
        this.projects = projects;
        this.history = history;
    }

    public void closeRejected(long projectId) {
        Project p = projects.get(projectId);
        if (p.stage() != Stage.REJECTED) {
            throw new IllegalStateException("project " + projectId + " is " + p.stage() + ", not rejected");
        }
        history.record(projectId, Stage.REJECTED, "CLOSED_REJECTED", Actor.SYSTEM, "项目终止,原因:" + p.rejectionReason());
    }
}

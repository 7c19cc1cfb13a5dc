package cn.tcsubsidy.project.domain;

import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.StepRefusedException;
import org.springframework.stereotype.Service;

/** Closing a project that did not pass a stage: the stage's decision recorded the reason; this ends the file. */
@Service
public class ProjectLifecycle {

    static final String CLOSED_REJECTED = "CLOSED_REJECTED";
    /** Recorded by the objection feature when the bureau adds a rejected project in the place of a cancelled award. */
    public static final String SUPPLEMENT_ADDED = "SUPPLEMENT_ADDED";

    private final StageGuard guard;
    private final ProjectHistory history;

    public ProjectLifecycle(StageGuard guard, ProjectHistory history) {
        this.guard = guard;
        this.history = history;
    }

    public void closeRejected(long projectId) {
        Project p = guard.require(projectId, "终止项目并记录原因", Stage.REJECTED);
        java.util.List<ProjectEvent> events = history.of(projectId);
        // A project taken back after an upheld objection elsewhere (递补, SUPPLEMENT_ADDED) may be closed once more.
        int reinstated = 0;
        for (int i = 0; i < events.size(); i++) {
            if (SUPPLEMENT_ADDED.equals(events.get(i).action())) {
                reinstated = i + 1;
            }
        }
        if (events.subList(reinstated, events.size()).stream().anyMatch(e -> CLOSED_REJECTED.equals(e.action()))) {
            throw new StepRefusedException("项目 " + projectId + " 已经终止,不能再次终止");
        }
        history.record(projectId, Stage.REJECTED, CLOSED_REJECTED, Actor.SYSTEM, "项目终止,原因:" + p.rejectionReason());
    }
}

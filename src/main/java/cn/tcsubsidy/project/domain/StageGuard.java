package cn.tcsubsidy.project.domain;

import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/** Locks a project for a stage's decision and checks it stands where the decision belongs and the actor may act. */
@Component
public class StageGuard {

    private final ProjectRepository projects;

    public StageGuard(ProjectRepository projects) {
        this.projects = projects;
    }

    public Project enter(long projectId, Actor actor, Stage... expected) {
        Project p = projects.lock(projectId);
        actor.requireJurisdiction(p.jurisdiction());
        if (Arrays.stream(expected).noneMatch(s -> s == p.stage())) {
            throw new ValidationException("stage", "项目当前处于「" + p.stage().label() + "」阶段,不能办理此事项");
        }
        return p;
    }
}

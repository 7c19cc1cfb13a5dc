package cn.tcsubsidy.project.domain;

import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Locks a project for a stage's decision or step and checks it stands where that decision or step belongs. A user's
 * decision ({@link #enter}) is refused as bad input; a system step ({@link #require}) that finds the project
 * elsewhere fails: whatever started it (a caller starting a process in the middle, a stray message) is not the
 * process the record follows, and the project must not move.
 */
@Component
public class StageGuard {

    private final ProjectRepository projects;

    public StageGuard(ProjectRepository projects) {
        this.projects = projects;
    }

    public Project enter(long projectId, Actor actor, Stage... expected) {
        Project p = projects.lock(projectId);
        actor.requireJurisdiction(p.jurisdiction());
        if (!isIn(p, expected)) {
            throw new ValidationException("stage", "项目当前处于「" + p.stage().label() + "」阶段,不能办理此事项");
        }
        return p;
    }

    /** @param step what the system is about to do, as Cockpit's incident shows it */
    public Project require(long projectId, String step, Stage... expected) {
        Project p = projects.lock(projectId);
        if (!isIn(p, expected)) {
            throw new StepRefusedException("项目 " + projectId + " 当前处于「" + p.stage().label() + "」(" + p.stage()
                    + "),不能执行「" + step + "」:该步骤要求项目处于" + Arrays.stream(expected)
                    .map(s -> "「" + s.label() + "」(" + s + ")").collect(Collectors.joining("或")));
        }
        return p;
    }

    private static boolean isIn(Project p, Stage... expected) {
        return Arrays.stream(expected).anyMatch(s -> s == p.stage());
    }
}

package cn.tcsubsidy.objection.domain;

import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import org.springframework.stereotype.Service;

/**
 * The outcome of a project's notice once it is over, from its objections: none, or all dismissed, and the payment
 * proceeds; one upheld, and the project is rejected (its award was cancelled when the objection was upheld); one still
 * under investigation, and the project waits for it. The project's row lock serialises this check with the filing
 * and the decision of objections, so the last decision always finds the project waiting, or the check finds it done.
 */
@Service
public class NoticeOutcome {

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final ObjectionService objections;

    public NoticeOutcome(StageGuard guard, ProjectRepository projects, ProjectHistory history, ObjectionService objections) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.objections = objections;
    }

    public ObjectionService.Standing settle(long projectId) {
        guard.require(projectId, "核对公示期异议", Stage.NOTICE_OUTCOME);
        ObjectionService.Standing s = objections.standing(projectId);
        switch (s) {
            case OPEN -> history.record(projectId, Stage.NOTICE_OUTCOME, "NOTICE_HELD", Actor.SYSTEM,
                    "公示期满,尚有异议在核查,暂缓拨付");
            case UPHELD -> {
                String reason = objections.upheldReason(projectId);
                projects.reject(projectId, reason);
                history.record(projectId, Stage.NOTICE_OUTCOME, "NOTICE_FAILED", Actor.SYSTEM, reason);
            }
            case DISMISSED, NONE -> {
                projects.setStage(projectId, Stage.PAYMENT);
                history.record(projectId, Stage.NOTICE_OUTCOME, "NOTICE_PASSED", Actor.SYSTEM,
                        s == ObjectionService.Standing.NONE ? "公示期满无异议" : "公示期满,异议经核查不成立");
            }
        }
        return s;
    }
}

package cn.tcsubsidy.review.domain;

import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;

/** Expert review (专家评审): the panel's conclusion recorded on the project, and the round closing the review. */
@Service
public class ReviewService {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;

    public ReviewService(StageGuard guard, ProjectRepository projects, ProjectHistory history) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
    }

    /**
     * The panel concluded (评审小组结论): its final score goes to the project (the score the award tables and the
     * budget ranking read); a project that passed waits for the round to close the review, one that failed ends.
     */
    public void concluded(long projectId, BigDecimal finalScore, boolean passed, String summary) {
        guard.require(projectId, "评审小组结论", Stage.EXPERT_REVIEW);
        projects.setExpertScore(projectId, finalScore);
        if (passed) {
            projects.setStage(projectId, Stage.REVIEWED);
            history.record(projectId, Stage.EXPERT_REVIEW, "REVIEW_PASSED", Actor.SYSTEM, "专家评审通过:" + summary);
        } else {
            String reason = "专家评审未通过:" + summary;
            projects.reject(projectId, reason);
            history.record(projectId, Stage.EXPERT_REVIEW, "REVIEW_FAILED", Actor.SYSTEM, reason);
        }
    }

    /** The bureau closed the round's review: the project goes to the award decision. */
    public void reviewClosed(long projectId) {
        guard.require(projectId, "评审汇总,进入拟扶持审定", Stage.REVIEWED);
        projects.setStage(projectId, Stage.AWARD_DECISION);
        history.record(projectId, Stage.AWARD_DECISION, "REVIEW_CLOSED", Actor.SYSTEM, "评审汇总完成,进入拟扶持审定");
    }
}

package cn.tcsubsidy.review.domain;

import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Expert review (专家评审): a score from 0 to 100, a conclusion and an opinion. */
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

    public void review(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal score = f.bounded("expertScore", "评审得分", true, BigDecimal.ZERO, BigDecimal.valueOf(100));
        String conclusion = f.choice("reviewConclusion", "评审结论", Set.of(PASS, FAIL), true);
        String opinion = f.text("reviewOpinion", "评审意见", true, 2000);
        f.throwIfInvalid();
        guard.enter(projectId, actor, Stage.EXPERT_REVIEW);
        projects.setExpertScore(projectId, score);
        if (PASS.equals(conclusion)) {
            projects.setStage(projectId, Stage.REVIEWED);
            history.record(projectId, Stage.EXPERT_REVIEW, "REVIEW_PASSED", actor.userId(),
                    "专家评审通过,得分 " + score.toPlainString() + ":" + opinion);
        } else {
            String reason = "专家评审未通过(得分 " + score.toPlainString() + "):" + opinion;
            projects.reject(projectId, reason);
            history.record(projectId, Stage.EXPERT_REVIEW, "REVIEW_FAILED", actor.userId(), reason);
        }
    }

    /** The bureau closed the round's review: the project goes to the award decision. */
    public void reviewClosed(long projectId) {
        guard.require(projectId, "评审汇总,进入拟扶持审定", Stage.REVIEWED);
        projects.setStage(projectId, Stage.AWARD_DECISION);
        history.record(projectId, Stage.AWARD_DECISION, "REVIEW_CLOSED", Actor.SYSTEM, "评审汇总完成,进入拟扶持审定");
    }
}

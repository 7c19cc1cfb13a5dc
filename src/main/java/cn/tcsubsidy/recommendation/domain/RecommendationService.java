package cn.tcsubsidy.recommendation.domain;

import cn.tcsubsidy.correction.domain.CorrectionService;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.StepRefusedException;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The town's recommendation (组织推荐): it judges investment, technology, economic and social benefit, and vouches for
 * the project's authenticity (真实性) and the completeness of its formalities (手续完整性).
 */
@Service
public class RecommendationService {

    public static final String RECOMMEND = "RECOMMEND";
    public static final String REJECT = "REJECT";
    /** Returned to the enterprise for correction (退回补正): it comes back to the town's task once corrected. */
    public static final String CORRECT = "CORRECT";

    /** review_round.status while towns may still recommend (round/domain's RoundStatus.RECOMMENDATION). */
    private static final String RECOMMENDATION_OPEN = "RECOMMENDATION";

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final JdbcClient jdbc;
    private final CorrectionService corrections;

    public RecommendationService(StageGuard guard, ProjectRepository projects, ProjectHistory history, JdbcClient jdbc,
                                 CorrectionService corrections) {
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.jdbc = jdbc;
        this.corrections = corrections;
    }

    public void recommend(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String decision = f.choice("recommendationDecision", "推荐意见", Set.of(RECOMMEND, REJECT, CORRECT), true);
        String points = f.text("correctionPoints", "需企业补正的内容", CORRECT.equals(decision), CorrectionService.MAX_POINTS);
        String opinion = f.text("recommendationOpinion", "审核意见", true, 2000);
        String investment = f.text("investmentAssessment", "投资情况", true, 2000);
        String technology = f.text("technologyAssessment", "技术水平", true, 2000);
        String benefit = f.text("benefitAssessment", "经济效益与社会效益", true, 2000);
        if (RECOMMEND.equals(decision)) {
            if (!f.bool("authenticityConfirmed")) {
                f.reject("authenticityConfirmed", "推荐前须核实项目真实性");
            }
            if (!f.bool("formalitiesComplete")) {
                f.reject("formalitiesComplete", "推荐前须核实项目手续完整性");
            }
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.RECOMMENDATION);
        if (CORRECT.equals(decision)) {
            corrections.request(p, Stage.RECOMMENDATION, points, actor);
        } else if (RECOMMEND.equals(decision)) {
            projects.setStage(projectId, Stage.EXPERT_REVIEW);
            history.record(projectId, Stage.RECOMMENDATION, "RECOMMENDED", actor.userId(),
                    "镇街推荐:" + opinion + "(投资:" + investment + ";技术:" + technology + ";效益:" + benefit + ")");
        } else {
            String reason = "镇街不予推荐:" + opinion;
            projects.reject(projectId, reason);
            history.record(projectId, Stage.RECOMMENDATION, "NOT_RECOMMENDED", actor.userId(), reason);
        }
    }

    /** The round opened recommendation for this project, completed and in the pool. */
    public void opened(long projectId, long roundId, int roundYear) {
        guard.require(projectId, "启动年度推荐", Stage.COMPLETED);
        projects.setRound(projectId, roundId);
        projects.setStage(projectId, Stage.RECOMMENDATION);
        history.record(projectId, Stage.RECOMMENDATION, "RECOMMENDATION_OPENED", Actor.SYSTEM,
                roundYear + " 年度推荐启动,待镇街审核推荐");
    }

    /**
     * Recommendation closed before the town acted: the project stays in the pool for the next round. Only once its
     * round has closed recommendation: before, the town still has time.
     */
    public void notRecommendedInTime(long projectId) {
        Project p = guard.require(projectId, "本轮未推荐,留库待下轮", Stage.RECOMMENDATION);
        corrections.withdrawIfOpen(projectId, "推荐截止时企业尚未补正,项目留库,参加下一轮推荐");
        String roundStatus = p.roundId() == null ? null : jdbc.sql("select status from review_round where id = :r")
                .param("r", p.roundId()).query(String.class).optional().orElse(null);
        if (roundStatus == null || RECOMMENDATION_OPEN.equals(roundStatus)) {
            throw new StepRefusedException("项目 " + projectId + " 所在评审轮次 " + p.roundId() + " 尚未截止推荐,不能留库待下轮");
        }
        projects.setRound(projectId, null);
        projects.setStage(projectId, Stage.COMPLETED);
        history.record(projectId, Stage.COMPLETED, "NOT_RECOMMENDED_IN_TIME", Actor.SYSTEM,
                "推荐截止前镇街未推荐,项目留库,参加下一轮推荐");
    }
}

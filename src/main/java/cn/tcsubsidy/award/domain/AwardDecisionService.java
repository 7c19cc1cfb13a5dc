package cn.tcsubsidy.award.domain;

import cn.tcsubsidy.correction.domain.CorrectionService;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The bureau's decision on the proposed award (拟扶持金额) of a reviewed project. */
@Service
public class AwardDecisionService {

    public static final String PROPOSE = "PROPOSE";
    public static final String REJECT = "REJECT";
    /** Returned to the enterprise for correction (退回补正); once corrected the award is quoted again. */
    public static final String CORRECT = "CORRECT";

    private final StageGuard guard;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final AwardCases cases;
    private final BudgetLineService budgetLine;
    private final CorrectionService corrections;

    public AwardDecisionService(StageGuard guard, ProjectRepository projects, ProjectHistory history, AwardCases cases,
                                BudgetLineService budgetLine, CorrectionService corrections) {
        this.corrections = corrections;
        this.guard = guard;
        this.projects = projects;
        this.history = history;
        this.cases = cases;
        this.budgetLine = budgetLine;
    }

    /**
     * Lists the project (PROPOSE, the proposed amount reserved in the ledger within the quote) or refuses it. A
     * project the budget ranking left outside the line is listed only with a written reason to move it in
     * ({@code lineMoveReason}), under the rules of a move ({@link BudgetLineService#crossIfOutside}).
     */
    public void decide(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String decision = f.choice("awardDecision", "审定结论", Set.of(PROPOSE, REJECT, CORRECT), true);
        String points = f.text("correctionPoints", "需企业补正的内容", CORRECT.equals(decision), CorrectionService.MAX_POINTS);
        BigDecimal amount = f.money("proposedAmount", "拟扶持金额", PROPOSE.equals(decision));
        String opinion = f.text("awardOpinion", "审定意见", true, 2000);
        String override = f.text("annualLimitOverride", "不适用每年一个项目限制的理由", false, 1000);
        String lineMoveReason = f.text("lineMoveReason", "调入预算线内的理由", false, BudgetLineRules.MAX_REASON);
        if (PROPOSE.equals(decision) && amount != null && amount.signum() == 0) {
            f.reject("proposedAmount", "列入拟扶持名单的项目,拟扶持金额应大于 0");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.AWARD_DECISION);
        if (CORRECT.equals(decision)) {
            corrections.request(p, Stage.AWARD_DECISION, points, actor);
        } else if (PROPOSE.equals(decision)) {
            budgetLine.crossIfOutside(p, amount, lineMoveReason, actor);
            AwardCases.Reserved r = cases.reserve(p, amount, override, actor);
            BigDecimal granted = r.granted();
            projects.setProposedAmount(projectId, granted);
            projects.setStage(projectId, Stage.AWAITING_NOTICE);
            history.record(projectId, Stage.AWARD_DECISION, "AWARD_PROPOSED", actor.userId(),
                    "列入拟扶持名单,拟扶持金额 " + Money.format(granted) + ":" + opinion + ";" + r.note());
        } else {
            String reason = "工信局审定不予扶持:" + opinion;
            projects.reject(projectId, reason);
            history.record(projectId, Stage.AWARD_DECISION, "AWARD_REFUSED", actor.userId(), reason);
        }
    }
}

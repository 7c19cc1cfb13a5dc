package cn.tcsubsidy.round.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.project.api.ProjectAccess;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.round.domain.Round;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.round.domain.RoundStepAnswers;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which projects of a round have answered the step it waits for, for the bureau, the process owner and the auditor. */
@RestController
@RequestMapping("/api/rounds")
public class RoundAnswersController {

    private final RoundService rounds;
    private final RoundStepAnswers answers;
    private final ProjectAccess projects;

    public RoundAnswersController(RoundService rounds, RoundStepAnswers answers, ProjectAccess projects) {
        this.rounds = rounds;
        this.answers = answers;
        this.projects = projects;
    }

    public record AnswerView(long projectId, String enterpriseName, String projectName, RoundStepAnswers.Status status,
                             LocalDateTime answeredAt, String note) {
    }

    /** One step's count of answers by status. */
    public record StepSummary(String step, String label, long pending, long done, long skipped) {
    }

    public record AnswersView(long roundId, String step, long pending, List<AnswerView> answers, List<StepSummary> steps) {
    }

    /**
     * The answers of one step ({@code step}, default the award quote the round waits for), and every step's counts.
     */
    @GetMapping("/{id}/answers")
    public AnswersView answers(@PathVariable long id,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) String step,
                               @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Round round = rounds.get(id);
        String j = round.jurisdiction();
        if (!actor.isAdmin() && !(actor.mayActIn(j) && (actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.owner(j))
                || actor.inGroup(Roles.auditor(j))))) {
            // Another jurisdiction's round, or a role that does not follow rounds: as if there were none.
            throw new NotFoundException("评审轮次不存在:" + id);
        }
        String asked = step == null ? RoundStepAnswers.QUOTE_AWARD : step;
        if (!RoundStepAnswers.STEPS.containsKey(asked)) {
            throw new cn.tcsubsidy.shared.ValidationException("step", "未知的轮次步骤:" + asked + ",可选 "
                    + String.join("、", RoundStepAnswers.STEPS.keySet()));
        }
        List<AnswerView> list = answers.list(id, asked).stream().map(a -> {
            Project p = projects.require(a.projectId());
            return new AnswerView(a.projectId(), p.enterpriseName(), p.projectName(), a.status(), a.answeredAt(), a.note());
        }).toList();
        List<StepSummary> steps = RoundStepAnswers.STEPS.entrySet().stream().map(e -> {
            List<RoundStepAnswers.Answer> all = answers.list(id, e.getKey());
            return new StepSummary(e.getKey(), e.getValue(), count(all, RoundStepAnswers.Status.PENDING),
                    count(all, RoundStepAnswers.Status.DONE), count(all, RoundStepAnswers.Status.SKIPPED));
        }).toList();
        return new AnswersView(id, asked,
                list.stream().filter(a -> a.status() == RoundStepAnswers.Status.PENDING).count(), list, steps);
    }

    private static long count(List<RoundStepAnswers.Answer> answers, RoundStepAnswers.Status status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }
}

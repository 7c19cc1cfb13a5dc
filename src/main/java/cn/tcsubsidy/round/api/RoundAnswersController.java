package cn.tcsubsidy.round.api;

import cn.tcsubsidy.identity.ApiAuthenticationFilter;
import cn.tcsubsidy.identity.Roles;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.round.domain.Round;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.round.domain.RoundStepAnswers;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which projects of a round have answered the step it waits for, for the bureau and the process owner. */
@RestController
@RequestMapping("/api/rounds")
public class RoundAnswersController {

    private final RoundService rounds;
    private final RoundStepAnswers answers;
    private final ProjectRepository projects;

    public RoundAnswersController(RoundService rounds, RoundStepAnswers answers, ProjectRepository projects) {
        this.rounds = rounds;
        this.answers = answers;
        this.projects = projects;
    }

    public record AnswerView(long projectId, String enterpriseName, String projectName, RoundStepAnswers.Status status,
                             LocalDateTime answeredAt, String note) {
    }

    public record AnswersView(long roundId, String step, long pending, List<AnswerView> answers) {
    }

    @GetMapping("/{id}/answers")
    public AnswersView answers(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.ACTOR) Actor actor) {
        Round round = rounds.get(id);
        String j = round.jurisdiction();
        if (!actor.isAdmin() && !(actor.mayActIn(j) && (actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.owner(j))))) {
            // Another jurisdiction's round, or a role that does not follow rounds: as if there were none.
            throw new NotFoundException("评审轮次不存在:" + id);
        }
        List<AnswerView> list = answers.list(id, RoundStepAnswers.QUOTE_AWARD).stream().map(a -> {
            Project p = projects.get(a.projectId());
            return new AnswerView(a.projectId(), p.enterpriseName(), p.projectName(), a.status(), a.answeredAt(), a.note());
        }).toList();
        return new AnswersView(id, RoundStepAnswers.QUOTE_AWARD,
                list.stream().filter(a -> a.status() == RoundStepAnswers.Status.PENDING).count(), list);
    }
}

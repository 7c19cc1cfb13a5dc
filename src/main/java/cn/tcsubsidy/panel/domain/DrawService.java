package cn.tcsubsidy.panel.domain;

import cn.tcsubsidy.jurisdiction.AwardCategories;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.round.domain.Round;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The random draw (随机抽取) of a project's review panel with recusal (回避), recorded so that it can be audited and
 * replayed: the seed (from {@link SecureRandom}) and the ordered candidates are written first, then the panel computed
 * from them alone ({@link PanelDraw}), in one transaction. A refused draw stores nothing. A draw in force is
 * replaced only by {@link #redraw} with a reason; the earlier one stays, superseded.
 */
@Service
@Transactional
public class DrawService {

    private final DrawRecords draws;
    private final PoolMemberRecords pool;
    private final ProjectRepository projects;
    private final RoundService rounds;
    private final Seats seats;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DrawService(DrawRecords draws, PoolMemberRecords pool, ProjectRepository projects, RoundService rounds,
                       Seats seats, Clock clock) {
        this.draws = draws;
        this.seats = seats;
        this.pool = pool;
        this.projects = projects;
        this.rounds = rounds;
        this.clock = clock;
    }

    /**
     * Draws the panel of a project of the round by {@code rule}; refused if the project already has a draw in force
     * (a re-draw goes through {@link #redraw}). {@code reason} is optional here.
     */
    public DrawRecord draw(long roundId, long projectId, PanelRule rule, Actor actor, String reason) {
        Round round = rounds.get(roundId);
        requireDrawer(round.jurisdiction(), actor);
        Project p = projectOfRound(round, projectId);
        draws.current(roundId, projectId).ifPresent(d -> {
            throw new StepRefusedException("项目 " + projectId + " 在本轮已抽取评审小组(抽取记录 " + d.id()
                    + "),重新抽取须说明原因");
        });
        return record(round, p, rule, actor, reason(reason, false));
    }

    private static String reason(String reason, boolean required) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("reason", reason);
        FormValues f = new FormValues(values);
        String text = f.text("reason", required ? "重新抽取原因" : "抽取说明", required, 1000);
        f.throwIfInvalid();
        return text;
    }

    /** Draws again for the project of {@code drawId} with a required {@code reason}; the earlier draw is superseded. */
    public DrawRecord redraw(long drawId, PanelRule rule, Actor actor, String reason) {
        DrawRecord old = draws.find(drawId).orElseThrow(() -> new NotFoundException("抽取记录不存在:" + drawId));
        Round round = rounds.get(old.roundId());
        requireDrawer(round.jurisdiction(), actor);
        String why = reason(reason, true);
        Project p = projectOfRound(round, old.projectId());
        DrawRecord current = draws.current(old.roundId(), old.projectId()).orElse(null);
        if (current == null || current.id() != drawId) {
            throw new StepRefusedException("抽取记录 " + drawId + " 已被后来的抽取取代,不能据此重新抽取");
        }
        if (!seats.ofProject(old.roundId(), old.projectId()).isEmpty()) {
            throw new StepRefusedException("项目 " + old.projectId() + " 的评审小组已开始评审,不能整体重新抽取:"
                    + "成员回避或逾期时由候补递补,候补用尽时在评审流程中补充抽取");
        }
        DrawRecord drawn = record(round, p, rule, actor, why);
        draws.supersede(drawId, drawn.id(), LocalDateTime.now(clock));
        return draws.find(drawn.id()).orElseThrow();
    }

    /** The panel and reserves computed again from the draw's recorded seed, candidates and rule. */
    @Transactional(readOnly = true)
    public PanelDraw.Result replay(long drawId) {
        DrawRecord d = draws.find(drawId).orElseThrow(() -> new NotFoundException("抽取记录不存在:" + drawId));
        return PanelDraw.pick(d.seed(), d.candidates(), d.rule());
    }

    /**
     * The round's draws, superseded ones included, for the round's bureau, its process owner, its auditor and the
     * administrator; anyone else is told there is no such round.
     */
    @Transactional(readOnly = true)
    public List<DrawRecord> ofRound(long roundId, Actor actor) {
        Round round = rounds.get(roundId);
        String j = round.jurisdiction();
        if (!actor.isAdmin() && !(actor.mayActIn(j) && (actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.owner(j))
                || actor.inGroup(Roles.auditor(j))))) {
            throw new NotFoundException("评审轮次不存在:" + roundId);
        }
        return draws.ofRound(roundId);
    }

    /**
     * Why the project's panel cannot be drawn by {@code rule} from today's pool (which kind or field is short), or
     * empty when it can; reads only, throws nothing, so a step can ask before it draws.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ValidationException> shortage(long roundId, long projectId, PanelRule rule) {
        Round round = rounds.get(roundId);
        Project p = projects.get(projectId);
        try {
            PanelDraw.requireEnough(screen(round.jurisdiction(), p).candidates(), rule, p.category(),
                    categoryName(round.jurisdiction(), p.category()));
            return java.util.Optional.empty();
        } catch (ValidationException e) {
            return java.util.Optional.of(e);
        }
    }

    /**
     * More reserves for a project whose reserves ran out (补充抽取), recorded like a draw (seed, candidates, who
     * stepped aside, the bureau's reason) with purpose {@link DrawRecord#SUPPLEMENT}: {@code rule} says how many and
     * of which kinds; members already drawn for the project ({@code alreadyDrawn}, user ids) are not candidates.
     * Refused, storing nothing, when the pool is short.
     */
    public DrawRecord supplement(long roundId, long projectId, PanelRule rule, java.util.Set<String> alreadyDrawn,
                                 Actor actor, String reason) {
        Round round = rounds.get(roundId);
        requireDrawer(round.jurisdiction(), actor);
        String why = reason(reason, true);
        Project p = projectOfRound(round, projectId);
        Recusal.Screened all = screen(round.jurisdiction(), p);
        List<Candidate> fresh = all.candidates().stream().filter(c -> !alreadyDrawn.contains(c.userId())).toList();
        PanelDraw.requireEnough(fresh, rule, p.category(), categoryName(round.jurisdiction(), p.category()));
        long seed = random.nextLong();
        long id = draws.open(new DrawRecords.Opened(round.id(), p.id(), round.jurisdiction(), p.category(),
                p.creditCode(), actor.userId(), LocalDateTime.now(clock), seed, rule, why, DrawRecord.SUPPLEMENT),
                fresh, all.excluded());
        draws.close(id, PanelDraw.pick(seed, fresh, rule));
        return draws.find(id).orElseThrow();
    }

    private Recusal.Screened screen(String jurisdiction, Project p) {
        return Recusal.screen(pool.of(jurisdiction), p.category(), p.creditCode(), LocalDate.now(clock),
                pool.tieLookbackYears(jurisdiction));
    }

    private static String categoryName(String jurisdiction, String category) {
        return AwardCategories.of(jurisdiction).getOrDefault(category, category);
    }

    private DrawRecord record(Round round, Project p, PanelRule rule, Actor actor, String reason) {
        String j = round.jurisdiction();
        Recusal.Screened screened = screen(j, p);
        PanelDraw.requireEnough(screened.candidates(), rule, p.category(), categoryName(j, p.category()));
        long seed = random.nextLong();
        long id = draws.open(new DrawRecords.Opened(round.id(), p.id(), j, p.category(), p.creditCode(), actor.userId(),
                LocalDateTime.now(clock), seed, rule, reason), screened.candidates(), screened.excluded());
        draws.close(id, PanelDraw.pick(seed, screened.candidates(), rule));
        return draws.find(id).orElseThrow();
    }

    private Project projectOfRound(Round round, long projectId) {
        Project p = projects.lock(projectId);
        if (!round.jurisdiction().equals(p.jurisdiction()) || p.roundId() == null || p.roundId() != round.id()) {
            throw new ValidationException(List.of(new FieldError("projectId", "项目 " + projectId + " 不在评审轮次 "
                    + round.id() + " 中")));
        }
        return p;
    }

    /** The system (the review's step), the jurisdiction's bureau and the administrator draw. */
    private static void requireDrawer(String jurisdiction, Actor actor) {
        if (!(actor.isSystem() || actor.isAdmin()
                || (actor.mayActIn(jurisdiction) && actor.inGroup(Roles.bureau(jurisdiction))))) {
            throw new AccessDeniedException("用户 " + actor.userId() + " 无权抽取辖区 " + jurisdiction + " 的评审小组");
        }
    }
}

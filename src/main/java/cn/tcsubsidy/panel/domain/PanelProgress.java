package cn.tcsubsidy.panel.domain;

import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.round.domain.Round;
import cn.tcsubsidy.round.domain.RoundService;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the bureau, the process owner, the auditor and the administrator see of a round's panels: who sits on each
 * seat, who has scored and who is late — and, only once the panel has closed (its outcome recorded), the scores. Anyone else is
 * told there is no such round: panel members' names never reach the enterprise, the town or other members.
 */
@Service
@Transactional(readOnly = true)
public class PanelProgress {

    public record SeatView(int seatNo, String memberUserId, String memberName, MemberKind kind, String kindLabel,
                           Seat.Status status, String statusLabel, LocalDateTime assignedAt, LocalDateTime dueAt,
                           boolean overdue, LocalDateTime endedAt, String endReason) {
    }

    public record SheetView(String memberUserId, BigDecimal weightedTotal, Opinion opinion, Map<String, BigDecimal> scores,
                            String comment) {
    }

    public record OutcomeView(BigDecimal aggregateScore, Map<String, BigDecimal> breakdown, BigDecimal spread,
                              boolean needsConsensus, BigDecimal agreedScore, String agreedReason, BigDecimal finalScore,
                              List<String> droppedMembers, long recommend, long notRecommend) {
    }

    /** One project's panel; {@code outcome} and {@code sheets} are null until the panel closes. */
    public record PanelView(long roundId, long projectId, String projectName, boolean closed, List<SeatView> seats,
                            int submitted, int overdue, OutcomeView outcome, List<SheetView> sheets) {
    }

    /** The round's panels at a glance: per project, seats scored and late. */
    public record Summary(long projectId, String projectName, int seats, int submitted, int overdue, boolean closed) {
    }

    private final RoundService rounds;
    private final ProjectRepository projects;
    private final Seats seats;
    private final Scores scores;
    private final Clock clock;

    public PanelProgress(RoundService rounds, ProjectRepository projects, Seats seats, Scores scores, Clock clock) {
        this.rounds = rounds;
        this.projects = projects;
        this.seats = seats;
        this.scores = scores;
        this.clock = clock;
    }

    public PanelView of(long roundId, long projectId, Actor actor) {
        Round round = readable(roundId, actor);
        Project p = projects.find(projectId).filter(x -> x.roundId() != null && x.roundId() == round.id())
                .orElseThrow(() -> new NotFoundException("评审轮次 " + roundId + " 中没有项目 " + projectId));
        List<Seat> rows = seats.ofProject(roundId, projectId);
        if (rows.isEmpty()) {
            throw new NotFoundException("项目 " + projectId + " 尚未抽取评审小组");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<SeatView> views = rows.stream().map(s -> new SeatView(s.seatNo(), s.memberUserId(), s.memberName(),
                s.kind(), s.kind().label(), s.status(), s.status().label(), s.assignedAt(), s.dueAt(), s.overdue(now),
                s.endedAt(), s.endReason())).toList();
        int submitted = (int) rows.stream().filter(s -> s.status() == Seat.Status.SCORED).count();
        int overdue = (int) rows.stream().filter(s -> s.overdue(now)).count();
        PanelOutcome o = scores.outcome(roundId, projectId).orElse(null);
        if (o == null) {
            return new PanelView(roundId, projectId, p.projectName(), false, views, submitted, overdue, null, null);
        }
        List<SheetView> sheets = new ArrayList<>();
        for (ScoreSheet s : scores.byProject(roundId, projectId)) {
            Map<String, BigDecimal> byCriterion = new LinkedHashMap<>();
            s.scores().forEach(c -> byCriterion.put(c.criterion(), c.score()));
            sheets.add(new SheetView(s.memberUserId(), s.weightedTotal(), s.opinion(), byCriterion, s.comment()));
        }
        OutcomeView outcome = new OutcomeView(o.aggregateScore(), o.breakdown(), o.spread(), o.needsConsensus(),
                o.agreedScore(), o.agreedReason(), o.finalScore(), o.droppedMembers(), o.count(Opinion.RECOMMEND),
                o.count(Opinion.NOT_RECOMMEND));
        return new PanelView(roundId, projectId, p.projectName(), true, views, submitted, overdue, outcome, sheets);
    }

    public List<Summary> ofRound(long roundId, Actor actor) {
        readable(roundId, actor);
        LocalDateTime now = LocalDateTime.now(clock);
        Map<Long, List<Seat>> byProject = new TreeMap<>();
        for (Seat s : seats.ofRound(roundId)) {
            byProject.computeIfAbsent(s.projectId(), k -> new ArrayList<>()).add(s);
        }
        List<Summary> out = new ArrayList<>();
        byProject.forEach((projectId, rows) -> {
            Map<Integer, Seat> latest = new LinkedHashMap<>();
            rows.forEach(s -> latest.put(s.seatNo(), s));
            out.add(new Summary(projectId, projects.get(projectId).projectName(), latest.size(),
                    (int) latest.values().stream().filter(s -> s.status() == Seat.Status.SCORED).count(),
                    (int) latest.values().stream().filter(s -> s.overdue(now)).count(),
                    scores.outcome(roundId, projectId).isPresent()));
        });
        return out;
    }

    private Round readable(long roundId, Actor actor) {
        Round round = rounds.get(roundId);
        String j = round.jurisdiction();
        if (!actor.isAdmin() && !(actor.mayActIn(j) && (actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.owner(j))
                || actor.inGroup(Roles.auditor(j))))) {
            throw new NotFoundException("评审轮次不存在:" + roundId);
        }
        return round;
    }
}

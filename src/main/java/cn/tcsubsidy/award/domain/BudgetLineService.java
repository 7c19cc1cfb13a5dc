package cn.tcsubsidy.award.domain;

import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.BudgetStatus;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FieldError;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.KnownFields;
import cn.tcsubsidy.shared.Money;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's proposed list (拟扶持名单) as the budget ranking stored it ({@link AwardCases#rank}): per paying fund, the
 * ranked projects with their quote, what the bureau could propose, the fund's charge and where the line stands; and
 * the bureau's moves across the line, each with a written reason, kept in {@code budget_line_move} and the project's
 * history ({@link BudgetLineRules} says when a move is allowed).
 *
 * <p>A project outside the line is proposed only after it moved in: over {@code POST /api/rounds/{id}/budget-line/moves},
 * or in its award decision with the reason there ({@link #crossIfOutside}). Locks: the project's row, then the
 * round's, the order of the award decision too (which locks the budgets after them), so two moves of one round, and
 * a move and a decision of one project, run one after the other.
 */
@Service
public class BudgetLineService {

    public static final String MOVED = "BUDGET_LINE_MOVED";
    public static final String LIST_DECISION = "LIST_DECISION";
    static final Set<String> FIELDS = Set.of("projectId", "direction", "reason");

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final ProjectHistory history;
    private final AwardLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public BudgetLineService(JdbcClient jdbc, ProjectRepository projects, ProjectHistory history, AwardLedger ledger,
                             ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.history = history;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** Published in the move's transaction: the project's new note, for its award-decision form and the list task. */
    public record Moved(long roundId, long projectId, String processInstanceId, String budgetNote) {
    }

    /**
     * One project in one fund's ranking (or among those charging no fund).
     *
     * @param proposableAmount what the ranking said the bureau could propose (the quote cut to the enterprise cap)
     * @param charge           what it would charge this fund; null among the projects charging none
     * @param withinLine       inside the budget line now, after the bureau's moves
     * @param rankedWithinLine where the ranking put it
     * @param decision         待审定, 已列入拟扶持名单, 不予扶持 or 拟扶持已取消
     * @param proposedAmount   what the bureau proposed (the ledger's grant), null unless listed
     * @param note             the ranking's words, and the moves after it
     */
    public record Row(int rank, long projectId, String enterpriseName, String projectName, BigDecimal expertScore,
                      boolean eligible, BigDecimal quotedAmount, BigDecimal proposableAmount, BigDecimal charge,
                      boolean withinLine, boolean rankedWithinLine, String decision, BigDecimal proposedAmount,
                      String note) {
    }

    /**
     * A paying fund's ranking: its budget for the year, what the ledger's live awards take (decided projects of this
     * round and others), what the undecided projects inside the line would take, and what is left.
     */
    public record FundLine(String fundCode, String fundName, boolean budgetEntered, BigDecimal budget,
                           BigDecimal committed, BigDecimal pending, BigDecimal remaining, List<Row> rows) {
    }

    public record MoveView(long id, long projectId, int rank, String enterpriseName, String projectName,
                           String direction, String reason, String movedBy, LocalDateTime movedAt) {
    }

    /**
     * @param funds         each paying fund's ranking, by fund code
     * @param withoutCharge ranked projects charging no fund: refused by the rules, quoted 0, or their cap used up
     */
    public record Board(long roundId, String jurisdiction, int year, String roundStatus, LocalDateTime asOf,
                        List<FundLine> funds, List<Row> withoutCharge, List<MoveView> moves) {
    }

    record RoundRow(long id, String jurisdiction, int year, String status, String processInstanceId) {
    }

    /** A ranked project as stored. */
    record Ranked(long projectId, String enterpriseName, String projectName, BigDecimal expertScore, Stage stage,
                  BigDecimal proposedAmount, boolean eligible, BigDecimal quoted, BigDecimal proposable, int rank,
                  boolean rankedWithin, boolean within, String note, boolean live, boolean cancelled,
                  Map<String, BigDecimal> charges) {

        boolean undecided() {
            return stage == Stage.AWARD_DECISION;
        }

        String decision() {
            return live ? "已列入拟扶持名单" : cancelled ? "拟扶持已取消" : undecided() ? "待审定" : "不予扶持";
        }

        BudgetLineRules.Entry entry(Map<String, BigDecimal> charges) {
            return new BudgetLineRules.Entry(projectId, rank, eligible, proposable, within, charges);
        }

        Row row(BigDecimal charge, BigDecimal proposedOnList) {
            return new Row(rank, projectId, enterpriseName, projectName, expertScore, eligible, quoted, proposable,
                    charge, within, rankedWithin, decision(), live ? proposedOnList : null, note);
        }
    }

    /** The round's list for its bureau, its process owner and the administrator; anyone else gets 404. */
    @Transactional(readOnly = true)
    public Board board(long roundId, Actor actor) {
        RoundRow round = round(roundId, "").orElseThrow(() -> notFound(roundId));
        String j = round.jurisdiction();
        if (!actor.isAdmin() && !(actor.mayActIn(j) && (actor.inGroup(Roles.bureau(j)) || actor.inGroup(Roles.owner(j))))) {
            throw notFound(roundId);
        }
        return board(round);
    }

    /** The round's list as the bureau's list task shows it (the system reads it, no one's rights). */
    @Transactional(readOnly = true)
    public Board board(long roundId) {
        return board(round(roundId, "").orElseThrow(() -> notFound(roundId)));
    }

    private Board board(RoundRow round) {
        List<Ranked> ranked = ranked(round.id());
        Set<String> funds = new TreeSet<>();
        ranked.forEach(r -> funds.addAll(r.charges().keySet()));
        List<FundLine> lines = new ArrayList<>();
        for (String fund : funds) {
            BudgetStatus b = ledger.budget(round.jurisdiction(), fund, round.year());
            BigDecimal pending = pending(ranked, fund, null);
            List<Row> rows = ranked.stream().filter(r -> r.charges().containsKey(fund))
                    .map(r -> r.row(r.charges().get(fund), r.proposedAmount())).toList();
            lines.add(new FundLine(fund, b.fundName(), b.configured(), b.amount(), b.committed(), pending,
                    b.configured() ? Money.round(b.amount().subtract(b.committed()).subtract(pending)) : null, rows));
        }
        List<Row> without = ranked.stream().filter(r -> r.charges().isEmpty())
                .map(r -> r.row(null, r.proposedAmount())).toList();
        return new Board(round.id(), round.jurisdiction(), round.year(), round.status(),
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), lines, without, moves(round.id()));
    }

    /**
     * The bureau moves a ranked, undecided project of the round across the line. Body: {@code projectId},
     * {@code direction} (IN or OUT), {@code reason}. 404 for an unknown round; 403 unless the actor is the round's
     * bureau or the administrator; 400 naming the field for anything else refused, and nothing is stored.
     */
    @Transactional
    public MoveView move(long roundId, Map<String, Object> body, Actor actor) {
        RoundRow round = round(roundId, "").orElseThrow(() -> notFound(roundId));
        String j = round.jurisdiction();
        if (!actor.isAdmin() && !(actor.mayActIn(j) && actor.inGroup(Roles.bureau(j)))) {
            throw new AccessDeniedException("只有本辖区工信局或系统管理员可以调整预算线");
        }
        FormValues f = new FormValues(body);
        KnownFields.unknown(body, FIELDS, "").forEach(e -> f.reject(e.field(), e.message()));
        Long projectId = projectId(body, f);
        String direction = f.choice("direction", "调整方向(IN 调入预算线内 / OUT 调出预算线)",
                Set.of(BudgetLineRules.IN, BudgetLineRules.OUT), true);
        String reason = f.text("reason", "调整理由", true, BudgetLineRules.MAX_REASON);
        f.throwIfInvalid();

        // Refused early, without locks, when the round or the project is elsewhere; checked again under them.
        Project p = projects.find(projectId).orElseThrow(() -> new ValidationException("projectId", "项目不存在:" + projectId));
        requireMovable(round, p);
        Project locked = projects.lock(projectId);
        RoundRow lockedRound = round(roundId, " for update").orElseThrow(() -> notFound(roundId));
        requireMovable(lockedRound, locked);
        List<Ranked> ranked = ranked(roundId);
        Ranked entry = ranked.stream().filter(r -> r.projectId() == projectId).findFirst()
                .orElseThrow(() -> new ValidationException("projectId", "项目「" + locked.projectName()
                        + "」尚未按预算排序,不能调整预算线"));
        List<String> refusals = BudgetLineRules.refusals(entry.entry(entry.charges()), direction,
                rooms(lockedRound, ranked, entry.charges().keySet(), projectId));
        if (!refusals.isEmpty()) {
            throw new ValidationException(refusals.stream().map(m -> new FieldError("direction", m)).toList());
        }
        return record(lockedRound, locked, entry, BudgetLineRules.target(direction), reason, actor);
    }

    /**
     * The bureau proposes {@code p} (locked, in its award decision) for {@code proposed}: when the ranking or a move
     * left it outside the line, it moves in first, with {@code reason} (the decision form's lineMoveReason) and under
     * the rules of a move (its proposal charged to each fund by the ranking's shares); without a reason it is refused,
     * saying why it is outside. Nothing happens for a project inside the line, one never ranked, or one the rules
     * refuse (the reservation says so).
     */
    public void crossIfOutside(Project p, BigDecimal proposed, String reason, Actor actor) {
        if (p.roundId() == null) {
            return;
        }
        Optional<Ranked> stored = ranked(p.roundId()).stream().filter(r -> r.projectId() == p.id()).findFirst();
        if (stored.isEmpty() || stored.get().within() || !stored.get().eligible()) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("lineMoveReason", "本项目列于预算线外("
                    + (stored.get().note() == null ? "预算排序第 " + stored.get().rank() + " 名" : stored.get().note())
                    + ");如确需列入拟扶持名单,请填写调入预算线内的理由");
        }
        RoundRow round = round(p.roundId(), " for update").orElseThrow(() -> notFound(p.roundId()));
        List<Ranked> ranked = ranked(round.id());
        Ranked entry = ranked.stream().filter(r -> r.projectId() == p.id()).findFirst().orElseThrow();
        Map<String, BigDecimal> charges = scaled(entry.charges(), entry.proposable(), proposed);
        List<String> refusals = BudgetLineRules.refusals(entry.entry(charges), BudgetLineRules.IN,
                rooms(round, ranked, charges.keySet(), p.id()));
        if (!refusals.isEmpty()) {
            throw new ValidationException(refusals.stream().map(m -> new FieldError("lineMoveReason", m)).toList());
        }
        record(round, p, entry, true, reason.strip(), actor);
    }

    /** The project's moves, oldest first. */
    @Transactional(readOnly = true)
    public List<MoveView> movesOf(long projectId) {
        return jdbc.sql(MOVES + " where m.project_id = :p order by m.id").param("p", projectId).query(this::moveView).list();
    }

    private MoveView record(RoundRow round, Project p, Ranked entry, boolean in, String reason, Actor actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                insert into budget_line_move (round_id, project_id, budget_rank, from_within, to_within, reason,
                  moved_by, moved_at)
                values (:r, :p, :rank, :from, :to, :reason, :by, :at)
                """)
                .param("r", round.id()).param("p", p.id()).param("rank", entry.rank()).param("from", !in)
                .param("to", in).param("reason", reason).param("by", actor.userId()).param("at", now).update();
        String what = in ? "调入预算线内" : "调出预算线";
        String note = truncate((entry.note() == null ? "" : entry.note() + ";") + now.toLocalDate() + " 工信局" + what
                + ":" + reason, 1000);
        jdbc.sql("update project_award set within_line = :w, budget_note = :n where project_id = :p")
                .param("w", in).param("n", note).param("p", p.id()).update();
        history.record(p.id(), Stage.AWARD_DECISION, MOVED, actor.userId(), truncate(what + "(预算排序第 "
                + entry.rank() + " 名,可拟扶持 " + Money.format(entry.proposable())
                + (entry.charges().isEmpty() ? "" : ";" + charges(round, entry.charges())) + "):" + reason, 2000));
        events.publishEvent(new Moved(round.id(), p.id(), p.processInstanceId(), note));
        List<MoveView> moves = movesOf(p.id());
        return moves.get(moves.size() - 1);
    }

    private String charges(RoundRow round, Map<String, BigDecimal> charges) {
        List<String> parts = new ArrayList<>();
        charges.forEach((fund, amount) -> parts.add(ledger.budget(round.jurisdiction(), fund, round.year()).fundName()
                + " " + Money.format(amount)));
        return String.join("、", parts);
    }

    private void requireMovable(RoundRow round, Project p) {
        if (p.roundId() == null || p.roundId() != round.id()) {
            throw new ValidationException("projectId", "项目「" + p.projectName() + "」不属于评审轮次 " + round.id());
        }
        if (!LIST_DECISION.equals(round.status())) {
            throw new ValidationException("stage", "评审轮次已不在拟扶持名单审定阶段(" + round.status() + "),不能调整预算线");
        }
        if (p.stage() != Stage.AWARD_DECISION) {
            throw new ValidationException("projectId", "项目「" + p.projectName() + "」已审定(当前「" + p.stage().label()
                    + "」),不能再调整预算线");
        }
    }

    /**
     * Each fund's room for the project {@code moving}: the year's budget, the ledger's live awards, and what the other
     * undecided projects inside the line would take (read before the ledger, so a decision committing in between is
     * counted twice rather than not at all).
     */
    private Map<String, BudgetLineRules.Room> rooms(RoundRow round, List<Ranked> ranked, Set<String> funds, long moving) {
        Map<String, BudgetLineRules.Room> rooms = new HashMap<>();
        for (String fund : funds) {
            BigDecimal pending = pending(ranked, fund, moving);
            BudgetStatus b = ledger.budget(round.jurisdiction(), fund, round.year());
            rooms.put(fund, new BudgetLineRules.Room(fund, b.fundName(), round.year(), b.configured() ? b.amount() : null,
                    b.committed(), pending));
        }
        return rooms;
    }

    private static BigDecimal pending(List<Ranked> ranked, String fund, Long except) {
        return Money.round(ranked.stream()
                .filter(r -> r.within() && r.undecided() && (except == null || r.projectId() != except))
                .map(r -> r.charges().getOrDefault(fund, Money.ZERO)).reduce(Money.ZERO, BigDecimal::add));
    }

    /** The ranking's charges for {@code proposed} instead of the proposable amount (the last fund takes the rest). */
    static Map<String, BigDecimal> scaled(Map<String, BigDecimal> charges, BigDecimal proposable, BigDecimal proposed) {
        if (proposed == null || proposable == null || proposable.signum() <= 0 || proposed.compareTo(proposable) >= 0
                || charges.isEmpty()) {
            return charges;
        }
        BigDecimal total = Money.round(proposed);
        Map<String, BigDecimal> out = new TreeMap<>();
        BigDecimal given = Money.ZERO;
        List<String> funds = new ArrayList<>(new TreeSet<>(charges.keySet()));
        for (int i = 0; i < funds.size(); i++) {
            String fund = funds.get(i);
            BigDecimal part = i == funds.size() - 1 ? total.subtract(given)
                    : charges.get(fund).multiply(total).divide(proposable, 2, RoundingMode.HALF_UP);
            out.put(fund, part);
            given = given.add(part);
        }
        return out;
    }

    private List<Ranked> ranked(long roundId) {
        Map<Long, Map<String, BigDecimal>> charges = new HashMap<>();
        jdbc.sql("""
                select c.project_id, c.fund_code, c.amount from project_award_fund_charge c
                  join project p on p.id = c.project_id where p.round_id = :r
                """).param("r", roundId).query((rs, i) -> {
                    charges.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                    return null;
                }).list();
        return jdbc.sql("""
                select p.id, p.enterprise_name, p.project_name, p.expert_score, p.stage, p.proposed_amount,
                       pa.eligible, pa.quoted_amount, pa.proposable_amount, pa.budget_rank, pa.ranked_within_line,
                       pa.within_line, pa.budget_note,
                       (select count(*) from award a where a.project_id = p.id and a.status <> 'CANCELLED') as live,
                       (select count(*) from award a where a.project_id = p.id and a.status = 'CANCELLED') as cancelled
                  from project p join project_award pa on pa.project_id = p.id
                 where p.round_id = :r and pa.budget_rank is not null
                 order by pa.budget_rank, p.id
                """).param("r", roundId).query((rs, i) -> new Ranked(rs.getLong("id"), rs.getString("enterprise_name"),
                        rs.getString("project_name"), rs.getBigDecimal("expert_score"), Stage.valueOf(rs.getString("stage")),
                        rs.getBigDecimal("proposed_amount"), rs.getBoolean("eligible"), rs.getBigDecimal("quoted_amount"),
                        rs.getBigDecimal("proposable_amount"), rs.getInt("budget_rank"),
                        Boolean.TRUE.equals(rs.getObject("ranked_within_line", Boolean.class)),
                        Boolean.TRUE.equals(rs.getObject("within_line", Boolean.class)), rs.getString("budget_note"),
                        rs.getLong("live") > 0, rs.getLong("cancelled") > 0,
                        charges.getOrDefault(rs.getLong("id"), Map.of())))
                .list();
    }

    private static final String MOVES = """
            select m.id, m.project_id, m.budget_rank, m.to_within, m.reason, m.moved_by, m.moved_at,
                   p.enterprise_name, p.project_name
              from budget_line_move m join project p on p.id = m.project_id
            """;

    private List<MoveView> moves(long roundId) {
        return jdbc.sql(MOVES + " where m.round_id = :r order by m.id").param("r", roundId).query(this::moveView).list();
    }

    private MoveView moveView(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new MoveView(rs.getLong("id"), rs.getLong("project_id"), rs.getInt("budget_rank"),
                rs.getString("enterprise_name"), rs.getString("project_name"),
                rs.getBoolean("to_within") ? BudgetLineRules.IN : BudgetLineRules.OUT, rs.getString("reason"),
                rs.getString("moved_by"), rs.getObject("moved_at", LocalDateTime.class));
    }

    private Optional<RoundRow> round(long roundId, String lock) {
        return jdbc.sql("select id, jurisdiction_code, round_year, status, process_instance_id from review_round where id = :id"
                        + lock).param("id", roundId)
                .query((rs, i) -> new RoundRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** The id of the round's engine instance, for its list task. */
    @Transactional(readOnly = true)
    public Optional<String> roundProcessInstance(long roundId) {
        return round(roundId, "").map(RoundRow::processInstanceId);
    }

    private static Long projectId(Map<String, Object> body, FormValues f) {
        Object v = body == null ? null : body.get("projectId");
        if (v == null || v instanceof String s && s.isBlank()) {
            f.reject("projectId", "项目编号不能为空");
            return null;
        }
        try {
            BigDecimal d = v instanceof Number n ? new BigDecimal(n.toString()) : v instanceof String s ? new BigDecimal(s.trim()) : null;
            if (d != null && d.signum() > 0 && d.stripTrailingZeros().scale() <= 0) {
                return d.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // refused below
        }
        f.reject("projectId", "项目编号无效:" + v);
        return null;
    }

    private static NotFoundException notFound(long roundId) {
        return new NotFoundException("评审轮次不存在:" + roundId);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

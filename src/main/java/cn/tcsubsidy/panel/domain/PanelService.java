package cn.tcsubsidy.panel.domain;

import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.correction.domain.CorrectionService;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.project.domain.StageGuard;
import cn.tcsubsidy.review.domain.ReviewService;
import cn.tcsubsidy.shared.AccessDeniedException;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's review panel at work (common practice, not text of the sources; policy digest §1.4): the draw when
 * the project enters review, one seat per member, a member's conflict declaration or score, the next reserve when a
 * member steps aside or is replaced for being late, more reserves when they run out, the aggregate, the consensus
 * and the conclusion that feeds the award quote and the ranking. The process (tc-project's panel subprocess) calls
 * one method per step; who sits where, and every score, lives in the app's tables, never in process variables.
 */
@Service
@Transactional
public class PanelService {

    /** The conflict declaration (利害关系声明) of the score form. */
    public static final String DECLARATION = "conflictDeclaration";
    public static final String NO_CONFLICT = "NO_CONFLICT";
    public static final String CONFLICT = "CONFLICT";
    public static final String CONFLICT_REASON = "conflictReason";
    /** The bureau's reason for replacing a late member, and for drawing more reserves or going on after a short pool. */
    public static final String REPLACE_REASON = "replaceReason";
    public static final String DRAW_REASON = "drawReason";
    public static final int REASON_MAX = 1000;

    /** What the draw step found: the panel's seat numbers, or why the pool is short. */
    public record Opened(List<Integer> seats, String shortage) {
        public boolean drawn() {
            return shortage == null;
        }
    }

    /** Who sits on a seat now: {@link #OCCUPIED} (member, due), {@link #VACANT} (no reserve fits) or {@link #DONE}. */
    public record SeatState(String state, String memberUserId, String memberName, LocalDateTime dueAt, String shortage) {
        public static final String OCCUPIED = "OCCUPIED";
        public static final String VACANT = "VACANT";
        public static final String DONE = "DONE";
    }

    /** The panel's conclusion: PASS or FAIL, and the note the bureau's award decision shows. */
    /** The score sheet's optional field of correctable points (退回补正). */
    public static final String CORRECTION_POINTS = "correctionPoints";
    /** The conclusion when the project goes to its enterprise for correction first. */
    public static final String CORRECT = "CORRECT";

    public record Conclusion(String conclusion, String note) {
    }

    /** The aggregate: whether it needs a consensus, and who leads it (the first drawn expert who scored). */
    public record Aggregated(boolean needsConsensus, String leadUserId, String summary) {
    }

    private final DrawService drawService;
    private final DrawRecords draws;
    private final Seats seats;
    private final Scores scores;
    private final PoolMemberRecords pool;
    private final PanelRules rules;
    private final ProjectRepository projects;
    private final StageGuard guard;
    private final ProjectHistory history;
    private final ReviewService review;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final CorrectionService corrections;

    public PanelService(DrawService drawService, DrawRecords draws, Seats seats, Scores scores, PoolMemberRecords pool,
                        PanelRules rules, ProjectRepository projects, StageGuard guard, ProjectHistory history,
                        ReviewService review, WorkingDays workingDays, Clock clock, CorrectionService corrections) {
        this.corrections = corrections;
        this.drawService = drawService;
        this.draws = draws;
        this.seats = seats;
        this.scores = scores;
        this.pool = pool;
        this.rules = rules;
        this.projects = projects;
        this.guard = guard;
        this.history = history;
        this.review = review;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * Task_DrawPanel: draws the project's panel (and reserves) by its jurisdiction's tc-panel-size and seats the
     * drawn members; again on a retry, the seats already taken. When the pool is short nothing is drawn and the
     * answer says which kind or field is short (the bureau completes the pool, then the step runs again).
     */
    public Opened open(long projectId) {
        Project p = guard.require(projectId, "抽取评审小组", Stage.EXPERT_REVIEW);
        long roundId = roundOf(p);
        Map<Integer, Seat> taken = seats.latest(roundId, projectId);
        if (!taken.isEmpty()) {
            return new Opened(List.copyOf(taken.keySet()), null);
        }
        DrawRecord draw = draws.current(roundId, projectId).orElse(null);
        if (draw == null) {
            PanelRule rule = ruleFor(p);
            Optional<ValidationException> short_ = drawService.shortage(roundId, projectId, rule);
            if (short_.isPresent()) {
                return new Opened(List.of(), message(short_.get()));
            }
            draw = drawService.draw(roundId, projectId, rule, Actor.system(), null);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime due = dueAt(now, draw.rule().dueWorkingDays());
        for (int i = 0; i < draw.panel().size(); i++) {
            seats.take(roundId, projectId, i + 1, draw.panel().get(i), draw.id(), now, due);
        }
        history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_DRAWN", Actor.SYSTEM, "已从专家库随机抽取评审小组 "
                + draw.panel().size() + " 名、候补 " + draw.reserves().size() + " 名(抽取记录 " + draw.id()
                + "),评分期限 " + draw.rule().dueWorkingDays() + " 个工作日");
        return new Opened(IntStream.rangeClosed(1, draw.panel().size()).boxed().toList(), null);
    }

    /**
     * The bureau's answer to a short pool (Task_ResolvePanelShortage): a reason, and a pool that can now give the
     * panel (refused, naming what is still short, when it cannot).
     */
    public void shortageResolved(long projectId, Map<String, Object> values, Actor actor) {
        String reason = reason(values, DRAW_REASON, "处理说明");
        Project p = guard.enter(projectId, actor, Stage.EXPERT_REVIEW);
        requireBureau(p.jurisdiction(), actor);
        drawService.shortage(roundOf(p), projectId, ruleFor(p)).ifPresent(e -> {
            throw new ValidationException(DRAW_REASON, "专家库仍不足以抽取评审小组:" + message(e));
        });
        history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_POOL_COMPLETED", actor.userId(),
                "工信局已补充专家库,重新抽取评审小组:" + reason);
    }

    /**
     * Task_TakeSeat: the seat's member, or, after its member stepped aside or was replaced, the next reserve that
     * keeps the panel's make-up (kinds and non-experts) within reach, seated now with a fresh due time.
     */
    public SeatState takeSeat(long projectId, int seatNo) {
        Project p = guard.require(projectId, "评审席位递补", Stage.EXPERT_REVIEW);
        long roundId = roundOf(p);
        Map<Integer, Seat> latest = seats.latest(roundId, projectId);
        Seat seat = latest.get(seatNo);
        if (seat == null) {
            throw new IllegalStateException("project " + projectId + " has no panel seat " + seatNo);
        }
        if (seat.status() == Seat.Status.ACTIVE) {
            return occupied(seat);
        }
        if (seat.status() == Seat.Status.SCORED) {
            return new SeatState(SeatState.DONE, seat.memberUserId(), seat.memberName(), seat.dueAt(), null);
        }
        DrawRecord panelDraw = draws.current(roundId, projectId).orElseThrow(() ->
                new IllegalStateException("project " + projectId + " has seats but no panel draw"));
        PanelRule rule = panelDraw.rule();
        List<MemberKind> held = new ArrayList<>();
        int vacant = 0;
        for (Seat s : latest.values()) {
            if (s.seatNo() != seatNo && s.holds()) {
                held.add(s.kind());
            } else {
                vacant++;
            }
        }
        Set<String> seated = seats.ofProject(roundId, projectId).stream().map(Seat::memberUserId)
                .collect(Collectors.toSet());
        for (DrawRecord d : draws.inForce(roundId, projectId)) {
            List<Candidate> queue = new ArrayList<>(d.panel());
            queue.addAll(d.reserves());
            for (Candidate c : queue) {
                if (seated.contains(c.userId()) || !stillActive(c)) {
                    continue;
                }
                List<MemberKind> with = new ArrayList<>(held);
                with.add(c.kind());
                if (rule.shortfall(with) <= vacant - 1) {
                    LocalDateTime now = LocalDateTime.now(clock);
                    long id = seats.take(roundId, projectId, seatNo, c, d.id(), now, dueAt(now, rule.dueWorkingDays()));
                    history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_RESERVE_SEATED", Actor.SYSTEM,
                            "候补评审成员已递补第 " + seatNo + " 席");
                    return occupied(seats.ofProject(roundId, projectId).stream().filter(s -> s.id() == id)
                            .findFirst().orElseThrow());
                }
            }
        }
        String shortage = "第 " + seatNo + " 席的候补已用尽(或余下候补不合评审小组的人员构成),请补充抽取";
        return new SeatState(SeatState.VACANT, null, null, null, shortage);
    }

    /**
     * Task_ScoreProject: the member's conflict declaration, and, declaring none, the member's score sheet on the
     * jurisdiction's criteria. Only the member who holds the seat now may hand it in, once.
     */
    public void score(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        String declaration = f.choice(DECLARATION, "利害关系声明", Set.of(NO_CONFLICT, CONFLICT), true);
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.EXPERT_REVIEW);
        long roundId = roundOf(p);
        Seat seat = seats.active(roundId, projectId, actor.userId()).orElseThrow(() -> new AccessDeniedException(
                "用户 " + actor.userId() + " 不是项目 " + projectId + " 评审小组的在任成员,不能提交评分"));
        LocalDateTime now = LocalDateTime.now(clock);
        if (CONFLICT.equals(declaration)) {
            String reason = reason(values, CONFLICT_REASON, "回避理由");
            seats.end(seat.id(), Seat.Status.RECUSED, actor.userId(), reason, now);
            history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_MEMBER_RECUSED", Actor.SYSTEM,
                    "第 " + seat.seatNo() + " 席评审成员声明与项目存在利害关系,申请回避");
            return;
        }
        List<Criterion> criteria = rules.criteria(p.jurisdiction());
        List<CriterionScore> given = new ArrayList<>();
        for (Criterion c : criteria) {
            BigDecimal score = f.bounded(ScoreSheet.scoreField(c.key()), c.label() + "评分", false,
                    BigDecimal.ZERO, c.maxScore());
            Object comment = values.get(ScoreSheet.commentField(c.key()));
            given.add(new CriterionScore(c.key(), score, comment == null ? null : comment.toString()));
        }
        String opinion = f.choice(ScoreSheet.OPINION, "总体意见", Set.of(Opinion.RECOMMEND.name(),
                Opinion.NOT_RECOMMEND.name()), false);
        String correctable = f.text(CORRECTION_POINTS, "企业可补正的问题", false, 500);
        f.throwIfInvalid();
        Object comment = values.get(ScoreSheet.COMMENT);
        ScoreSheet sheet = ScoreSheet.of(roundId, projectId, actor.userId(), criteria, given,
                opinion == null ? null : Opinion.valueOf(opinion), comment == null ? null : comment.toString());
        long sheetId = scores.save(sheet);
        if (correctable != null) {
            scores.saveCorrectionPoints(sheetId, correctable);
        }
        seats.end(seat.id(), Seat.Status.SCORED, actor.userId(), null, now);
        history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_SCORE_SUBMITTED", Actor.SYSTEM,
                "第 " + seat.seatNo() + " 席评审成员已提交评分");
    }

    /**
     * Task_ReplaceOverdueReviewer: the bureau replaces the member of seat {@code seatNo}, late, with a reason; the
     * member's task is cancelled by the process and the next reserve takes the seat.
     */
    public void replaceOverdue(long projectId, int seatNo, Map<String, Object> values, Actor actor) {
        String reason = reason(values, REPLACE_REASON, "更换原因");
        Project p = guard.enter(projectId, actor, Stage.EXPERT_REVIEW);
        requireBureau(p.jurisdiction(), actor);
        Seat seat = seats.latest(roundOf(p), projectId).get(seatNo);
        LocalDateTime now = LocalDateTime.now(clock);
        if (seat == null || seat.status() != Seat.Status.ACTIVE) {
            throw new ValidationException(REPLACE_REASON, "第 " + seatNo + " 席的评审成员已提交评分或已更换,无需更换");
        }
        if (!seat.overdue(now)) {
            throw new ValidationException(REPLACE_REASON, "第 " + seatNo + " 席的评分期限尚未届满,不能以逾期为由更换");
        }
        seats.end(seat.id(), Seat.Status.REPLACED, actor.userId(), reason, now);
        history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_MEMBER_REPLACED", actor.userId(),
                "第 " + seat.seatNo() + " 席评审成员逾期未评分,已更换:" + reason);
    }

    /**
     * Task_DrawMoreReviewers: the reserves of seat {@code seatNo} ran out; the bureau draws more with a reason
     * (refused, naming what is short, when the pool cannot give them).
     */
    public void drawMore(long projectId, int seatNo, Map<String, Object> values, Actor actor) {
        String reason = reason(values, DRAW_REASON, "补充抽取原因");
        Project p = guard.enter(projectId, actor, Stage.EXPERT_REVIEW);
        requireBureau(p.jurisdiction(), actor);
        long roundId = roundOf(p);
        DrawRecord panelDraw = draws.current(roundId, projectId).orElseThrow(() ->
                new StepRefusedException("项目 " + projectId + " 尚未抽取评审小组"));
        PanelRule rule = panelDraw.rule();
        List<MemberKind> held = seats.latest(roundId, projectId).values().stream()
                .filter(s -> s.seatNo() != seatNo && s.holds()).map(Seat::kind).toList();
        Set<String> drawn = new HashSet<>();
        seats.ofProject(roundId, projectId).forEach(s -> drawn.add(s.memberUserId()));
        for (DrawRecord d : draws.inForce(roundId, projectId)) {
            d.panel().forEach(c -> drawn.add(c.userId()));
            d.reserves().forEach(c -> drawn.add(c.userId()));
        }
        drawService.supplement(roundId, projectId, supplementRule(rule, held), drawn, actor, reason);
        history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_SUPPLEMENT_DRAWN", actor.userId(),
                "第 " + seatNo + " 席候补用尽,工信局补充抽取候补:" + reason);
    }

    /**
     * The supplementary draw's rule: as many members as the panel rule's reserves (at least one), with the kinds
     * the seats still held leave missing.
     */
    static PanelRule supplementRule(PanelRule rule, List<MemberKind> held) {
        Map<MemberKind, Integer> missing = new EnumMap<>(MemberKind.class);
        long nonExperts = held.stream().filter(k -> k != MemberKind.EXPERT).count();
        for (MemberKind k : MemberKind.values()) {
            long have = held.stream().filter(k::equals).count();
            missing.put(k, (int) Math.max(0, rule.minimum(k) - have));
        }
        int missingNonExperts = (int) Math.max(0, rule.nonExpertsNeeded() - nonExperts);
        int size = Math.max(Math.max(1, rule.reserves()), rule.shortfall(held));
        return new PanelRule(size, missing, missingNonExperts, 0, rule.dueWorkingDays());
    }

    /** Task_AggregatePanel: the panel's sheets aggregated by tc-panel-consensus and recorded (once). */
    public Aggregated aggregate(long projectId) {
        Project p = guard.require(projectId, "汇总评审小组评分", Stage.EXPERT_REVIEW);
        long roundId = roundOf(p);
        PanelOutcome outcome = scores.outcome(roundId, projectId).orElse(null);
        if (outcome == null) {
            List<ScoreSheet> sheets = scores.byProject(roundId, projectId);
            if (sheets.isEmpty()) {
                throw new StepRefusedException("项目 " + projectId + " 的评审小组没有提交任何评分,不能汇总");
            }
            outcome = ScoreAggregation.aggregate(sheets, rules.consensus(p.jurisdiction()));
            scores.saveOutcome(outcome, Actor.SYSTEM);
            history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_AGGREGATED", Actor.SYSTEM, "评审小组 "
                    + outcome.sheets() + " 份评分汇总得分 " + outcome.aggregateScore().toPlainString() + ",最高与最低分差 "
                    + outcome.spread().toPlainString() + (outcome.needsConsensus() ? ",超过合议阈值,由评审组长组织合议" : ""));
        }
        return new Aggregated(outcome.needsConsensus() && outcome.agreedScore() == null, lead(roundId, projectId),
                summary(roundId, projectId, outcome));
    }

    /**
     * Task_ReviewCorrection (复核补正材料): after the enterprise's correction, the panel lead records the score the panel
     * gives the corrected project and why; the conclusion then takes it.
     */
    public void reviewCorrection(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal score = f.bounded(PanelOutcome.AGREED_SCORE, "复核得分", true, BigDecimal.ZERO, ScoreSheet.HUNDRED);
        String reason = f.text(PanelOutcome.AGREED_REASON, "复核意见", true, 1000);
        if (score != null && score.stripTrailingZeros().scale() > 2) {
            f.reject(PanelOutcome.AGREED_SCORE, "复核得分最多保留两位小数");
        }
        f.throwIfInvalid();
        Project p = guard.enter(projectId, actor, Stage.EXPERT_REVIEW);
        if (!actor.userId().equals(lead(roundOf(p), projectId))) {
            throw new AccessDeniedException("只有评审组长可以复核补正材料");
        }
        corrections.recordReview(projectId, score, reason, actor);
    }

    /** Task_ReachConsensus: the panel lead records the agreed score and the reason. */
    public void agree(long projectId, Map<String, Object> values, Actor actor) {
        FormValues f = new FormValues(values);
        BigDecimal score = f.bounded(PanelOutcome.AGREED_SCORE, "合议得分", false, BigDecimal.ZERO, ScoreSheet.HUNDRED);
        f.throwIfInvalid();
        Object reason = values.get(PanelOutcome.AGREED_REASON);
        Project p = guard.enter(projectId, actor, Stage.EXPERT_REVIEW);
        long roundId = roundOf(p);
        if (!actor.userId().equals(lead(roundId, projectId))) {
            throw new AccessDeniedException("只有评审组长可以记录合议结果");
        }
        PanelOutcome outcome = scores.outcome(roundId, projectId).orElseThrow(() ->
                new ValidationException(PanelOutcome.AGREED_SCORE, "该项目的评分尚未汇总"));
        PanelOutcome agreed = outcome.agreed(score, reason == null ? null : reason.toString());
        scores.saveAgreement(agreed, actor.userId());
        history.record(projectId, Stage.EXPERT_REVIEW, "PANEL_CONSENSUS", actor.userId(),
                "评审小组合议得分 " + agreed.agreedScore().toPlainString() + ":" + agreed.agreedReason());
    }

    /**
     * Task_ConcludePanel: the final score (agreed, or the aggregate) and the pass decision of tc-panel-consensus
     * (score at least the pass mark and more than half recommending) go to the project; returns PASS or FAIL.
     */
    public Conclusion conclude(long projectId) {
        Project p = guard.require(projectId, "评审小组结论", Stage.EXPERT_REVIEW);
        long roundId = roundOf(p);
        PanelOutcome o = scores.outcome(roundId, projectId).orElseThrow(() ->
                new StepRefusedException("项目 " + projectId + " 的评分尚未汇总"));
        if (o.finalScore() == null) {
            throw new StepRefusedException("项目 " + projectId + " 的评分差距超过合议阈值,尚未合议");
        }
        // Points a member listed go to the enterprise once, merged and without the members' names (scoring is blind);
        // the corrected project comes back to the panel lead, whose score after correction the conclusion takes.
        List<String> raised = scores.correctionPoints(roundId, projectId);
        if (!raised.isEmpty() && !corrections.returnedAt(projectId, Stage.EXPERT_REVIEW)) {
            StringBuilder merged = new StringBuilder();
            for (int i = 0; i < raised.size(); i++) {
                merged.append(i == 0 ? "" : ";").append("评审意见 ").append(i + 1).append(":").append(raised.get(i));
            }
            corrections.request(p, Stage.EXPERT_REVIEW, merged.toString(), Actor.system());
            return new Conclusion(CORRECT, "评审小组成员提出企业可补正的问题,退回企业补正后由评审组长复核");
        }
        BigDecimal score = corrections.reviewedScore(projectId).orElse(o.finalScore());
        ConsensusRule rule = rules.consensus(p.jurisdiction());
        long recommend = o.count(Opinion.RECOMMEND);
        boolean passed = rule.passes(score, recommend, o.sheets());
        scores.recordDecision(roundId, projectId, rule.passScore(), passed);
        String summary = "最终得分 " + score.toPlainString() + "(合格分 " + rule.passScore().stripTrailingZeros()
                .toPlainString() + "),推荐 " + recommend + " 票、不推荐 " + o.count(Opinion.NOT_RECOMMEND) + " 票";
        review.concluded(projectId, score, passed, summary);
        List<Criterion> criteria = rules.criteria(p.jurisdiction());
        String breakdown = o.breakdown().entrySet().stream().map(e -> criteria.stream()
                        .filter(c -> c.key().equals(e.getKey())).map(Criterion::label).findFirst().orElse(e.getKey())
                        + " " + e.getValue().toPlainString()).collect(Collectors.joining("、"));
        String note = "评审小组 " + o.sheets() + " 份评分" + (o.droppedMembers().isEmpty() ? "取平均" : "去掉一个最高分和一个最低分后取平均")
                + ",汇总得分 " + o.aggregateScore().toPlainString()
                + (o.agreedScore() != null ? ",经合议定为 " + o.agreedScore().toPlainString() + "(" + o.agreedReason() + ")" : "")
                + ";各项得分(加权前):" + breakdown + ";" + summary + ";" + (passed ? "通过评审" : "未通过评审")
                + "。(评审规则为常见做法,非政策原文)";
        return new Conclusion(passed ? ReviewService.PASS : ReviewService.FAIL, note);
    }

    /** The panel lead: the first drawn expert among the members who scored (else the first who scored). */
    String lead(long roundId, long projectId) {
        List<Seat> scored = seats.ofProject(roundId, projectId).stream()
                .filter(s -> s.status() == Seat.Status.SCORED).toList();
        return scored.stream().filter(s -> s.kind() == MemberKind.EXPERT).findFirst()
                .or(() -> scored.stream().findFirst()).map(Seat::memberUserId).orElse(null);
    }

    /** What the lead's consensus form shows: every member's total and opinion (the panel has closed). */
    private String summary(long roundId, long projectId, PanelOutcome o) {
        Map<String, String> names = seats.ofProject(roundId, projectId).stream()
                .collect(Collectors.toMap(Seat::memberUserId, Seat::memberName, (a, b) -> a));
        StringBuilder b = new StringBuilder("汇总得分 " + o.aggregateScore().toPlainString() + ",最高与最低分差 "
                + o.spread().toPlainString() + "。");
        for (ScoreSheet s : scores.byProject(roundId, projectId)) {
            b.append(names.getOrDefault(s.memberUserId(), s.memberUserId())).append(" ")
                    .append(s.weightedTotal().toPlainString()).append(" 分(").append(s.opinion().label()).append(");");
        }
        return b.toString();
    }

    private SeatState occupied(Seat seat) {
        return new SeatState(SeatState.OCCUPIED, seat.memberUserId(), seat.memberName(), seat.dueAt(), null);
    }

    private boolean stillActive(Candidate c) {
        return pool.find(c.memberId()).map(PoolMember::active).orElse(false);
    }

    private PanelRule ruleFor(Project p) {
        BigDecimal total = p.actualTotalInvestment() != null ? p.actualTotalInvestment() : p.plannedTotalInvestment();
        return rules.composition(p.jurisdiction(), total, p.category()).rule();
    }

    /** The end of the due period: midnight after the last of {@code days} working days, counted from tomorrow. */
    LocalDateTime dueAt(LocalDateTime now, int days) {
        LocalDate last = workingDays.lastOf(now.toLocalDate().plusDays(1), days);
        return last.plusDays(1).atStartOfDay();
    }

    private static long roundOf(Project p) {
        if (p.roundId() == null) {
            throw new StepRefusedException("项目 " + p.id() + " 不在任何评审轮次中");
        }
        return p.roundId();
    }

    private static String reason(Map<String, Object> values, String key, String label) {
        FormValues f = new FormValues(values);
        String text = f.text(key, label, true, REASON_MAX);
        f.throwIfInvalid();
        return text;
    }

    private static String message(ValidationException e) {
        return e.errors().stream().map(cn.tcsubsidy.shared.FieldError::message).collect(Collectors.joining(";"));
    }

    private static void requireBureau(String jurisdiction, Actor actor) {
        if (!actor.isAdmin() && !actor.inGroup(Roles.bureau(jurisdiction))) {
            throw new AccessDeniedException("只有工信局可以办理此事项");
        }
    }
}

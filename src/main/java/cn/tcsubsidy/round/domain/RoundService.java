package cn.tcsubsidy.round.domain;

import cn.tcsubsidy.award.domain.AwardCases;
import cn.tcsubsidy.calendar.domain.WorkingDays;
import cn.tcsubsidy.notice.domain.NoticeService;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.recommendation.domain.RecommendationService;
import cn.tcsubsidy.review.domain.ReviewService;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.FormValues;
import cn.tcsubsidy.shared.NotFoundException;
import cn.tcsubsidy.shared.StepRefusedException;
import cn.tcsubsidy.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The batch steps of a round: gather the pool's completed projects and open recommendation, close it, close the
 * review, decide the list, open and close the public notice. Each step returns the projects whose process must move.
 */
@Service
public class RoundService {

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final RecommendationService recommendation;
    private final ReviewService review;
    private final NoticeService notice;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final AwardCases awards;
    private final RoundStepAnswers answers;

    public RoundService(JdbcClient jdbc, ProjectRepository projects, RecommendationService recommendation,
                        ReviewService review, NoticeService notice, WorkingDays workingDays, Clock clock,
                        AwardCases awards, RoundStepAnswers answers) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.recommendation = recommendation;
        this.review = review;
        this.notice = notice;
        this.workingDays = workingDays;
        this.clock = clock;
        this.awards = awards;
        this.answers = answers;
    }

    /** The year a round is for: the one the bureau entered, or the current year when the November timer opened it. */
    public int roundYear(Map<String, Object> values) {
        FormValues f = new FormValues(values);
        Integer year = f.has("roundYear") ? f.wholeNumber("roundYear", "评审年度", true, 2000, 2100) : null;
        f.throwIfInvalid();
        return year != null ? year : LocalDate.now(clock).getYear();
    }

    /** Registers the round of the year (refused, naming the year, when it was opened before); returns its id. */
    public long open(String jurisdiction, int year, RoundCalendar calendar, Actor actor, String processInstanceId) {
        actor.requireJurisdiction(jurisdiction);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into review_round (jurisdiction_code, round_year, recommendation_deadline, completed_from,
                      completed_before, status, process_instance_id, opened_by, opened_at)
                    values (:j, :year, :deadline, :from, :before, :status, :pi, :by, :at)
                    """)
                    .param("j", jurisdiction).param("year", year).param("deadline", calendar.recommendationDeadline())
                    .param("from", calendar.completedFrom()).param("before", calendar.completedBefore()).param("status", RoundStatus.RECOMMENDATION.name())
                    .param("pi", processInstanceId).param("by", actor.userId()).param("at", LocalDateTime.now(clock))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ValidationException("roundYear", year + " 年度推荐评审已经发起,不能重复发起");
        }
        return keys.getKey().longValue();
    }

    /**
     * The round's system step after it was registered: the completed projects of its window enter its
     * recommendation. Refused unless the round is open for recommendation.
     */
    public List<Project> gather(long roundId) {
        Round r = require(roundId, "汇集竣工项目,启动推荐", RoundStatus.RECOMMENDATION);
        LocalDate from = jdbc.sql("select completed_from from review_round where id = :r").param("r", roundId)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).list().get(0);
        List<Project> gathered = projects.findAwaitingRound(r.jurisdiction(), from, r.completedBefore());
        for (Project p : gathered) {
            recommendation.opened(p.id(), roundId, r.year());
        }
        answers.expect(roundId, RoundStepAnswers.RECOMMENDATION_OPENED, gathered.stream().map(Project::id).toList());
        return gathered;
    }

    public Round get(long roundId) {
        return find(roundId, "");
    }

    /** Locks the round's row for the rest of the transaction, so two steps of one round cannot interleave. */
    private Round lock(long roundId) {
        return find(roundId, " for update");
    }

    private Round find(long roundId, String lock) {
        return jdbc.sql("select * from review_round where id = :id" + lock).param("id", roundId)
                .query((rs, i) -> new Round(rs.getLong("id"), rs.getString("jurisdiction_code"), rs.getInt("round_year"),
                        rs.getObject("recommendation_deadline", LocalDate.class),
                        rs.getObject("completed_before", LocalDate.class), RoundStatus.valueOf(rs.getString("status")),
                        rs.getObject("notice_starts_on", LocalDate.class), rs.getObject("notice_ends_on", LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("评审轮次不存在:" + roundId));
    }

    /**
     * A round's system step: locks the round and fails when it does not stand where the step belongs (whatever
     * started the step is not the round's own process), so nothing moves.
     */
    private Round require(long roundId, String step, RoundStatus expected) {
        Round r = lock(roundId);
        if (r.status() != expected) {
            throw new StepRefusedException(describe(r) + "当前处于「" + r.status().label() + "」(" + r.status()
                    + "),不能执行「" + step + "」:该步骤要求轮次处于「" + expected.label() + "」(" + expected + ")");
        }
        return r;
    }

    /** A user's decision on a round: refused, like any bad input, when the round is elsewhere. */
    private void enter(long roundId, Actor actor, RoundStatus expected) {
        Round r = lock(roundId);
        actor.requireJurisdiction(r.jurisdiction());
        if (r.status() != expected) {
            throw new ValidationException("stage", "评审轮次当前处于「" + r.status().label() + "」阶段,不能办理此事项");
        }
    }

    private static String describe(Round r) {
        return "评审轮次 " + r.id() + "(" + r.jurisdiction() + " " + r.year() + " 年度)";
    }

    /** Projects still waiting for their town when recommendation closes; their processes return them to the pool. */
    public List<Project> closeRecommendation(long roundId) {
        require(roundId, "关闭推荐,未推荐项目留库", RoundStatus.RECOMMENDATION);
        setStatus(roundId, RoundStatus.REVIEW);
        List<Project> late = projects.findByRoundAndStage(roundId, Stage.RECOMMENDATION);
        answers.expect(roundId, RoundStepAnswers.RECOMMENDATION_CLOSED, late.stream().map(Project::id).toList());
        return late;
    }

    public int inReview(long roundId) {
        return projects.findByRoundAndStage(roundId, Stage.EXPERT_REVIEW).size()
                + projects.findByRoundAndStage(roundId, Stage.REVIEWED).size();
    }

    /** The bureau may close the review only when every recommended project has its score. */
    public void checkReviewComplete(long roundId, Map<String, Object> values, Actor actor) {
        requireNote(values, "reviewSummary", "评审汇总说明");
        enter(roundId, actor, RoundStatus.REVIEW);
        List<Project> pending = projects.findByRoundAndStage(roundId, Stage.EXPERT_REVIEW);
        if (!pending.isEmpty()) {
            throw new ValidationException("reviewSummary", "尚有 " + pending.size() + " 个项目未完成专家评审:" + names(pending));
        }
    }

    /**
     * Review closed: every project that passed goes to the award decision, and owes the round its award quote
     * (each project quotes in a job of its own).
     */
    public List<Project> concludeReview(long roundId) {
        require(roundId, "评审结束,进入拟扶持审定", RoundStatus.REVIEW);
        setStatus(roundId, RoundStatus.LIST_DECISION);
        List<Project> passed = projects.findByRoundAndStage(roundId, Stage.REVIEWED);
        passed.forEach(p -> review.reviewClosed(p.id()));
        answers.expect(roundId, RoundStepAnswers.QUOTE_AWARD, passed.stream().map(Project::id).toList());
        return passed;
    }

    /**
     * A project's job did its part of a step the round does not wait on (it records who has and who has not, for the
     * bureau, the API and Cockpit's incidents).
     */
    public void answered(long roundId, String step, long projectId) {
        answers.answer(roundId, step, projectId);
    }

    /** A project's job quoted its award; true when it was the last quote the round waited for. */
    public boolean quoted(long roundId, long projectId) {
        return answers.answer(roundId, RoundStepAnswers.QUOTE_AWARD, projectId);
    }

    /**
     * The bureau goes on to the budget ranking: at once when every project has quoted, else only with a reason,
     * which is recorded for each project left out.
     */
    public void checkQuotesAnswered(long roundId, Map<String, Object> values, Actor actor) {
        enter(roundId, actor, RoundStatus.LIST_DECISION);
        FormValues f = new FormValues(values);
        String reason = f.text("proceedReason", "不等待的原因", false, 2000);
        f.throwIfInvalid();
        List<Long> pending = answers.pending(roundId, RoundStepAnswers.QUOTE_AWARD);
        if (pending.isEmpty()) {
            return;
        }
        if (reason == null) {
            throw new ValidationException("proceedReason", "尚有 " + pending.size() + " 个项目未完成奖补测算:"
                    + names(pending.stream().limit(20).map(projects::get).toList()) + (pending.size() > 20 ? " 等" : "")
                    + ";如不等待这些项目,请填写原因");
        }
        answers.skipPending(roundId, RoundStepAnswers.QUOTE_AWARD, reason);
    }

    /** Projects of the round that have not answered {@code step} yet, for the bureau's form and the API. */
    public List<Project> unanswered(long roundId, String step) {
        return answers.pending(roundId, step).stream().map(projects::get).toList();
    }

    /**
     * After the award quotes: ranks the projects that quoted against the budget (a project the bureau went on
     * without has no quote to rank).
     */
    public Map<Long, String> rankAgainstBudget(long roundId) {
        int year = require(roundId, "按预算排序", RoundStatus.LIST_DECISION).year();
        java.util.Set<Long> quoted = new java.util.HashSet<>(answers.done(roundId, RoundStepAnswers.QUOTE_AWARD));
        return awards.rank(year, projects.findByRoundAndStage(roundId, Stage.AWARD_DECISION).stream()
                .filter(p -> quoted.contains(p.id())).toList());
    }

    /** The projects whose budget place was drawn, for their award-decision forms. */
    public List<Project> awaitingDecision(long roundId) {
        return projects.findByRoundAndStage(roundId, Stage.AWARD_DECISION);
    }

    /** The list can be decided only when every passed project has its award decision. */
    public void checkListComplete(long roundId, Map<String, Object> values, Actor actor) {
        requireNote(values, "listNote", "名单说明");
        enter(roundId, actor, RoundStatus.LIST_DECISION);
        List<Project> pending = projects.findByRoundAndStage(roundId, Stage.AWARD_DECISION);
        if (!pending.isEmpty()) {
            throw new ValidationException("listNote", "尚有 " + pending.size() + " 个项目未审定拟扶持金额:" + names(pending));
        }
    }

    public void checkCloseRecommendation(long roundId, Map<String, Object> values, Actor actor) {
        requireNote(values, "closeNote", "说明");
        enter(roundId, actor, RoundStatus.RECOMMENDATION);
    }

    public record NoticePeriod(LocalDate firstDay, LocalDate lastDay, List<Project> projects) {
    }

    /** Publishes the list: the notice runs {@code workingDays} working days from the first working day from today. */
    public NoticePeriod openNotice(long roundId, int noticeWorkingDays) {
        require(roundId, "发布公示", RoundStatus.LIST_DECISION);
        LocalDate first = workingDays.onOrAfter(LocalDate.now(clock));
        LocalDate last = workingDays.lastOf(first, noticeWorkingDays);
        jdbc.sql("update review_round set status = :s, notice_starts_on = :first, notice_ends_on = :last where id = :id")
                .param("s", RoundStatus.NOTICE.name()).param("first", first).param("last", last).param("id", roundId)
                .update();
        List<Project> listed = projects.findByRoundAndStage(roundId, Stage.AWAITING_NOTICE);
        listed.forEach(p -> notice.opened(p.id(), first, last));
        return new NoticePeriod(first, last, listed);
    }

    /**
     * Ends the notice once its last working day is over (the notice ends at the start of the next day, Beijing time),
     * by the app's clock, whoever fires the timer: an early close fails, and the timer's job becomes an incident.
     */
    public List<Project> closeNotice(long roundId) {
        Round r = require(roundId, "结束公示", RoundStatus.NOTICE);
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (!now.toLocalDate().isAfter(r.noticeEndsOn())) {
            throw new StepRefusedException(describe(r) + "的公示期至 " + r.noticeEndsOn() + " 止,"
                    + r.noticeEndsOn().plusDays(1) + " 00:00(北京时间)期满;现在是 "
                    + now.truncatedTo(ChronoUnit.SECONDS).toLocalDateTime() + ",不能提前结束公示");
        }
        setStatus(roundId, RoundStatus.CLOSED);
        List<Project> listed = projects.findByRoundAndStage(roundId, Stage.PUBLIC_NOTICE);
        listed.forEach(p -> notice.closed(p.id()));
        answers.expect(roundId, RoundStepAnswers.NOTICE_CLOSED, listed.stream().map(Project::id).toList());
        return listed;
    }

    /** A round that ends early (nothing to recommend, review or list). */
    public void close(long roundId) {
        setStatus(roundId, RoundStatus.CLOSED);
    }

    private void setStatus(long roundId, RoundStatus status) {
        jdbc.sql("update review_round set status = :s where id = :id").param("s", status.name()).param("id", roundId).update();
    }

    private static void requireNote(Map<String, Object> values, String key, String label) {
        FormValues f = new FormValues(values);
        f.text(key, label, true, 2000);
        f.throwIfInvalid();
    }

    private static String names(List<Project> ps) {
        return ps.stream().map(p -> p.enterpriseName() + "「" + p.projectName() + "」").collect(Collectors.joining("、"));
    }
}

package cn.tcsubsidy.panel.domain;

import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panel's score sheets (tables {@code panel_score}, {@code panel_score_criterion}) and each project's outcome
 * ({@code panel_outcome}, {@code panel_outcome_criterion}): one row per member, project and round, never a process
 * variable. Who may read them, and when, is the caller's check (the scores stay hidden until the panel closes).
 */
@Component
public class Scores {

    /** The member's user id: a second sheet of the same member for the same project and round is refused. */
    public static final String MEMBER = "memberUserId";

    /** A sheet handed in: whose and when, without its scores (what the bureau sees while the panel scores). */
    public record Submission(String memberUserId, LocalDateTime submittedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Scores(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The correctable points a member listed on the sheet (退回补正), kept with it. */
    public void saveCorrectionPoints(long sheetId, String points) {
        jdbc.sql("update panel_score set correction_points = :c where id = :id").param("c", points).param("id", sheetId)
                .update();
    }

    /** The correctable points the project's sheets of the round listed, in the order handed in; none: empty. */
    public List<String> correctionPoints(long roundId, long projectId) {
        return jdbc.sql("""
                select correction_points from panel_score
                 where round_id = :r and project_id = :p and correction_points is not null order by id
                """).param("r", roundId).param("p", projectId).query(String.class).list();
    }

    /** Stores the member's sheet with its criteria as scored; refuses a second sheet of the member; returns its id. */
    @Transactional
    public long save(ScoreSheet sheet) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into panel_score (round_id, project_id, member_user_id, opinion, overall_comment,
                      weighted_total, submitted_at)
                    values (:r, :p, :m, :o, :c, :t, :at)
                    """).param("r", sheet.roundId()).param("p", sheet.projectId()).param("m", sheet.memberUserId())
                    .param("o", sheet.opinion().name()).param("c", sheet.comment()).param("t", sheet.weightedTotal())
                    .param("at", LocalDateTime.now(clock)).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ValidationException(MEMBER, "您已提交该项目本轮的评分,不能重复提交");
        }
        long id = keys.getKey().longValue();
        int position = 0;
        for (Criterion c : sheet.criteria()) {
            CriterionScore s = sheet.scores().get(position);
            jdbc.sql("""
                    insert into panel_score_criterion (score_id, criterion, position, label, max_score, weight, score, comment)
                    values (:id, :k, :pos, :l, :max, :w, :s, :c)
                    """).param("id", id).param("k", c.key()).param("pos", position).param("l", c.label())
                    .param("max", c.maxScore()).param("w", c.weight()).param("s", s.score()).param("c", s.comment())
                    .update();
            position++;
        }
        return id;
    }

    /** The sheets of a project in a round, in the order they were handed in, each on the criteria it was scored on. */
    @Transactional(readOnly = true)
    public List<ScoreSheet> byProject(long roundId, long projectId) {
        record Row(long id, String member, Opinion opinion, String comment) {
        }
        List<Row> rows = jdbc.sql("""
                select id, member_user_id, opinion, overall_comment from panel_score
                where round_id = :r and project_id = :p order by submitted_at, id
                """).param("r", roundId).param("p", projectId)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("member_user_id"),
                        Opinion.valueOf(rs.getString("opinion")), rs.getString("overall_comment"))).list();
        List<ScoreSheet> sheets = new ArrayList<>();
        for (Row row : rows) {
            List<Criterion> criteria = new ArrayList<>();
            List<CriterionScore> scores = new ArrayList<>();
            jdbc.sql("select * from panel_score_criterion where score_id = :id order by position").param("id", row.id())
                    .query(rs -> {
                        criteria.add(new Criterion(rs.getString("criterion"), rs.getString("label"),
                                rs.getBigDecimal("max_score"), rs.getBigDecimal("weight")));
                        scores.add(new CriterionScore(rs.getString("criterion"), rs.getBigDecimal("score"), rs.getString("comment")));
                    });
            sheets.add(new ScoreSheet(roundId, projectId, row.member(), criteria, scores, row.opinion(), row.comment()));
        }
        return sheets;
    }

    /** Who has handed in a sheet for the project, and when, without the scores. */
    public List<Submission> submissions(long roundId, long projectId) {
        return jdbc.sql("""
                select member_user_id, submitted_at from panel_score
                where round_id = :r and project_id = :p order by submitted_at, id
                """).param("r", roundId).param("p", projectId)
                .query((rs, i) -> new Submission(rs.getString(1), rs.getObject(2, LocalDateTime.class))).list();
    }

    /** Records the panel's aggregate for the project; a project's outcome is recorded once. */
    @Transactional
    public void saveOutcome(PanelOutcome o, String decidedBy) {
        if (o.agreedScore() != null) {
            throw new IllegalArgumentException("record the aggregate first, then the agreement");
        }
        try {
            jdbc.sql("""
                    insert into panel_outcome (round_id, project_id, aggregate_score, spread, needs_consensus, sheet_count,
                      recommend_count, not_recommend_count, dropped_members, decided_by, decided_at)
                    values (:r, :p, :score, :spread, :consensus, :n, :yes, :no, :dropped, :by, :at)
                    """).param("r", o.roundId()).param("p", o.projectId()).param("score", o.aggregateScore())
                    .param("spread", o.spread()).param("consensus", o.needsConsensus()).param("n", o.sheets())
                    .param("yes", o.count(Opinion.RECOMMEND)).param("no", o.count(Opinion.NOT_RECOMMEND))
                    .param("dropped", String.join(",", o.droppedMembers())).param("by", decidedBy)
                    .param("at", LocalDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("the panel outcome of project " + o.projectId() + " in round "
                    + o.roundId() + " is already recorded", e);
        }
        int position = 0;
        for (Map.Entry<String, BigDecimal> c : o.breakdown().entrySet()) {
            jdbc.sql("""
                    insert into panel_outcome_criterion (round_id, project_id, criterion, position, score, dropped_members)
                    values (:r, :p, :k, :pos, :s, :dropped)
                    """).param("r", o.roundId()).param("p", o.projectId()).param("k", c.getKey()).param("pos", position++)
                    .param("s", c.getValue())
                    .param("dropped", String.join(",", o.droppedPerCriterion().getOrDefault(c.getKey(), List.of())))
                    .update();
        }
    }

    /** Records the consensus (合议) on a recorded outcome that needed one and has none yet. */
    @Transactional
    public void saveAgreement(PanelOutcome agreed, String agreedBy) {
        if (agreed.agreedScore() == null) {
            throw new IllegalArgumentException("no agreed score to record");
        }
        int updated = jdbc.sql("""
                update panel_outcome set agreed_score = :score, agreed_reason = :reason, agreed_by = :by, agreed_at = :at
                where round_id = :r and project_id = :p and needs_consensus and agreed_score is null
                """).param("score", agreed.agreedScore()).param("reason", agreed.agreedReason()).param("by", agreedBy)
                .param("at", LocalDateTime.now(clock)).param("r", agreed.roundId()).param("p", agreed.projectId()).update();
        if (updated != 1) {
            throw new ValidationException(PanelOutcome.AGREED_SCORE, "该项目没有待合议的评审结果,或合议得分已记录");
        }
    }

    /** Records the pass mark the conclusion applied and whether the project passed. */
    @Transactional
    public void recordDecision(long roundId, long projectId, BigDecimal passScore, boolean passed) {
        jdbc.sql("update panel_outcome set pass_score = :s, passed = :p where round_id = :r and project_id = :id")
                .param("s", passScore).param("p", passed).param("r", roundId).param("id", projectId).update();
    }

    /** The project's recorded outcome with its breakdown and each member's opinion. */
    @Transactional(readOnly = true)
    public Optional<PanelOutcome> outcome(long roundId, long projectId) {
        Map<String, BigDecimal> breakdown = new LinkedHashMap<>();
        Map<String, List<String>> dropped = new LinkedHashMap<>();
        jdbc.sql("select * from panel_outcome_criterion where round_id = :r and project_id = :p order by position")
                .param("r", roundId).param("p", projectId).query(rs -> {
                    breakdown.put(rs.getString("criterion"), rs.getBigDecimal("score"));
                    dropped.put(rs.getString("criterion"), members(rs.getString("dropped_members")));
                });
        Map<String, Opinion> opinions = new LinkedHashMap<>();
        jdbc.sql("""
                select member_user_id, opinion from panel_score where round_id = :r and project_id = :p
                order by submitted_at, id
                """).param("r", roundId).param("p", projectId)
                .query(rs -> {
                    opinions.put(rs.getString(1), Opinion.valueOf(rs.getString(2)));
                });
        return jdbc.sql("select * from panel_outcome where round_id = :r and project_id = :p")
                .param("r", roundId).param("p", projectId)
                .query((rs, i) -> new PanelOutcome(roundId, projectId, rs.getBigDecimal("aggregate_score"), breakdown,
                        opinions, rs.getBigDecimal("spread"), rs.getBoolean("needs_consensus"),
                        members(rs.getString("dropped_members")), dropped, rs.getBigDecimal("agreed_score"),
                        rs.getString("agreed_reason"))).optional();
    }

    private static List<String> members(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}

package cn.tcsubsidy.round.domain;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which projects have answered a round step that runs as one job per project (table {@code round_step_answer}).
 * A row per project and step, never a shared variable: hundreds of project jobs answer at once.
 */
@Component
public class RoundStepAnswers {

    /** The step whose answers the round waits for: each project's award quote after the review closed. */
    public static final String QUOTE_AWARD = "QUOTE_AWARD";
    /** Recommendation opened: each project's job created its town's task. */
    public static final String RECOMMENDATION_OPENED = "RECOMMENDATION_OPENED";
    /** Recommendation closed: each project its town did not recommend in time went back to the pool. */
    public static final String RECOMMENDATION_CLOSED = "RECOMMENDATION_CLOSED";
    /** The notice ended: each listed project's job created the bureau's confirmation task. */
    public static final String NOTICE_CLOSED = "NOTICE_CLOSED";

    /** Every step a round fans out to its projects, in the order of the round, with the name the bureau reads. */
    public static final java.util.Map<String, String> STEPS = steps();

    private static java.util.Map<String, String> steps() {
        java.util.Map<String, String> steps = new java.util.LinkedHashMap<>();
        steps.put(RECOMMENDATION_OPENED, "启动推荐(生成镇街审核任务)");
        steps.put(RECOMMENDATION_CLOSED, "关闭推荐(未推荐项目留库)");
        steps.put(QUOTE_AWARD, "按奖补规则测算");
        steps.put(NOTICE_CLOSED, "公示期满(生成公示结果确认任务)");
        return java.util.Collections.unmodifiableMap(steps);
    }

    public enum Status { PENDING, DONE, SKIPPED }

    public record Answer(long projectId, Status status, LocalDateTime answeredAt, String note) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public RoundStepAnswers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The round is about to send the step to these projects: each owes an answer. */
    public void expect(long roundId, String step, List<Long> projectIds) {
        for (long p : projectIds) {
            jdbc.sql("insert into round_step_answer (round_id, step, project_id, status) values (:r, :s, :p, :st)")
                    .param("r", roundId).param("s", step).param("p", p).param("st", Status.PENDING.name()).update();
        }
    }

    /**
     * The project's job did the step. Takes the round's row lock first, so that of two projects answering last at
     * once exactly one sees nothing left pending.
     *
     * @return true when this answer was the last one the round waited for
     */
    public boolean answer(long roundId, String step, long projectId) {
        jdbc.sql("select id from review_round where id = :r for update").param("r", roundId).query(Long.class).single();
        int updated = jdbc.sql("""
                update round_step_answer set status = :done, answered_at = :at
                where round_id = :r and step = :s and project_id = :p and status = :pending
                """).param("done", Status.DONE.name()).param("at", LocalDateTime.now(clock)).param("r", roundId)
                .param("s", step).param("p", projectId).param("pending", Status.PENDING.name()).update();
        return updated == 1 && pending(roundId, step).isEmpty();
    }

    public List<Long> pending(long roundId, String step) {
        return withStatus(roundId, step, Status.PENDING);
    }

    public List<Long> done(long roundId, String step) {
        return withStatus(roundId, step, Status.DONE);
    }

    /** The bureau goes on without the projects still pending; the reason stays on each of their rows. */
    public void skipPending(long roundId, String step, String reason) {
        jdbc.sql("""
                update round_step_answer set status = :skipped, answered_at = :at, note = :note
                where round_id = :r and step = :s and status = :pending
                """).param("skipped", Status.SKIPPED.name()).param("at", LocalDateTime.now(clock)).param("note", reason)
                .param("r", roundId).param("s", step).param("pending", Status.PENDING.name()).update();
    }

    public List<Answer> list(long roundId, String step) {
        return jdbc.sql("select * from round_step_answer where round_id = :r and step = :s order by project_id")
                .param("r", roundId).param("s", step)
                .query((rs, i) -> new Answer(rs.getLong("project_id"), Status.valueOf(rs.getString("status")),
                        rs.getObject("answered_at", LocalDateTime.class), rs.getString("note"))).list();
    }

    private List<Long> withStatus(long roundId, String step, Status status) {
        return jdbc.sql("select project_id from round_step_answer where round_id = :r and step = :s and status = :st "
                        + "order by project_id")
                .param("r", roundId).param("s", step).param("st", status.name()).query(Long.class).list();
    }
}

package cn.tcsubsidy.followup.domain;

import cn.tcsubsidy.followup.domain.FollowUpRecords.Evaluation;
import cn.tcsubsidy.followup.domain.FollowUpRecords.Report;
import cn.tcsubsidy.followup.domain.FollowUpRecords.Urge;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables follow_up, follow_up_report, follow_up_result, follow_up_urge and follow_up_evaluation. Callers hold the
 * project's row lock (StageGuard), which serialises every change of one project's follow-up.
 */
@Repository
class FollowUps {

    private final JdbcClient jdbc;

    FollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FollowUp f) {
        jdbc.sql("""
                insert into follow_up (project_id, status, last_payment_on, report_opens_on, report_due_on,
                  escalation_due_on, rectify_working_days, reporter, rule_note, opened_at)
                values (:p, :s, :paid, :opens, :due, :esc, :rect, :reporter, :note, :at)
                """)
                .param("p", f.projectId()).param("s", f.status().name()).param("paid", f.lastPaymentOn())
                .param("opens", f.reportOpensOn()).param("due", f.reportDueOn()).param("esc", f.escalationDueOn())
                .param("rect", f.rectifyWorkingDays()).param("reporter", f.reporter()).param("note", f.ruleNote())
                .param("at", f.openedAt()).update();
    }

    Optional<FollowUp> find(long projectId) {
        return jdbc.sql("select * from follow_up where project_id = :p").param("p", projectId)
                .query(FollowUps::followUp).optional();
    }

    void setStatus(long projectId, FollowUpStatus status, LocalDateTime closedAt) {
        jdbc.sql("update follow_up set status = :s, closed_at = :c where project_id = :p")
                .param("s", status.name()).param("c", closedAt).param("p", projectId).update();
    }

    void setRectifyDue(long projectId, LocalDate due) {
        jdbc.sql("update follow_up set rectify_due_on = :d where project_id = :p").param("d", due).param("p", projectId)
                .update();
    }

    long insertReport(long projectId, int round, String note, Map<Indicator, BigDecimal> results, String by,
                      LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into follow_up_report (project_id, round, note, reported_by, reported_at)
                values (:p, :r, :n, :by, :at)
                """).param("p", projectId).param("r", round).param("n", note).param("by", by).param("at", at)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        results.forEach((i, v) -> jdbc.sql("""
                insert into follow_up_result (report_id, indicator, result_value) values (:r, :i, :v)
                """).param("r", id).param("i", i.name()).param("v", v).update());
        return id;
    }

    List<Report> reports(long projectId) {
        return jdbc.sql("select * from follow_up_report where project_id = :p order by round").param("p", projectId)
                .query((rs, n) -> new Report(rs.getLong("id"), rs.getInt("round"), rs.getString("note"),
                        rs.getString("reported_by"), rs.getObject("reported_at", LocalDateTime.class), Map.of()))
                .list().stream().map(r -> new Report(r.id(), r.round(), r.note(), r.reportedBy(), r.reportedAt(),
                        results(r.id()))).toList();
    }

    private Map<Indicator, BigDecimal> results(long reportId) {
        Map<Indicator, BigDecimal> results = new EnumMap<>(Indicator.class);
        jdbc.sql("select indicator, result_value from follow_up_result where report_id = :r").param("r", reportId)
                .query((rs, n) -> Map.entry(Indicator.valueOf(rs.getString(1)), rs.getBigDecimal(2))).list()
                .forEach(e -> results.put(e.getKey(), e.getValue()));
        return results;
    }

    void insertUrge(long projectId, String level, String note, String by, LocalDateTime at) {
        jdbc.sql("""
                insert into follow_up_urge (project_id, level, note, urged_by, urged_at) values (:p, :l, :n, :by, :at)
                """).param("p", projectId).param("l", level).param("n", note).param("by", by).param("at", at).update();
    }

    List<Urge> urges(long projectId) {
        return jdbc.sql("select * from follow_up_urge where project_id = :p order by id").param("p", projectId)
                .query((rs, n) -> new Urge(rs.getString("level"), rs.getString("note"), rs.getString("urged_by"),
                        rs.getObject("urged_at", LocalDateTime.class))).list();
    }

    void insertEvaluation(long projectId, Evaluation e) {
        jdbc.sql("""
                insert into follow_up_evaluation (project_id, round, lowest_ratio, suggested_conclusion, suggested_share,
                  rule_note, conclusion, departure_reason, clawback_amount, clawback_basis, opinion, evaluated_by,
                  evaluated_at)
                values (:p, :round, :ratio, :sc, :ss, :note, :c, :dr, :amount, :basis, :opinion, :by, :at)
                """)
                .param("p", projectId).param("round", e.round()).param("ratio", e.lowestRatio())
                .param("sc", e.suggestedConclusion()).param("ss", e.suggestedShare()).param("note", e.ruleNote())
                .param("c", e.conclusion()).param("dr", e.departureReason()).param("amount", e.clawbackAmount())
                .param("basis", e.clawbackBasis()).param("opinion", e.opinion()).param("by", e.evaluatedBy())
                .param("at", e.evaluatedAt()).update();
    }

    List<Evaluation> evaluations(long projectId) {
        return jdbc.sql("select * from follow_up_evaluation where project_id = :p order by round").param("p", projectId)
                .query((rs, n) -> new Evaluation(rs.getInt("round"), rs.getBigDecimal("lowest_ratio"),
                        rs.getString("suggested_conclusion"), rs.getBigDecimal("suggested_share"),
                        rs.getString("rule_note"), rs.getString("conclusion"), rs.getString("departure_reason"),
                        rs.getBigDecimal("clawback_amount"), rs.getString("clawback_basis"), rs.getString("opinion"),
                        rs.getString("evaluated_by"), rs.getObject("evaluated_at", LocalDateTime.class))).list();
    }

    private static FollowUp followUp(ResultSet rs, int row) throws SQLException {
        return new FollowUp(rs.getLong("project_id"), FollowUpStatus.valueOf(rs.getString("status")),
                rs.getObject("last_payment_on", LocalDate.class), rs.getObject("report_opens_on", LocalDate.class),
                rs.getObject("report_due_on", LocalDate.class), rs.getObject("escalation_due_on", LocalDate.class),
                rs.getInt("rectify_working_days"), rs.getObject("rectify_due_on", LocalDate.class),
                rs.getString("reporter"), rs.getString("rule_note"), rs.getObject("opened_at", LocalDateTime.class),
                rs.getObject("closed_at", LocalDateTime.class));
    }
}

package cn.tcsubsidy.rules.change.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables rule_change and rule_change_file. */
@Repository
public class RuleChanges {

    private final JdbcClient jdbc;

    public RuleChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String jurisdiction, String uploadedBy, LocalDateTime uploadedAt, String reason, LocalDate activateOn,
                List<RuleChangeFile> files) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rule_change (jurisdiction_code, status, uploaded_by, uploaded_at, reason, activate_on)
                values (:j, :status, :by, :at, :reason, :on)
                """)
                .param("j", jurisdiction).param("status", RuleChangeStatus.PENDING_APPROVAL.name())
                .param("by", uploadedBy).param("at", uploadedAt).param("reason", reason).param("on", activateOn)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (RuleChangeFile f : files) {
            jdbc.sql("""
                    insert into rule_change_file (rule_change_id, file_name, size_bytes, sha256, content)
                    values (:c, :name, :size, :sha, :content)
                    """)
                    .param("c", id).param("name", f.name()).param("size", f.size()).param("sha", f.sha256())
                    .param("content", f.content()).update();
        }
        return id;
    }

    public Optional<RuleChange> find(long id) {
        List<String> names = fileNames(List.of(id)).getOrDefault(id, List.of());
        return jdbc.sql("select * from rule_change where id = :id").param("id", id)
                .query((rs, n) -> row(rs, names)).optional();
    }

    /** The change's row locked for the rest of the transaction (a decision, an activation). */
    Optional<RuleChange> lock(long id) {
        List<Long> found = jdbc.sql("select id from rule_change where id = :id for update").param("id", id)
                .query(Long.class).list();
        return found.isEmpty() ? Optional.empty() : find(id);
    }

    /** The jurisdiction's changes, newest first. */
    public List<RuleChange> of(String jurisdiction) {
        List<Long> ids = jdbc.sql("select id from rule_change where jurisdiction_code = :j order by id desc")
                .param("j", jurisdiction).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> names = fileNames(ids);
        return jdbc.sql("select * from rule_change where jurisdiction_code = :j order by id desc").param("j", jurisdiction)
                .query((rs, n) -> row(rs, names.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public List<RuleChangeFile> files(long changeId) {
        return jdbc.sql("select file_name, content, sha256 from rule_change_file where rule_change_id = :c order by id")
                .param("c", changeId)
                .query((rs, n) -> new RuleChangeFile(rs.getString("file_name"), rs.getBytes("content"),
                        rs.getString("sha256"))).list();
    }

    void decide(long id, RuleChangeStatus status, String decidedBy, LocalDateTime at, String comment) {
        jdbc.sql("""
                update rule_change set status = :status, approved_by = :by, approved_at = :at, decision_comment = :c
                where id = :id and status = :pending
                """)
                .param("status", status.name()).param("by", decidedBy).param("at", at).param("c", comment)
                .param("id", id).param("pending", RuleChangeStatus.PENDING_APPROVAL.name()).update();
    }

    /** Approved and in force at once: one update, so no row is ever ACTIVE without its deployment. */
    void approvedAndActive(long id, String decidedBy, LocalDateTime at, String comment, String deploymentId) {
        jdbc.sql("""
                update rule_change set status = :status, approved_by = :by, approved_at = :at, decision_comment = :c,
                  deployment_id = :d, activated_at = :at
                where id = :id and status = :pending
                """)
                .param("status", RuleChangeStatus.ACTIVE.name()).param("by", decidedBy).param("at", at)
                .param("c", comment).param("d", deploymentId).param("id", id)
                .param("pending", RuleChangeStatus.PENDING_APPROVAL.name()).update();
    }

    void scheduled(long id, String processInstanceId) {
        jdbc.sql("update rule_change set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    void activated(long id, String deploymentId, LocalDateTime at) {
        jdbc.sql("""
                update rule_change set status = :status, deployment_id = :d, activated_at = :at
                where id = :id and status = :scheduled
                """)
                .param("status", RuleChangeStatus.ACTIVE.name()).param("d", deploymentId).param("at", at)
                .param("id", id).param("scheduled", RuleChangeStatus.SCHEDULED.name()).update();
    }

    private Map<Long, List<String>> fileNames(List<Long> changeIds) {
        return jdbc.sql("select rule_change_id, file_name from rule_change_file where rule_change_id in (:ids) order by id")
                .param("ids", changeIds)
                .query((rs, n) -> Map.entry(rs.getLong("rule_change_id"), rs.getString("file_name"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static RuleChange row(ResultSet rs, List<String> files) throws SQLException {
        java.sql.Date on = rs.getDate("activate_on");
        return new RuleChange(rs.getLong("id"), rs.getString("jurisdiction_code"),
                RuleChangeStatus.valueOf(rs.getString("status")), rs.getString("uploaded_by"),
                time(rs.getTimestamp("uploaded_at")), rs.getString("reason"), on == null ? null : on.toLocalDate(),
                rs.getString("approved_by"), time(rs.getTimestamp("approved_at")), rs.getString("decision_comment"),
                rs.getString("process_instance_id"), rs.getString("deployment_id"),
                time(rs.getTimestamp("activated_at")), files);
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}

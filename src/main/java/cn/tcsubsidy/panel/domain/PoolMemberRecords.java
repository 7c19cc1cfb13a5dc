package cn.tcsubsidy.panel.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The pool's tables: {@code pool_member} with its fields and ties, and {@code pool_member_change}. */
@Repository
public class PoolMemberRecords {

    /** A member's values as entered, without id and state. */
    public record Values(MemberKind kind, String displayName, List<String> fields, String employerName,
                         String employerCreditCode, List<Tie> ties) {
    }

    private final JdbcClient jdbc;

    public PoolMemberRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String jurisdiction, String userId, Values v, String by, LocalDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into pool_member (jurisdiction_code, user_id, kind, display_name, employer_name,
                    employer_credit_code, active, created_by, created_at, updated_by, updated_at)
                values (:j, :u, :kind, :name, :employer, :employerCode, true, :by, :at, :by, :at)""")
                .param("j", jurisdiction).param("u", userId).param("kind", v.kind().name()).param("name", v.displayName())
                .param("employer", v.employerName()).param("employerCode", v.employerCreditCode())
                .param("by", by).param("at", at)
                .update(key, "id");
        long id = key.getKey().longValue();
        writeLists(id, v);
        return id;
    }

    public void update(long id, Values v, String by, LocalDateTime at) {
        jdbc.sql("""
                update pool_member set kind = :kind, display_name = :name, employer_name = :employer,
                    employer_credit_code = :employerCode, updated_by = :by, updated_at = :at where id = :id""")
                .param("kind", v.kind().name()).param("name", v.displayName()).param("employer", v.employerName())
                .param("employerCode", v.employerCreditCode()).param("by", by).param("at", at).param("id", id)
                .update();
        jdbc.sql("delete from pool_member_field where member_id = :id").param("id", id).update();
        jdbc.sql("delete from pool_member_tie where member_id = :id").param("id", id).update();
        writeLists(id, v);
    }

    public void deactivate(long id, String reason, String by, LocalDateTime at) {
        jdbc.sql("update pool_member set active = false, deactivated_reason = :r, updated_by = :by, updated_at = :at "
                        + "where id = :id")
                .param("r", reason).param("by", by).param("at", at).param("id", id).update();
    }

    private void writeLists(long id, Values v) {
        for (String field : v.fields()) {
            jdbc.sql("insert into pool_member_field (member_id, category) values (:id, :c)")
                    .param("id", id).param("c", field).update();
        }
        for (Tie t : v.ties()) {
            jdbc.sql("insert into pool_member_tie (member_id, credit_code, tie_kind, ends_on) values (:id, :c, :k, :e)")
                    .param("id", id).param("c", t.creditCode()).param("k", t.kind().name()).param("e", t.endsOn())
                    .update();
        }
    }

    public void recordChange(long memberId, String action, String by, LocalDateTime at, String detail) {
        jdbc.sql("insert into pool_member_change (member_id, action, changed_by, changed_at, detail) "
                        + "values (:m, :a, :by, :at, :d)")
                .param("m", memberId).param("a", action).param("by", by).param("at", at).param("d", detail).update();
    }

    public List<PoolMemberChange> changes(long memberId) {
        return jdbc.sql("select * from pool_member_change where member_id = :m order by id").param("m", memberId)
                .query((rs, i) -> new PoolMemberChange(rs.getLong("member_id"), rs.getString("action"),
                        rs.getString("changed_by"), rs.getObject("changed_at", LocalDateTime.class), rs.getString("detail")))
                .list();
    }

    public Optional<PoolMember> find(long id) {
        return members("select * from pool_member where id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Locks the member's row for the rest of the transaction, so two changes of one member cannot interleave. */
    public Optional<PoolMember> lock(long id) {
        return members("select * from pool_member where id = :id for update", Map.of("id", id)).stream().findFirst();
    }

    public Optional<PoolMember> findByUser(String userId) {
        return members("select * from pool_member where user_id = :u", Map.of("u", userId)).stream().findFirst();
    }

    /** The jurisdiction's members, oldest first. */
    public List<PoolMember> of(String jurisdiction) {
        return members("select * from pool_member where jurisdiction_code = :j order by id", Map.of("j", jurisdiction));
    }

    private List<PoolMember> members(String sql, Map<String, ?> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(PoolMemberRecords::row).list();
        List<PoolMember> members = new ArrayList<>();
        for (Row r : rows) {
            List<String> fields = jdbc.sql("select category from pool_member_field where member_id = :id order by category")
                    .param("id", r.id()).query(String.class).list();
            List<Tie> ties = jdbc.sql("select * from pool_member_tie where member_id = :id order by id")
                    .param("id", r.id())
                    .query((rs, i) -> new Tie(rs.getString("credit_code"), TieKind.valueOf(rs.getString("tie_kind")),
                            rs.getObject("ends_on", LocalDate.class)))
                    .list();
            members.add(new PoolMember(r.id(), r.jurisdiction(), r.userId(), r.kind(), r.displayName(), fields,
                    r.employerName(), r.employerCreditCode(), ties, r.active(), r.deactivatedReason()));
        }
        return members;
    }

    private record Row(long id, String jurisdiction, String userId, MemberKind kind, String displayName,
                       String employerName, String employerCreditCode, boolean active, String deactivatedReason) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("jurisdiction_code"), rs.getString("user_id"),
                MemberKind.valueOf(rs.getString("kind")), rs.getString("display_name"), rs.getString("employer_name"),
                rs.getString("employer_credit_code"), rs.getBoolean("active"), rs.getString("deactivated_reason"));
    }

    /** The jurisdiction's look-back for declared ties (recusal_setting), in years. */
    public int tieLookbackYears(String jurisdiction) {
        return jdbc.sql("select tie_lookback_years from recusal_setting where jurisdiction_code = :j")
                .param("j", jurisdiction).query(Integer.class).single();
    }
}

package cn.tcsubsidy.award.scheme.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables award_scheme, award_scheme_rate and award_scheme_category. Runs in the caller's transaction. */
@Repository
class AwardSchemeRepository {

    /** The unique constraint that keeps one active scheme per jurisdiction, scope and year. */
    static final String ACTIVE_ONCE = "award_scheme_active_once";

    private final JdbcClient jdbc;

    AwardSchemeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SchemeCategory> categories(String jurisdiction) {
        return jdbc.sql("select * from award_scheme_category where jurisdiction_code = :j order by category")
                .param("j", jurisdiction)
                .query((rs, i) -> new SchemeCategory(rs.getString("jurisdiction_code"), rs.getString("category"),
                        ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("rate_meaning"),
                        rs.getString("source")))
                .list();
    }

    Optional<SchemeCategory> category(String jurisdiction, String category) {
        return categories(jurisdiction).stream().filter(c -> c.category().equals(category)).findFirst();
    }

    /** Inserts the scheme and its rates; a second active scheme of the scope and year fails on {@link #ACTIVE_ONCE}. */
    long insert(SchemeDraft d, String enteredBy, LocalDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into award_scheme (jurisdiction_code, scope_code, scheme_year, document, filed_on, sample, status,
                  active_year, entered_by, entered_at)
                values (:j, :s, :y, :d, :f, :sample, 'ACTIVE', :y, :by, :at)
                """)
                .param("j", d.jurisdiction()).param("s", d.scope()).param("y", d.year()).param("d", d.document())
                .param("f", d.filedOn()).param("sample", d.sample()).param("by", enteredBy).param("at", at)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (SchemeRate r : d.rates()) {
            jdbc.sql("""
                    insert into award_scheme_rate (scheme_id, category, rate, project_cap, enterprise_cap, note)
                    values (:id, :c, :r, :pc, :ec, :n)
                    """)
                    .param("id", id).param("c", r.category()).param("r", r.rate()).param("pc", r.projectCap())
                    .param("ec", r.enterpriseCap()).param("n", r.note()).update();
        }
        return id;
    }

    /** Withdraws an active scheme; false when it is no longer active (withdrawn meanwhile). */
    boolean withdraw(long id, String by, LocalDateTime at, String reason) {
        return jdbc.sql("""
                update award_scheme set status = 'WITHDRAWN', active_year = null, withdrawn_by = :by, withdrawn_at = :at,
                  withdraw_reason = :r where id = :id and status = 'ACTIVE'
                """).param("id", id).param("by", by).param("at", at).param("r", reason).update() == 1;
    }

    Optional<AwardScheme> find(long id) {
        return jdbc.sql("select * from award_scheme where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<AwardScheme> active(String jurisdiction, String scope, int year) {
        return jdbc.sql("select * from award_scheme where jurisdiction_code = :j and scope_code = :s and active_year = :y")
                .param("j", jurisdiction).param("s", scope).param("y", year).query(this::map).optional();
    }

    List<AwardScheme> list(String jurisdiction, Integer year) {
        return jdbc.sql("select * from award_scheme where jurisdiction_code = :j"
                        + (year == null ? "" : " and scheme_year = :y") + " order by scheme_year desc, scope_code, id desc")
                .param("j", jurisdiction).params(year == null ? Map.of() : Map.of("y", year))
                .query(this::map).list();
    }

    /**
     * The active scheme's document with its rate row for a category; a scheme without a row for the category gives
     * its document with no rate (the tables then say the scheme sets none for the category).
     */
    Optional<SchemeTerms> terms(String jurisdiction, String scope, int year, String category) {
        return jdbc.sql("""
                select s.document, s.sample, r.rate, r.project_cap, r.enterprise_cap
                from award_scheme s left join award_scheme_rate r on r.scheme_id = s.id and r.category = :c
                where s.jurisdiction_code = :j and s.scope_code = :s and s.active_year = :y
                """)
                .param("j", jurisdiction).param("s", scope).param("y", year).param("c", category)
                .query((rs, i) -> new SchemeTerms(rs.getString("document"), rs.getBoolean("sample"),
                        rs.getBigDecimal("rate"), rs.getBigDecimal("project_cap"), rs.getBigDecimal("enterprise_cap")))
                .optional();
    }

    private AwardScheme map(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong("id");
        List<SchemeRate> rates = jdbc.sql("select * from award_scheme_rate where scheme_id = :id order by category")
                .param("id", id)
                .query((r, n) -> new SchemeRate(r.getString("category"), r.getBigDecimal("rate"),
                        r.getBigDecimal("project_cap"), r.getBigDecimal("enterprise_cap"), r.getString("note")))
                .list();
        return new AwardScheme(id, rs.getString("jurisdiction_code"), rs.getString("scope_code"),
                rs.getInt("scheme_year"), rs.getString("document"), rs.getDate("filed_on").toLocalDate(),
                rs.getBoolean("sample"), SchemeStatus.valueOf(rs.getString("status")), rates,
                rs.getString("entered_by"), rs.getTimestamp("entered_at").toLocalDateTime(),
                rs.getString("withdrawn_by"), timestamp(rs, "withdrawn_at"), rs.getString("withdraw_reason"));
    }

    private static LocalDateTime timestamp(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}

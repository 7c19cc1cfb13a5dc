package cn.tcsubsidy.payment.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The payee_account table: a project's payees, append-only. A row's payee is never updated; only its status moves
 * on (RECORDED → CONFIRMED, either → SUPERSEDED). Callers hold the project's row lock.
 */
@Repository
class PayeeAccounts {

    private final JdbcClient jdbc;

    PayeeAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long projectId, Payee p, String recordedBy, LocalDateTime at, String reason) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into payee_account (project_id, payee_type, payee_name, bank_name, account_no, agreement_no,
                  status, live_project_id, recorded_by, recorded_at, change_reason)
                values (:p, :type, :name, :bank, :account, :agreement, :status, :p, :by, :at, :reason)
                """)
                .param("p", projectId).param("type", p.type().name()).param("name", p.name()).param("bank", p.bank())
                .param("account", p.account()).param("agreement", p.agreementNo())
                .param("status", PayeeStatus.RECORDED.name()).param("by", recordedBy).param("at", at)
                .param("reason", reason)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The project's live payee (recorded or confirmed, not superseded), if it has one. */
    Optional<PayeeAccount> live(long projectId) {
        return jdbc.sql("select * from payee_account where live_project_id = :p").param("p", projectId)
                .query(PayeeAccounts::map).optional();
    }

    PayeeAccount get(long id) {
        return jdbc.sql("select * from payee_account where id = :id").param("id", id).query(PayeeAccounts::map).single();
    }

    void confirm(long id, String by, LocalDateTime at) {
        requireOne(jdbc.sql("""
                update payee_account set status = :confirmed, confirmed_by = :by, confirmed_at = :at
                where id = :id and status = :recorded
                """)
                .param("confirmed", PayeeStatus.CONFIRMED.name()).param("recorded", PayeeStatus.RECORDED.name())
                .param("by", by).param("at", at).param("id", id).update(), id);
    }

    void supersede(long id, LocalDateTime at) {
        requireOne(jdbc.sql("""
                update payee_account set status = :superseded, live_project_id = null, superseded_at = :at
                where id = :id and live_project_id is not null
                """)
                .param("superseded", PayeeStatus.SUPERSEDED.name()).param("at", at).param("id", id).update(), id);
    }

    private static void requireOne(int rows, long id) {
        if (rows != 1) {
            throw new IllegalStateException("payee_account " + id + " is not live any more");
        }
    }

    private static PayeeAccount map(ResultSet rs, int row) throws SQLException {
        return new PayeeAccount(rs.getLong("id"), rs.getLong("project_id"),
                new Payee(PayeeType.valueOf(rs.getString("payee_type")), rs.getString("payee_name"),
                        rs.getString("bank_name"), rs.getString("account_no"), rs.getString("agreement_no")),
                PayeeStatus.valueOf(rs.getString("status")), rs.getString("recorded_by"),
                rs.getObject("recorded_at", LocalDateTime.class), rs.getString("change_reason"),
                rs.getString("confirmed_by"), rs.getObject("confirmed_at", LocalDateTime.class),
                rs.getObject("superseded_at", LocalDateTime.class));
    }
}

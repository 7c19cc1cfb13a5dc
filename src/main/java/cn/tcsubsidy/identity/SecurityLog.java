package cn.tcsubsidy.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The security log (table security_log): sign-ins, failed sign-ins, refusals and administrators' actions, kept at
 * least {@value #MINIMUM_RETENTION_DAYS} days (网络安全法 第二十一条: logs kept no less than six months).
 * Each entry is written in its own transaction, so a refusal recorded inside work that is then rolled back stays.
 */
@Repository
public class SecurityLog {

    public enum Kind { SIGN_IN, SIGN_IN_FAILED, REFUSED, ADMIN_ACTION }

    public record Entry(long id, LocalDateTime occurredAt, Kind kind, String userId, String source, String detail) {
    }

    public static final int MINIMUM_RETENTION_DAYS = 183;
    static final int MAX_DETAIL = 1000;
    static final int MAX_ID = 64;

    private static final Logger LOG = LoggerFactory.getLogger(SecurityLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public SecurityLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends an entry; userId and source may be null (unknown). A failing write is logged, never thrown. */
    public void record(Kind kind, String userId, String source, String detail) {
        try {
            ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                    insert into security_log (occurred_at, kind, user_id, source, detail)
                    values (:at, :kind, :user, :source, :detail)
                    """)
                    .param("at", LocalDateTime.now(clock)).param("kind", kind.name())
                    .param("user", cut(userId, MAX_ID)).param("source", cut(source, MAX_ID))
                    .param("detail", cut(detail, MAX_DETAIL))
                    .update());
        } catch (DataAccessException | TransactionException e) {
            LOG.error("security log entry not stored: {} user={} source={} {}", kind, userId, source, detail, e);
        }
    }

    /** The newest entries first, for the administrator and tests. */
    public List<Entry> newest(int limit) {
        return jdbc.sql("select * from security_log order by id desc limit :n")
                .param("n", limit)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getObject("occurred_at", LocalDateTime.class),
                        Kind.valueOf(rs.getString("kind")), rs.getString("user_id"), rs.getString("source"),
                        rs.getString("detail")))
                .list();
    }

    /**
     * Deletes the entries older than the retention, which may not be shorter than the legal minimum.
     *
     * @return how many entries were deleted
     */
    public int deleteOlderThan(Duration retention) {
        requireLegalRetention(retention);
        return jdbc.sql("delete from security_log where occurred_at < :cutoff")
                .param("cutoff", LocalDateTime.now(clock).minus(retention))
                .update();
    }

    static void requireLegalRetention(Duration retention) {
        if (retention == null || retention.compareTo(Duration.ofDays(MINIMUM_RETENTION_DAYS)) < 0) {
            throw new IllegalArgumentException("安全日志保存期限不得少于 " + MINIMUM_RETENTION_DAYS + " 天(六个月),配置为:" + retention);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

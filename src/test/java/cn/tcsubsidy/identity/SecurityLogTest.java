package cn.tcsubsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.identity.SecurityLog.Entry;
import cn.tcsubsidy.identity.SecurityLog.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The security log on the app's own migrations (H2): entries survive a rollback and six months of cleanup. */
class SecurityLogTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    JdbcClient jdbc;
    DataSourceTransactionManager transactions;
    SecurityLog log;

    @BeforeEach
    void database() {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:security-log-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = JdbcClient.create(ds);
        transactions = new DataSourceTransactionManager(ds);
        log = new SecurityLog(jdbc, CLOCK, transactions);
    }

    void entryAged(Duration age, String detail) {
        jdbc.sql("insert into security_log (occurred_at, kind, user_id, source, detail) values (:at, 'SIGN_IN', 'admin', '203.0.113.1', :d)")
                .param("at", LocalDateTime.now(CLOCK).minus(age)).param("d", detail).update();
    }

    @Test
    void shouldRecordAnEntryWithTimeKindUserSourceAndDetail() {
        log.record(Kind.SIGN_IN_FAILED, "admin", "203.0.113.9", "HTTP Basic /api");
        assertThat(log.newest(1)).singleElement().satisfies(e -> {
            assertThat(e.occurredAt()).isEqualTo(LocalDateTime.now(CLOCK));
            assertThat(e.kind()).isEqualTo(Kind.SIGN_IN_FAILED);
            assertThat(e.userId()).isEqualTo("admin");
            assertThat(e.source()).isEqualTo("203.0.113.9");
            assertThat(e.detail()).isEqualTo("HTTP Basic /api");
        });
    }

    @Test
    void shouldKeepAnEntryRecordedInsideWorkThatIsRolledBack() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            log.record(Kind.REFUSED, "hekou-bureau", "198.51.100.3", "提交被拒绝");
            tx.setRollbackOnly();
        });
        assertThat(log.newest(10)).extracting(Entry::kind).containsExactly(Kind.REFUSED);
    }

    @Test
    void shouldCutOverlongValuesInsteadOfLosingTheEntry() {
        log.record(Kind.ADMIN_ACTION, "u".repeat(300), "s".repeat(300), "d".repeat(5000));
        Entry e = log.newest(1).get(0);
        assertThat(e.userId()).hasSize(SecurityLog.MAX_ID);
        assertThat(e.source()).hasSize(SecurityLog.MAX_ID);
        assertThat(e.detail()).hasSize(SecurityLog.MAX_DETAIL);
    }

    @Test
    void shouldDeleteOnlyEntriesOlderThanTheRetentionAndNeverYoungerThanSixMonths() {
        entryAged(Duration.ofDays(183).minusMinutes(1), "younger than 183 days");
        entryAged(Duration.ofDays(183).plusMinutes(1), "older than 183 days");
        entryAged(Duration.ofDays(800), "older than two years");

        assertThat(log.deleteOlderThan(Duration.ofDays(730))).isEqualTo(1);
        assertThat(log.deleteOlderThan(Duration.ofDays(183))).isEqualTo(1);
        assertThat(log.newest(10)).extracting(Entry::detail).containsExactly("younger than 183 days");
    }

    @Test
    void shouldRefuseARetentionShorterThanSixMonthsAndDeleteNothing() {
        entryAged(Duration.ofDays(100), "100 days old");
        assertThatThrownBy(() -> log.deleteOlderThan(Duration.ofDays(182)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不得少于 183 天");
        assertThatThrownBy(() -> new SecurityLogRetention(log, Duration.ofDays(90)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(log.newest(10)).hasSize(1);
    }

    @Test
    void shouldCleanUpNightlyWithTheConfiguredRetention() {
        entryAged(Duration.ofDays(200), "200 days old");
        entryAged(Duration.ofDays(400), "400 days old");
        new SecurityLogRetention(log, Duration.ofDays(365)).deleteExpired();
        assertThat(log.newest(10)).extracting(Entry::detail).containsExactly("200 days old");
    }
}

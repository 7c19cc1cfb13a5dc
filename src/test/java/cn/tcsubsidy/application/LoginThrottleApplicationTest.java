package cn.tcsubsidy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.tcsubsidy.identity.SecurityLog;
import cn.tcsubsidy.identity.SecurityLog.Entry;
import cn.tcsubsidy.identity.SecurityLog.Kind;
import cn.tcsubsidy.support.Logins;
import cn.tcsubsidy.support.Logins.Answer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ten wrong passwords from one address lock out that address, never the account: every way in (HTTP Basic on /api
 * and /engine-rest, the webapps' login form, the engine's identity/verify) answers 429 to the eleventh, while the
 * same user logs in from another address. The test client stands behind a trusted proxy (127.0.0.1), so each
 * test picks its source addresses with X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-login-throttle;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false",
    "tc.security.trusted-proxies=127.0.0.1"})
class LoginThrottleApplicationTest {

    static final String WRONG = "admin-guess";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityLog securityLog;
    Logins logins;

    @BeforeEach
    void client() {
        logins = new Logins(port);
    }

    Answer api(String user, String password, String source) {
        return logins.basic("GET", "/api/projects/0", user, password, source, null);
    }

    List<Entry> logOf(String source) {
        return securityLog.newest(10_000).stream().filter(e -> source.equals(e.source())).toList();
    }

    static void assertThrottled(Answer a) {
        assertThat(a.status()).isEqualTo(429);
        assertThat(Long.parseLong(a.header("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(a.body()).contains("登录失败次数过多");
    }

    @Test
    void shouldRefuseTheEleventhWrongAdminPasswordOnApiWithoutLockingTheAccount() {
        String attacker = "203.0.113.11";
        String office = "198.51.100.11";
        for (int i = 1; i <= 10; i++) {
            assertThat(api("admin", WRONG, attacker).status()).as("wrong password %d", i).isEqualTo(401);
        }
        assertThrottled(api("admin", WRONG, attacker));
        assertThrottled(api("admin", "admin", attacker));

        // The engine did not lock the account: no lock time ahead, and admin logs in from another address.
        Timestamp lockedUntil = jdbc.sql("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = 'admin'")
                .query(Timestamp.class).optional().orElse(null);
        assertThat(lockedUntil == null || !lockedUntil.toInstant().isAfter(Instant.now()))
                .as("the engine's lock of admin runs until %s", lockedUntil).isTrue();
        assertThat(api("admin", "admin", office).status()).isEqualTo(404);
        assertThat(api("hekou-bureau", "hekou-bureau", office).status()).isEqualTo(404);

        List<Entry> attempts = logOf(attacker);
        assertThat(attempts).filteredOn(e -> e.kind() == Kind.SIGN_IN_FAILED).hasSize(10)
                .allSatisfy(e -> assertThat(e.userId()).isEqualTo("admin"));
        // Newest first: the refusal of the eleventh, then the tenth failure, which started the lock.
        assertThat(attempts.get(0).kind()).isEqualTo(Kind.REFUSED);
        assertThat(attempts.get(1).detail()).contains("HTTP Basic /api", "锁定至");
        assertThat(attempts).filteredOn(e -> e.kind() == Kind.REFUSED).hasSize(1);
        assertThat(logOf(office)).filteredOn(e -> e.kind() == Kind.SIGN_IN).extracting(Entry::userId)
                .containsExactlyInAnyOrder("admin", "hekou-bureau");
    }

    @Test
    void shouldLetOnlyTheAdministratorUnlockAnAddress() {
        String attacker = "203.0.113.12";
        String office = "198.51.100.12";
        for (int i = 1; i <= 10; i++) {
            api("hekou-bureau", WRONG, attacker);
        }
        assertThrottled(api("hekou-bureau", "hekou-bureau", attacker));

        Answer refused = logins.basic("DELETE", "/api/admin/login-throttle/" + attacker, "hekou-bureau", "hekou-bureau", office, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("只有系统管理员");
        assertThrottled(api("hekou-bureau", "hekou-bureau", attacker));

        Answer listed = logins.basic("GET", "/api/admin/login-throttle", "admin", "admin", office, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(attacker);
        assertThat(logins.basic("DELETE", "/api/admin/login-throttle/" + attacker, "admin", "admin", office, null)
                .status()).isEqualTo(204);
        assertThat(api("hekou-bureau", "hekou-bureau", attacker).status()).isEqualTo(404);
        Answer again = logins.basic("DELETE", "/api/admin/login-throttle/" + attacker, "admin", "admin", office, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains("未被锁定");

        assertThat(logOf(office)).filteredOn(e -> e.kind() == Kind.ADMIN_ACTION).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("解除来源地址 " + attacker));
        assertThat(logOf(office)).filteredOn(e -> e.kind() == Kind.REFUSED).singleElement()
                .satisfies(e -> assertThat(e.userId()).isEqualTo("hekou-bureau"));
    }

    @Test
    void shouldThrottleHttpBasicOnEngineRest() {
        String attacker = "203.0.113.13";
        for (int i = 1; i <= 10; i++) {
            assertThat(logins.basic("GET", "/engine-rest/user", "admin", WRONG, attacker, null).status()).isEqualTo(401);
        }
        assertThrottled(logins.basic("GET", "/engine-rest/user", "admin", "admin", attacker, null));
        assertThat(logins.basic("GET", "/engine-rest/user", "admin", "admin", "198.51.100.13", null).status()).isEqualTo(200);
        assertThat(logOf(attacker)).filteredOn(e -> e.kind() == Kind.SIGN_IN_FAILED).hasSize(10)
                .allSatisfy(e -> assertThat(e.detail()).startsWith("HTTP Basic /engine-rest"));
    }

    @Test
    void shouldThrottleTheWebappLoginForm() {
        String attacker = "203.0.113.14";
        for (int i = 1; i <= 10; i++) {
            assertThat(logins.webappLogin("tasklist", "admin", WRONG, attacker).status()).isEqualTo(401);
        }
        assertThrottled(logins.webappLogin("tasklist", "admin", "admin", attacker));
        Answer signedIn = logins.webappLogin("tasklist", "admin", "admin", "198.51.100.14");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"userId\":\"admin\"");
        assertThat(logOf("198.51.100.14")).extracting(Entry::kind, Entry::detail)
                .containsExactly(tuple(Kind.SIGN_IN, "网页登录 tasklist"));
        assertThat(logOf(attacker)).filteredOn(e -> e.kind() == Kind.SIGN_IN_FAILED).hasSize(10);
    }

    @Test
    void shouldThrottlePasswordChecksThroughIdentityVerify() {
        // identity/verify checks any password the caller may read the user of (an administrator: everyone's).
        String guesser = "203.0.113.15";
        String guess = "{\"username\":\"hekou-bureau\",\"password\":\"" + WRONG + "\"}";
        String right = "{\"username\":\"hekou-bureau\",\"password\":\"hekou-bureau\"}";
        for (int i = 1; i <= 10; i++) {
            Answer a = logins.basic("POST", "/engine-rest/identity/verify", "admin", "admin", guesser, guess);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).contains("\"authenticated\":false");
        }
        assertThrottled(logins.basic("POST", "/engine-rest/identity/verify", "admin", "admin", guesser, right));
        Answer elsewhere = logins.basic("POST", "/engine-rest/identity/verify", "admin", "admin", "198.51.100.15", right);
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.body()).contains("\"authenticated\":true");
        assertThat(logOf(guesser)).filteredOn(e -> e.kind() == Kind.SIGN_IN_FAILED).hasSize(10)
                .allSatisfy(e -> {
                    assertThat(e.userId()).isEqualTo("hekou-bureau");
                    assertThat(e.detail()).contains("identity/verify", "调用者 admin");
                });
    }

    @Test
    void shouldNotCountCallsWithoutCredentialsAndLogOneHttpBasicSignInPerUserAndAddress() {
        String source = "203.0.113.16";
        for (int i = 1; i <= 12; i++) {
            assertThat(logins.anonymous("/api/projects/0", source).status()).isEqualTo(401);
            assertThat(api("admin", "admin", source).status()).isEqualTo(404);
        }
        assertThat(logOf(source)).extracting(Entry::kind, Entry::userId)
                .containsExactly(tuple(Kind.SIGN_IN, "admin"));
    }
}

package cn.tcsubsidy.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Logins;
import cn.tcsubsidy.support.Logins.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile: the administrator's password from ADMIN_PASSWORD, no demo users or projects, and session
 * cookies that a browser sends only over HTTPS, never to scripts, and not on cross-site requests.
 */
@ActiveProfiles("prod")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-prod;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "ADMIN_PASSWORD=" + ProductionProfileTest.PASSWORD})
class ProductionProfileTest {

    static final String PASSWORD = "Vq7-r2Lm9xTs4kPz";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldSignInTheAdministratorWithThePasswordFromTheEnvironmentOnly() {
        Logins logins = new Logins(port);
        assertThat(logins.basic("GET", "/api/projects/0", "admin", "admin", null, null).status()).isEqualTo(401);
        assertThat(logins.basic("GET", "/api/projects/0", "admin", PASSWORD, null, null).status()).isEqualTo(404);
    }

    @Test
    void shouldCreateNoDemoUsersOrProjects() {
        assertThat(jdbc.sql("select ID_ from ACT_ID_USER").query(String.class).list()).containsExactly("admin");
        assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isZero();
        assertThat(new Logins(port).basic("GET", "/api/projects/0", "hekou-ent-1", "hekou-ent-1", null, null)
                .status()).isEqualTo(401);
    }

    @Test
    void shouldSetSecureHttpOnlySameSiteSessionCookies() {
        Answer login = new Logins(port).webappLogin("tasklist", "admin", PASSWORD, null);
        assertThat(login.status()).isEqualTo(200);
        String session = login.cookie("JSESSIONID").orElseThrow();
        assertThat(session).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
    }
}

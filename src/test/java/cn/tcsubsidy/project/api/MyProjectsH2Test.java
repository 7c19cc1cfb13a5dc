package cn.tcsubsidy.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Download;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/my-projects} and the page at /my-projects/ on the demo data (each jurisdiction's projects are
 * filed by its {@code J-ent-1}: one paid and in follow-up, one not recommended, two completed awaiting this year's
 * round, one being built). An enterprise reads exactly the projects it filed, with the dates, decisions, reasons
 * and payments the app's tables recorded; another enterprise of the same jurisdiction, or of another one, never
 * sees them; every other role is refused (403); nobody signed in is 401. The webapps' session reads it as the
 * password does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-my-projects;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class MyProjectsH2Test {

    static final String PATH = "/api/my-projects";
    static final List<String> JURISDICTIONS = List.of("hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    Set<Long> filedBy(String user) {
        return new HashSet<>(jdbc.sql("select id from project where filed_by = :u").param("u", user)
                .query(Long.class).list());
    }

    static Set<Long> ids(JsonNode body) {
        Set<Long> ids = new HashSet<>();
        body.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    static JsonNode item(JsonNode body, long id) {
        for (JsonNode i : body.get("items")) {
            if (i.get("id").asLong() == id) {
                return i;
            }
        }
        throw new AssertionError("project " + id + " not listed");
    }

    long projectIn(String jurisdiction, String stage) {
        return jdbc.sql("select id from project where jurisdiction_code = :j and stage = :s and filed_by = :u")
                .param("j", jurisdiction).param("s", stage).param("u", jurisdiction + "-ent-1")
                .query(Long.class).single();
    }

    LocalDateTime eventAt(long project, String action) {
        return jdbc.sql("select max(occurred_at) from project_event where project_id = :p and action = :a")
                .param("p", project).param("a", action).query(LocalDateTime.class).single();
    }

    static LocalDateTime dateTime(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDateTime.parse(n.asText());
    }

    @Test
    void shouldListAnEnterpriseExactlyTheProjectsItFiledWithWhatWasRecorded() {
        Response r = rest.get("hekou-ent-1", PATH);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Set<Long> mine = filedBy("hekou-ent-1");
        assertThat(mine).hasSize(5);
        assertThat(ids(r.body())).isEqualTo(mine);
        assertThat(r.body().get("user").asText()).isEqualTo("hekou-ent-1");
        assertThat(r.body().get("total").asLong()).isEqualTo(5);
        for (JsonNode i : r.body().get("items")) {
            assertThat(i.get("jurisdiction").asText()).isEqualTo("hekou");
            assertThat(i.get("jurisdictionName").asText()).isEqualTo("东营市河口区");
            Map<String, Object> row = jdbc.sql("select project_code, project_name, stage, unit_code from project where id = :p")
                    .param("p", i.get("id").asLong()).query().singleRow();
            assertThat(i.get("projectCode").asText()).isEqualTo(row.get("PROJECT_CODE"));
            assertThat(i.get("projectName").asText()).isEqualTo(row.get("PROJECT_NAME"));
            assertThat(i.get("stage").asText()).isEqualTo(row.get("STAGE"));
            assertThat(i.get("stageLabel").asText()).isEqualTo(
                    cn.tcsubsidy.project.domain.Stage.valueOf((String) row.get("STAGE")).label());
            assertThat(dateTime(i.get("milestones").get("filedAt"))).isNotNull();
        }

        // The paid project: listed at the amount the bureau granted, with the decision's own record, paid as the
        // payment table holds it, to the payee kind recorded there, noticed in its round's window, out of the pool.
        long paid = projectIn("hekou", "FOLLOW_UP");
        JsonNode p = item(r.body(), paid);
        BigDecimal granted = jdbc.sql("select proposed_amount from project where id = :p").param("p", paid)
                .query(BigDecimal.class).single();
        assertThat(granted).isPositive();
        JsonNode d = p.get("decision");
        assertThat(d.get("outcome").asText()).isEqualTo("AWARDED");
        assertThat(d.get("outcomeLabel").asText()).isEqualTo("列入拟扶持名单");
        assertThat(d.get("amount").decimalValue()).isEqualByComparingTo(granted);
        String proposedSummary = jdbc.sql("select summary from project_event where project_id = :p and action = 'AWARD_PROPOSED'")
                .param("p", paid).query(String.class).single();
        assertThat(d.get("reason").asText()).isEqualTo(proposedSummary).contains("按专家评审结果和奖补规则测算列入拟扶持名单");
        assertThat(dateTime(d.get("at"))).isEqualTo(eventAt(paid, "AWARD_PROPOSED"));
        JsonNode m = p.get("milestones");
        assertThat(dateTime(m.get("completionReportedAt"))).isEqualTo(eventAt(paid, "COMPLETION_REPORTED")).isNotNull();
        assertThat(dateTime(m.get("recommendedAt"))).isEqualTo(eventAt(paid, "RECOMMENDED")).isNotNull();
        assertThat(dateTime(m.get("reviewedAt"))).isEqualTo(eventAt(paid, "REVIEW_PASSED")).isNotNull();
        assertThat(dateTime(m.get("decidedAt"))).isEqualTo(eventAt(paid, "AWARD_PROPOSED"));
        assertThat(dateTime(m.get("exitedPoolAt"))).isEqualTo(eventAt(paid, "EXITED_POOL")).isNotNull();
        Map<String, Object> window = jdbc.sql("""
                select r.notice_starts_on, r.notice_ends_on from review_round r join project p on p.round_id = r.id
                 where p.id = :p""").param("p", paid).query().singleRow();
        assertThat(p.get("notice").get("startsOn").asText()).isEqualTo(window.get("NOTICE_STARTS_ON").toString());
        assertThat(p.get("notice").get("endsOn").asText()).isEqualTo(window.get("NOTICE_ENDS_ON").toString());
        List<Map<String, Object>> payments = jdbc.sql("select amount, paid_on, payee_type from payment where project_id = :p order by id")
                .param("p", paid).query().listOfRows();
        JsonNode pay = p.get("payment");
        assertThat(pay.get("paid")).hasSize(payments.size()).isNotEmpty();
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < payments.size(); k++) {
            JsonNode x = pay.get("paid").get(k);
            assertThat(x.get("amount").decimalValue()).isEqualByComparingTo((BigDecimal) payments.get(k).get("AMOUNT"));
            assertThat(x.get("paidOn").asText()).isEqualTo(payments.get(k).get("PAID_ON").toString());
            assertThat(x.get("payeeType").asText()).isEqualTo(payments.get(k).get("PAYEE_TYPE"));
            sum = sum.add((BigDecimal) payments.get(k).get("AMOUNT"));
        }
        assertThat(pay.get("paidTotal").decimalValue()).isEqualByComparingTo(sum).isEqualByComparingTo(granted);
        assertThat(pay.get("payeeTypeLabel").asText()).isIn("企业", "贷款银行");
        assertThat(p.get("paidAmount").decimalValue()).isEqualByComparingTo(sum);
        String followUp = jdbc.sql("select status from follow_up where project_id = :p").param("p", paid)
                .query(String.class).single();
        assertThat(p.get("followUp").get("status").asText()).isEqualTo(followUp);
        assertThat(p.get("followUp").get("statusLabel").asText()).isNotBlank();
        // Nothing of the payee's account, the vouchers or the officers who paid.
        assertThat(r.text()).doesNotContain("voucher", "HEKOU-2022-", "hekou-finance", "6222020", "account");

        // The one the town did not recommend: the town's recorded reason, no payment.
        long refused = projectIn("hekou", "REJECTED");
        JsonNode n = item(r.body(), refused);
        String reason = jdbc.sql("select rejection_reason from project where id = :p").param("p", refused)
                .query(String.class).single();
        assertThat(n.get("decision").get("outcome").asText()).isEqualTo("NOT_RECOMMENDED");
        assertThat(n.get("decision").get("outcomeLabel").asText()).isEqualTo("镇街不予推荐");
        assertThat(n.get("decision").get("reason").asText()).isEqualTo(reason).isEqualTo("镇街不予推荐:环评手续不完整,暂不推荐");
        assertThat(dateTime(n.get("decision").get("at"))).isEqualTo(eventAt(refused, "NOT_RECOMMENDED"));
        assertThat(dateTime(n.get("milestones").get("recommendedAt"))).isEqualTo(eventAt(refused, "NOT_RECOMMENDED"));
        assertThat(n.get("decision").has("amount")).isFalse();
        assertThat(n.has("payment")).isFalse();
        assertThat(n.has("notice")).isFalse();
        assertThat(n.get("milestones").has("reviewedAt")).isFalse();

        // One still being built: nothing decided yet, no completion reported.
        long building = projectIn("hekou", "IN_PROGRESS");
        JsonNode b = item(r.body(), building);
        assertThat(b.has("decision")).isFalse();
        assertThat(b.has("payment")).isFalse();
        assertThat(b.has("followUp")).isFalse();
        assertThat(b.get("milestones").has("completionReportedAt")).isFalse();
    }

    @Test
    void shouldShowEveryJurisdictionsPaidProjectAsItsPaymentTableRecordsIt() {
        for (String j : JURISDICTIONS) {
            Response r = rest.get(j + "-ent-1", PATH);
            assertThat(r.status()).as(j + ": " + r.text()).isEqualTo(200);
            assertThat(ids(r.body())).as(j).isEqualTo(filedBy(j + "-ent-1"));
            long paid = jdbc.sql("select min(project_id) from payment p join project x on x.id = p.project_id"
                    + " where x.jurisdiction_code = :j").param("j", j).query(Long.class).single();
            JsonNode pay = item(r.body(), paid).get("payment");
            List<String> recorded = jdbc.sql("select payee_type from payment where project_id = :p order by id")
                    .param("p", paid).query(String.class).list();
            List<String> shown = new ArrayList<>();
            pay.get("paid").forEach(x -> shown.add(x.get("payeeType").asText()));
            assertThat(shown).as(j).isEqualTo(recorded);
            String mode = jdbc.sql("select mode from payment_plan where project_id = :p").param("p", paid)
                    .query(String.class).single();
            assertThat(pay.get("mode").asText()).as(j).isEqualTo(mode);
        }
    }

    @Test
    void shouldNeverShowAnotherEnterprisesOrJurisdictionsProjects() {
        Set<Long> hekou = ids(rest.get("hekou-ent-1", PATH).body());
        // Same jurisdiction, another enterprise: it filed nothing, so it sees nothing, though Hekou has projects.
        Response other = rest.get("hekou-ent-2", PATH);
        assertThat(other.status()).as(other.text()).isEqualTo(200);
        assertThat(other.body().get("items")).isEmpty();
        assertThat(other.body().get("total").asLong()).isZero();
        // Another jurisdiction's enterprise: its own projects only, none of Hekou's.
        Response liaocheng = rest.get("liaocheng-ent-1", PATH);
        assertThat(ids(liaocheng.body())).isEqualTo(filedBy("liaocheng-ent-1")).doesNotContainAnyElementsOf(hekou);
        liaocheng.body().get("items").forEach(i -> assertThat(i.get("jurisdiction").asText()).isEqualTo("liaocheng"));
        assertThat(liaocheng.text()).doesNotContain("东营市河口区");
    }

    @Test
    void shouldRefuseEveryOtherRoleAndAskForLogin() {
        for (String user : List.of("admin", "hekou-bureau", "hekou-finance", "hekou-owner", "hekou-auditor",
                "hekou-rules", "hekou-head", "hekou-town-hekoujd", "hekou-expert-1")) {
            Response r = rest.get(user, PATH);
            assertThat(r.status()).as(user + ": " + r.text()).isEqualTo(403);
            assertThat(r.body().get("message").asText()).as(user).contains("仅供申报企业");
            assertThat(r.text()).as(user).doesNotContain("projectCode");
        }
        // Read-only: no other method, even for the enterprise with its password.
        assertThat(rest.post("hekou-ent-1", PATH, Map.of()).status()).isEqualTo(405);
        assertThat(rest.delete("hekou-ent-1", PATH).status()).isEqualTo(405);
        Response anonymous = rest.get(null, PATH);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text()).doesNotContain("projectCode");
        assertThat(rest.get("hekou-ent-1", "wrong", PATH).status()).isEqualTo(401);
    }

    @Test
    void shouldReadWithTheWebappsSessionAndServeThePage() {
        WebappSession session = WebappSession.signIn(port, "hekou-ent-1");
        Response viaSession = session.getApp(PATH);
        assertThat(viaSession.status()).as(viaSession.text()).isEqualTo(200);
        assertThat(ids(viaSession.body())).isEqualTo(filedBy("hekou-ent-1"));
        Response bureau = WebappSession.signIn(port, "hekou-bureau").getApp(PATH);
        assertThat(bureau.status()).isEqualTo(403);

        Download page = rest.download(null, "/my-projects/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<meta charset=\"utf-8\">", "<title>我的项目 · 技术改造奖补</title>",
                "href=\"/camunda/app/tasklist/\"", "src=\"my-projects.js\"");
        Download bare = rest.download(null, "/my-projects");
        assertThat(bare.status()).isEqualTo(302);
        assertThat(URI.create(bare.header("Location")).getPath()).isEqualTo("/my-projects/");
        Download js = rest.download(null, "/my-projects/my-projects.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.text()).contains("'/api/my-projects'", "credentials: 'same-origin'", "尚无备案项目", "您尚未登录")
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        Download css = rest.download(null, "/my-projects/my-projects.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.text()).doesNotContain("url(", "@import");
    }
}

package cn.tcsubsidy.award.quote;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The endpoints of the quote's data over HTTP with the demo logins: each role allowed gets its answer, each other role
 * of the jurisdiction 403 and nothing changes, another jurisdiction's users 403 on a jurisdiction's list and 404 on
 * an entry, anonymous callers 401. Endpoints: /api/quote-date-settings/{j}, /api/award-schemes,
 * /api/standing-listings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-quote-data-api;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class QuoteDataApiTest {

    /** One user per role of jurisdiction j that is not the administrator. */
    static Map<String, String> roles(String j, String unit) {
        Map<String, String> r = new LinkedHashMap<>();
        for (String role : List.of("bureau", "finance", "rules", "owner")) {
            r.put(role, j + "-" + role);
        }
        r.put("experts", j + "-expert-1");
        r.put("enterprise", j + "-ent-1");
        r.put("town", j + "-town-" + unit);
        return r;
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
        jdbc.sql("delete from award_scheme_rate").update();
        jdbc.sql("delete from award_scheme").update();
        jdbc.sql("delete from enterprise_standing").update();
    }

    private static void status(Response r, int expected, String who) {
        assertThat(r.status()).as("%s: %s", who, r.text()).isEqualTo(expected);
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    // ------------------------------------------------------------------------------------------ quote date settings

    static final String SETTINGS = "/api/quote-date-settings/hekou";

    static Map<String, Object> settingChange() {
        return Map.of("policyDate", "COMPLETION_DATE", "lprDate", "APPLICATION_DATE", "basis", "复核默认设置");
    }

    @Test
    void shouldShowTheSettingToEveryUserOfTheJurisdiction() {
        for (String user : roles("hekou", "yihe").values()) {
            Response r = rest.get(user, SETTINGS);
            status(r, 200, user);
            assertThat(r.body().get("setting").get("policyDate").asText()).isEqualTo("COMPLETION_DATE");
            assertThat(r.body().get("setting").get("lprDateSource").asText()).contains("最近一次公布");
            assertThat(r.body().get("history").size()).isPositive();
        }
        status(rest.get("admin", SETTINGS), 200, "admin");
    }

    @Test
    void shouldRefuseTheSettingToOtherJurisdictionsAndAnonymousCallers() {
        for (String user : roles("huanggang", "macheng").values()) {
            status(rest.get(user, SETTINGS), 403, user);
        }
        status(rest.get(null, SETTINGS), 401, "anonymous");
        status(rest.get("admin", "/api/quote-date-settings/beijing"), 404, "admin, unknown jurisdiction");
    }

    @Test
    void shouldLetOnlyTheRuleAdministratorAndTheAdministratorChangeTheSetting() {
        int versions = count("quote_date_setting_change");
        for (Map.Entry<String, String> e : roles("hekou", "yihe").entrySet()) {
            if (!e.getKey().equals("rules")) {
                status(rest.put(e.getValue(), SETTINGS, settingChange()), 403, e.getValue());
            }
        }
        status(rest.put("huanggang-rules", SETTINGS, settingChange()), 403, "huanggang-rules");
        assertThat(count("quote_date_setting_change")).isEqualTo(versions);
        Response r = rest.put("hekou-rules", SETTINGS, settingChange());
        status(r, 200, "hekou-rules");
        assertThat(r.body().get("setting").get("updatedBy").asText()).isEqualTo("hekou-rules");
        assertThat(r.body().get("history").get(0).get("basis").asText()).isEqualTo("复核默认设置");
        status(rest.put("admin", SETTINGS, settingChange()), 200, "admin");
        assertThat(count("quote_date_setting_change")).isEqualTo(versions + 2);
    }

    @Test
    void shouldRefuseABadSettingNamingTheField() {
        Response r = rest.put("hekou-rules", SETTINGS, Map.of("policyDate", "TODAY", "lprDate", "APPLICATION_DATE",
                "basis", "x", "reason", "y"));
        status(r, 400, "hekou-rules");
        assertThat(r.body().get("errors").has("policyDate")).isTrue();
        assertThat(r.body().get("errors").get("reason").asText()).isEqualTo("未知字段: reason");
    }

    // ------------------------------------------------------------------------------------------ annual schemes

    static Map<String, Object> scheme() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("jurisdiction", "huanggang");
        b.put("scope", "macheng");
        b.put("year", 2023);
        b.put("document", "麻政办发〔2023〕3号");
        b.put("filedOn", "2023-02-01");
        b.put("rates", List.of(Map.of("category", "INVESTMENT_SUBSIDY", "rate", 0.04, "projectCap", 800000)));
        return b;
    }

    private long enterScheme() {
        Response r = rest.post("huanggang-rules", "/api/award-schemes", scheme());
        status(r, 201, "huanggang-rules");
        return r.body().get("id").asLong();
    }

    @Test
    void shouldLetTheRuleAdministratorEnterListAndWithdrawASchemeAndTheBureauAndOwnerRead() {
        long id = enterScheme();
        for (String user : List.of("huanggang-rules", "huanggang-bureau", "huanggang-owner", "admin")) {
            Response list = rest.get(user, "/api/award-schemes?jurisdiction=huanggang&year=2023");
            status(list, 200, user);
            assertThat(list.body().get("schemes").get(0).get("document").asText()).isEqualTo("麻政办发〔2023〕3号");
            assertThat(list.body().get("categories").size()).isEqualTo(2);
            status(rest.get(user, "/api/award-schemes/" + id), 200, user);
        }
        Response w = rest.post("huanggang-rules", "/api/award-schemes/" + id + "/withdrawal", Map.of("reason", "重新制定"));
        status(w, 200, "huanggang-rules");
        assertThat(w.body().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(w.body().get("withdrawnBy").asText()).isEqualTo("huanggang-rules");
    }

    @Test
    void shouldRefuseSchemesToEveryOtherRole() {
        long id = enterScheme();
        Map<String, String> roles = roles("huanggang", "macheng");
        for (String role : List.of("finance", "experts", "enterprise", "town")) {
            String user = roles.get(role);
            status(rest.get(user, "/api/award-schemes?jurisdiction=huanggang"), 403, user);
            status(rest.get(user, "/api/award-schemes/" + id), 403, user);
        }
        for (String role : List.of("bureau", "finance", "owner", "experts", "enterprise", "town")) {
            String user = roles.get(role);
            Map<String, Object> other = scheme();
            other.put("scope", "wuxue");
            status(rest.post(user, "/api/award-schemes", other), 403, user);
            status(rest.post(user, "/api/award-schemes/" + id + "/withdrawal", Map.of("reason", "x")), 403, user);
        }
        for (String user : roles("jiyuan", "kejing").values()) {
            status(rest.get(user, "/api/award-schemes?jurisdiction=huanggang"), 403, user);
            status(rest.get(user, "/api/award-schemes/" + id), 404, user);
            status(rest.post(user, "/api/award-schemes", scheme()), 403, user);
            status(rest.post(user, "/api/award-schemes/" + id + "/withdrawal", Map.of("reason", "x")), 404, user);
        }
        status(rest.get(null, "/api/award-schemes?jurisdiction=huanggang"), 401, "anonymous");
        assertThat(count("award_scheme")).isEqualTo(1);
        assertThat(jdbc.sql("select status from award_scheme").query(String.class).single()).isEqualTo("ACTIVE");
    }

    @Test
    void shouldRefuseASampleFlagOrASecondActiveSchemeThroughTheApi() {
        enterScheme();
        Response again = rest.post("huanggang-rules", "/api/award-schemes", scheme());
        status(again, 400, "second");
        assertThat(again.body().get("errors").get("scope").asText()).contains("已有生效的 2023 年度奖补方案");
        Map<String, Object> sample = scheme();
        sample.put("scope", "wuxue");
        sample.put("sample", true);
        Response r = rest.post("huanggang-rules", "/api/award-schemes", sample);
        status(r, 400, "sample");
        assertThat(r.body().get("errors").get("sample").asText()).isEqualTo("未知字段: sample");
    }

    // ------------------------------------------------------------------------------------------ standing list

    static final String CODE = "91370800MA00000014";

    static Map<String, Object> listing() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("jurisdiction", "yanzhou");
        b.put("creditCode", CODE);
        b.put("kind", "CREDIT_SANCTION");
        b.put("basis", "信用中国公示的失信主体(2021)");
        b.put("fromDate", "2021-01-01");
        return b;
    }

    private long addListing() {
        Response r = rest.post("yanzhou-bureau", "/api/standing-listings", listing());
        status(r, 201, "yanzhou-bureau");
        return r.body().get("id").asLong();
    }

    @Test
    void shouldLetTheBureauAddListAndLiftEntries() {
        long id = addListing();
        for (String user : List.of("yanzhou-bureau", "admin")) {
            Response list = rest.get(user, "/api/standing-listings?jurisdiction=yanzhou&creditCode=" + CODE);
            status(list, 200, user);
            assertThat(list.body().get(0).get("basis").asText()).isEqualTo("信用中国公示的失信主体(2021)");
            status(rest.get(user, "/api/standing-listings/" + id), 200, user);
        }
        Response lifted = rest.post("yanzhou-bureau", "/api/standing-listings/" + id + "/lifting",
                Map.of("reason", "已完成信用修复"));
        status(lifted, 200, "yanzhou-bureau");
        assertThat(lifted.body().get("liftedBy").asText()).isEqualTo("yanzhou-bureau");
        status(rest.post("admin", "/api/standing-listings", listing()), 201, "admin");
    }

    @Test
    void shouldRefuseTheStandingListToEveryOtherRole() {
        long id = addListing();
        Map<String, String> roles = roles("yanzhou", "gulou");
        roles.remove("bureau");
        for (String user : roles.values()) {
            status(rest.get(user, "/api/standing-listings?jurisdiction=yanzhou"), 403, user);
            status(rest.get(user, "/api/standing-listings/" + id), 403, user);
            status(rest.post(user, "/api/standing-listings", listing()), 403, user);
            status(rest.post(user, "/api/standing-listings/" + id + "/lifting", Map.of("reason", "x")), 403, user);
        }
        for (String user : roles("hekou", "yihe").values()) {
            status(rest.get(user, "/api/standing-listings?jurisdiction=yanzhou"), 403, user);
            status(rest.get(user, "/api/standing-listings/" + id), 404, user);
            status(rest.post(user, "/api/standing-listings", listing()), 403, user);
            status(rest.post(user, "/api/standing-listings/" + id + "/lifting", Map.of("reason", "x")), 404, user);
        }
        status(rest.get(null, "/api/standing-listings?jurisdiction=yanzhou"), 401, "anonymous");
        assertThat(count("enterprise_standing")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from enterprise_standing where lifted_at is null").query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void shouldRefuseABadListingNamingTheFields() {
        Map<String, Object> bad = listing();
        bad.put("creditCode", "91370800MA00000015");
        bad.put("untilDate", LocalDate.of(2020, 12, 31).toString());
        bad.put("note", "x");
        Response r = rest.post("yanzhou-bureau", "/api/standing-listings", bad);
        status(r, 400, "yanzhou-bureau");
        assertThat(r.body().get("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("creditCode", "untilDate", "note");
    }
}

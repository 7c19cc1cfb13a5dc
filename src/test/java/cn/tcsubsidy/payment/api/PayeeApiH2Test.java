package cn.tcsubsidy.payment.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payee over HTTP with the demo logins: recorded at filing (through /api and Tasklist's start form) and kept out
 * of the engine's variables and history; changed by the filing enterprise or the bureau, confirmed by the bureau,
 * refused to anyone else with the record unchanged; and shown in full only to the bureau, finance and the
 * administrator. Payment to the confirmed payee is part of the lifecycle scenario (ProjectLifecycleH2Test and
 * …PostgresTest), which takes a project there through every stage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-payee-api;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PayeeApiH2Test {

    static final String FILER = "hekou-ent-1";
    static final String BUREAU = "hekou-bureau";
    static final String FINANCE = "hekou-finance";
    static final String TOWN = "hekou-town-yihe";
    static final String ACCOUNT = "6217000012345678";
    static final String ENTERPRISE_NAME = "东营市河口区示例化工有限公司";
    static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    static Map<String, Object> filing() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "hekou");
        f.put("unitCode", "yihe");
        f.put("enterpriseName", ENTERPRISE_NAME);
        f.put("creditCode", "91350100M000100Y43");
        f.put("projectCode", String.format("2025-370503-34-03-%06d", 800_000 + SERIAL.incrementAndGet()));
        f.put("projectName", "智能化改造项目");
        f.put("category", "DIRECT_SUBSIDY");
        f.put("plannedTotalInvestment", 9_000_000);
        f.put("plannedEquipmentInvestment", 7_000_000);
        f.put("bankName", "中国银行东营分行");
        f.put("bankAccount", ACCOUNT);
        f.put("plannedStartDate", "2025-01-01");
        f.put("plannedEndDate", "2025-10-01");
        return f;
    }

    long file(Map<String, Object> filing) {
        Response r = rest.post(FILER, "/api/projects", filing);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("projectId").asLong();
    }

    static Map<String, Object> change(String bank, String account, String reason) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("bankName", bank);
        v.put("bankAccount", account);
        v.put("reason", reason);
        return v;
    }

    /** The project's payee rows and history: what a refused change or confirmation must leave as it was. */
    String record(long id) {
        return jdbc.sql("select * from payee_account where project_id = :p order by id").param("p", id).query().listOfRows()
                + "\n" + jdbc.sql("select * from project_event where project_id = :p order by id").param("p", id)
                .query().listOfRows();
    }

    long livePayee(long id) {
        return jdbc.sql("select id from payee_account where live_project_id = :p").param("p", id).query(Long.class).single();
    }

    long rows(String sql, String name) {
        return jdbc.sql(sql).param("n", name).query(Long.class).single();
    }

    @Test
    void shouldRecordThePayeeAtFilingAndKeepItsAccountOutOfTheEngine() {
        long viaApi = file(filing());
        Map<String, Object> startForm = new LinkedHashMap<>();
        Map<String, Object> loan = filing();
        loan.remove("bankName");
        loan.remove("bankAccount");
        loan.putAll(Map.of("category", "LOAN_INTEREST", "loanAmount", 5_000_000, "loanBank", "中国工商银行东营河口支行",
                "loanBankAccount", "1614009876543210", "entrustedAgreementNo", "WTZF-2025-003"));
        loan.forEach((k, v) -> startForm.put(k, Map.of("value", v)));
        Response started = rest.post(FILER, "/engine-rest/process-definition/key/tc-project/submit-form",
                Map.of("variables", startForm));
        assertThat(started.status()).as("Tasklist's start form: " + started.text()).isEqualTo(200);

        assertThat(jdbc.sql("select payee_type || ':' || payee_name || ':' || bank_name || ':' || account_no || ':' || status"
                + " from payee_account where project_id = :p").param("p", viaApi).query(String.class).single())
                .isEqualTo("ENTERPRISE:" + ENTERPRISE_NAME + ":中国银行东营分行:" + ACCOUNT + ":RECORDED");
        assertThat(jdbc.sql("select payee_type || ':' || payee_name || ':' || account_no || ':' || agreement_no from payee_account"
                + " where project_id = (select id from project where process_instance_id = :pi)")
                .param("pi", started.body().get("id").asText()).query(String.class).single())
                .isEqualTo("BANK:中国工商银行东营河口支行:1614009876543210:WTZF-2025-003");
        for (String name : List.of("bankAccount", "loanBankAccount")) {
            assertThat(rows("select count(*) from act_ru_variable where name_ = :n", name)).as(name).isZero();
            assertThat(rows("select count(*) from act_hi_varinst where name_ = :n", name)).as(name).isZero();
            assertThat(rows("select count(*) from act_hi_detail where name_ = :n", name)).as(name).isZero();
        }
        assertThat(jdbc.sql("select text_ from act_ru_variable where name_ = 'bankName' and proc_inst_id_ ="
                + " (select process_instance_id from project where id = :p)").param("p", viaApi).query(String.class).single())
                .as("the bank is no secret").isEqualTo("中国银行东营分行");
    }

    @Test
    void shouldRefuseAFilingWithoutAValidPayeeAndStoreNothing() {
        long projects = jdbc.sql("select count(*) from project").query(Long.class).single();
        long payees = jdbc.sql("select count(*) from payee_account").query(Long.class).single();
        Map<String, Object> bad = filing();
        bad.put("bankAccount", "6217 0000 1234");
        bad.remove("bankName");
        Response r = rest.post(FILER, "/api/projects", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/errors/bankAccount").asText()).contains("8 至 32 位半角数字").doesNotContain("6217");
        assertThat(r.body().at("/errors/bankName").asText()).isEqualTo("开户银行不能为空");
        Map<String, Object> loan = filing();
        loan.putAll(Map.of("category", "LOAN_INTEREST", "loanAmount", 5_000_000, "loanBank", "中国工商银行东营河口支行",
                "loanBankAccount", "1614009876543210"));
        Response noAgreement = rest.post(FILER, "/api/projects", loan);
        assertThat(noAgreement.status()).isEqualTo(400);
        assertThat(noAgreement.body().at("/errors/entrustedAgreementNo").asText()).isEqualTo("委托支付协议编号不能为空");
        assertThat(noAgreement.body().at("/errors/bankAccount").asText()).contains("委托支付协议拨付给贷款银行");
        assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isEqualTo(projects);
        assertThat(jdbc.sql("select count(*) from payee_account").query(Long.class).single()).isEqualTo(payees);
    }

    @Test
    void shouldLetTheFilerOrTheBureauChangeAndOnlyTheBureauConfirm() {
        long id = file(filing());
        String path = "/api/projects/" + id + "/payee";
        Map<String, Object> valid = change("中国农业银行东营分行", "6228480012349999", "原账户销户");
        String before = record(id);
        assertThat(rest.put("hekou-ent-2", path, valid).status()).as("another enterprise: not its project").isEqualTo(404);
        assertThat(rest.put("liaocheng-bureau", path, valid).status()).as("another jurisdiction").isEqualTo(404);
        assertThat(rest.put(TOWN, path, valid).status()).as("the town reads but does not change").isEqualTo(403);
        assertThat(rest.put(FINANCE, path, valid).status()).isEqualTo(403);
        assertThat(rest.post(FILER, path + "/confirmation", Map.of("payeeId", livePayee(id))).status())
                .as("nobody confirms their own account").isEqualTo(403);
        assertThat(rest.put(FILER, "/api/projects/999999/payee", valid).status()).isEqualTo(404);
        assertThat(rest.put(FILER, "/api/projects/abc/payee", valid).status()).isEqualTo(400);
        Response noReason = rest.put(FILER, path, change("中国农业银行东营分行", "6228480012349999", null));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().at("/errors/reason").asText()).isEqualTo("变更原因不能为空");
        Response notJson = rest.put(FILER, path, "not an object");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(record(id)).isEqualTo(before);

        long filed = livePayee(id);
        Response changed = rest.put(FILER, path, valid);
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("status").asText()).isEqualTo("RECORDED");
        assertThat(changed.body().get("accountTail").asText()).isEqualTo("9999");
        assertThat(changed.text()).doesNotContain("6228480012349999");
        long current = changed.body().get("id").asLong();

        Response stale = rest.post(BUREAU, path + "/confirmation", Map.of("payeeId", filed));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body().at("/errors/payeeId").asText()).contains("收款账户已变更,现行记录编号为 " + current);
        Response confirmed = rest.post(BUREAU, path + "/confirmation", Map.of("payeeId", current));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(rest.post(BUREAU, path + "/confirmation", Map.of("payeeId", current)).body().at("/errors/payeeId")
                .asText()).isEqualTo("该收款账户已经核实");

        assertThat(jdbc.sql("select status from payee_account where project_id = :p order by id").param("p", id)
                .query(String.class).list()).containsExactly("SUPERSEDED", "CONFIRMED");
        List<String> actions = jdbc.sql("select action from project_event where project_id = :p order by id").param("p", id)
                .query(String.class).list();
        assertThat(actions).containsSubsequence("FILED", "PAYEE_CHANGED", "PAYEE_CONFIRMED");
    }

    @Test
    void shouldShowTheAccountOnlyToTheBureauFinanceAndTheAdministrator() {
        long id = file(filing());
        for (String reader : List.of(BUREAU, FINANCE, "admin")) {
            Response r = rest.get(reader, "/api/projects/" + id);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().at("/payee/payee/account").asText()).as(reader).isEqualTo(ACCOUNT);
            assertThat(r.body().at("/payee/status").asText()).isEqualTo("RECORDED");
        }
        for (String reader : List.of(FILER, TOWN, "hekou-owner", "hekou-rules")) {
            Response r = rest.get(reader, "/api/projects/" + id);
            assertThat(r.status()).as(reader).isEqualTo(200);
            assertThat(r.text()).as(reader).doesNotContain(ACCOUNT);
            assertThat(r.body().at("/payee/accountTail").asText()).as(reader).isEqualTo("5678");
            assertThat(r.body().at("/payee/summary").asText()).isEqualTo("中国银行东营分行 · " + ENTERPRISE_NAME + " · 账号尾号 5678");
        }
        assertThat(rest.get("hekou-expert-1", "/api/projects/" + id).status()).as("not under review").isEqualTo(404);
        Response list = rest.get(BUREAU, "/api/projects?jurisdiction=hekou");
        assertThat(list.text()).as("lists carry no payee").doesNotContain(ACCOUNT).doesNotContain("accountTail");
    }
}

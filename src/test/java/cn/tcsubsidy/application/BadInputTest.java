package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigInteger;
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
 * Input an attacker or a careless client sends — numbers too large for any column, digits of other scripts, names of
 * invisible characters, dates out of any sensible range, bodies that are not JSON objects, tasks that do not exist or
 * belong to another jurisdiction — is refused with a 4xx and a Chinese message naming the problem, never a 500, never
 * internals, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-bad-input;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class BadInputTest {

    private static final String ENTERPRISE = ProjectLifecycleScenario.ENTERPRISE;
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** What a refusal must never show: SQL, JDBC, engine codes, class and package names, stack traces. */
    private static final String INTERNALS = "(?is).*(sql|jdbc|h2|postgres|exception|java\\.|org\\.|ENGINE-|select |insert |numeric|\\bat ).*";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    /** A valid filing with a project code of its own. */
    static Map<String, Object> filing() {
        Map<String, Object> f = ProjectLifecycleScenario.filing();
        f.put("projectCode", String.format("2020-370503-34-03-%06d", 900_000 + SERIAL.incrementAndGet()));
        return f;
    }

    long projectCount() {
        return jdbc.sql("select count(*) from project").query(Long.class).single();
    }

    /** Files with one field replaced; asserts the 400 names that field with a message containing {@code reason}. */
    private void assertFilingRefused(String field, Object value, String reason) {
        long before = projectCount();
        Map<String, Object> f = filing();
        f.put(field, value);
        Response r = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(r.status()).as("%s = %s: %s", field, value, r.text()).isEqualTo(400);
        assertThat(r.body().at("/errors/" + field).asText()).as(r.text()).contains(reason);
        assertClean(r);
        assertThat(projectCount()).isEqualTo(before);
    }

    /** A Chinese message and no internals; {@code type} is the engine REST's documented error kind, not a leak. */
    private static void assertClean(Response r) {
        JsonNode shown = r.body().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) shown).remove("type");
        assertThat(shown.toString()).as("no internals: %s", r.text()).doesNotMatch(INTERNALS);
        assertThat(r.body().path("message").asText()).as(r.text()).matches("(?s).*[\\u4e00-\\u9fff].*");
    }

    @Test
    void shouldRefuseAmountsTooLargeForAnyColumn() {
        String tooLarge = "不能超过 999,999,999,999.99 元";
        assertFilingRefused("plannedTotalInvestment", 1e308, tooLarge);
        assertFilingRefused("plannedTotalInvestment", BigInteger.TEN.pow(40), tooLarge);
        assertFilingRefused("plannedTotalInvestment", "1e400", tooLarge);
        assertFilingRefused("plannedTotalInvestment", new BigInteger("9".repeat(400)), tooLarge);
        assertFilingRefused("plannedTotalInvestment", new RawValue("1e999999999"), tooLarge);
        assertFilingRefused("plannedEquipmentInvestment", "1000000000000", tooLarge);
        assertFilingRefused("loanAmount", 1e13, tooLarge);
        // The largest amount allowed is filed.
        Map<String, Object> f = filing();
        f.put("plannedTotalInvestment", "999999999999.99");
        Response filed = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        assertThat(jdbc.sql("select planned_total_investment from project where id = :id")
                .param("id", filed.body().get("projectId").asLong()).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("999999999999.99");
    }

    @Test
    void shouldRefuseDigitsOtherThanAscii() {
        assertFilingRefused("plannedTotalInvestment", "١٢٣٠٠٠٠", "0-9");
        assertFilingRefused("plannedTotalInvestment", "９０００００００", "0-9");
        assertFilingRefused("plannedEquipmentInvestment", "७०००", "0-9");
        assertFilingRefused("loanBankAccount", "١٦١٤٠٠١٢٣٤٥٦٧٨", "8 至 32 位半角数字");
        assertFilingRefused("loanBankAccount", "１６１４００１２３４５６７８", "8 至 32 位半角数字");
    }

    @Test
    void shouldRefuseNamesOfInvisibleOrControlCharacters() {
        assertFilingRefused("enterpriseName", "\u0000\u0001\u0007", "不能为空");
        assertFilingRefused("enterpriseName", " \u3000\u00a0\t\n", "不能为空");
        assertFilingRefused("enterpriseName", "\u200b\u200d\ufeff", "不能为空");
        assertFilingRefused("projectName", "智能化\u0007改造", "控制字符");
        assertFilingRefused("projectName", "智能化\n改造", "控制字符");
        assertFilingRefused("enterpriseName", "蓝海\u202e司公限有", "控制字符");
        assertFilingRefused("loanBank", "工商银行\u0000", "控制字符");
        assertFilingRefused("projectName", new RawValue("\"智能\\ud800改造\""), "控制字符");
    }

    @Test
    void shouldRefuseDatesOutsideTheCenturyAndImpossibleDates() {
        assertFilingRefused("plannedStartDate", "1999-12-31", "2000-01-01 至 2100-12-31");
        assertFilingRefused("plannedEndDate", "2101-01-01", "2000-01-01 至 2100-12-31");
        assertFilingRefused("plannedEndDate", "+999999999-12-31", "2000-01-01 至 2100-12-31");
        assertFilingRefused("plannedStartDate", "2025-02-30", "不是有效日期");
        assertFilingRefused("plannedStartDate", "2025-01-01T25:61:00", "不是有效日期");
        assertFilingRefused("plannedStartDate", "٢٠٢٥-٠١-٠١", "不是有效日期");
    }

    @Test
    void shouldRefuseAnAllZeroCreditCode() {
        assertFilingRefused("creditCode", "000000000000000000", "统一社会信用代码无效");
    }

    @Test
    void shouldRefuseBodiesThatAreNotJsonObjects() {
        long before = projectCount();
        for (Object body : new Object[] {null, new RawValue("[".repeat(1001) + "]".repeat(1001)),
            new RawValue("{\"a\":".repeat(1001) + "1" + "}".repeat(1001)), new RawValue("{\"jurisdiction\":"),
            new RawValue("[1,2]"), new RawValue("\"hekou\"")}) {
            for (String path : new String[] {"/api/projects", "/api/award-quotes"}) {
                Response r = rest.post(ENTERPRISE, path, body);
                assertThat(r.status()).as("%s %s: %s", path, body, r.text()).isEqualTo(400);
                assertClean(r);
            }
        }
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void shouldRefuseEngineRequestBodiesThatAreNotJson() {
        Response filed = rest.post(ENTERPRISE, "/api/projects", filing());
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String task = completionTask(filed.body().get("processInstanceId").asText());
        for (Object body : new Object[] {null, new RawValue("{\"a\":".repeat(1001) + "1" + "}".repeat(1001)),
            new RawValue("{\"variables\":"), new RawValue("[1,2]"),
            new RawValue("{\"variables\":{\"actualTotalInvestment\":{\"value\":\"1e400\",\"type\":\"Double\"}}}"),
            new RawValue("{\"variables\":{\"actualTotalInvestment\":{\"value\":" + "9".repeat(400) + ",\"type\":\"Long\"}}}")}) {
            Response r = rest.post(ENTERPRISE, "/engine-rest/task/" + task + "/complete", body);
            assertThat(r.status()).as("%s: %s", body, r.text()).isBetween(400, 499);
            assertThat(r.body()).as("%s: %s", body, r.text()).isNotNull();
            assertClean(r);
        }
        assertThat(completionTask(filed.body().get("processInstanceId").asText())).isEqualTo(task);
    }

    @Test
    void shouldRefuseOversizedAmountsOnTaskForms() {
        Response filed = rest.post(ENTERPRISE, "/api/projects", filing());
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long id = filed.body().get("projectId").asLong();
        String task = completionTask(filed.body().get("processInstanceId").asText());
        for (Object amount : new Object[] {1e308, BigInteger.TEN.pow(40), "1e400", "١٢٣"}) {
            for (String action : new String[] {"complete", "submit-form"}) {
                Response r = rest.post(ENTERPRISE, "/engine-rest/task/" + task + "/" + action, variables(
                        "completionDate", "2020-09-28", "actualTotalInvestment", amount,
                        "actualEquipmentInvestment", 7_500_000, "completionNote", "竣工"));
                assertThat(r.status()).as("%s %s: %s", action, amount, r.text()).isEqualTo(400);
                assertThat(r.body().get("message").asText()).startsWith("提交被拒绝:").contains("实际总投资");
                assertClean(r);
            }
        }
        Response impossible = rest.post(ENTERPRISE, "/engine-rest/task/" + task + "/complete", variables(
                "completionDate", "2020-09-28T24:30:00", "actualTotalInvestment", 11_000_000,
                "actualEquipmentInvestment", 7_500_000, "completionNote", "竣工"));
        assertThat(impossible.status()).as(impossible.text()).isEqualTo(400);
        assertThat(impossible.body().get("message").asText()).contains("竣工日期不是有效日期");
        assertThat(jdbc.sql("select stage || ':' || coalesce(cast(actual_total_investment as varchar), '-') from project"
                + " where id = :id").param("id", id).query(String.class).single()).isEqualTo("IN_PROGRESS:-");
        assertThat(completionTask(filed.body().get("processInstanceId").asText())).isEqualTo(task);
    }

    @Test
    void shouldLogARefusalAsOneInfoLineAndNoStackTrace() {
        Response filed = rest.post(ENTERPRISE, "/api/projects", filing());
        String task = completionTask(filed.body().get("processInstanceId").asText());
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            Response refused = rest.post(ENTERPRISE, "/engine-rest/task/" + task + "/complete", variables(
                    "completionDate", "2020-09-28", "actualTotalInvestment", -5,
                    "actualEquipmentInvestment", 7_500_000, "completionNote", "竣工"));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            Response unknown = rest.post(ENTERPRISE, "/engine-rest/task/does-not-exist/complete", variables("x", 1));
            assertThat(unknown.status()).isEqualTo(404);
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).as("no WARN or ERROR for a refusal").noneMatch(e -> e.getLevel().isGreaterOrEqual(
                ch.qos.logback.classic.Level.WARN));
        List<String> refusals = log.list.stream().filter(e -> e.getLoggerName().endsWith("RefusalResponseFilter"))
                .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertThat(refusals).hasSize(2);
        assertThat(refusals.get(0)).startsWith("refused 400 POST /engine-rest/task/" + task + "/complete user=" + ENTERPRISE)
                .contains("提交被拒绝", "实际总投资").doesNotContain("\n");
        assertThat(refusals.get(1)).startsWith("refused 404 POST /engine-rest/task/does-not-exist/complete")
                .contains("任务不存在或已办理完毕");
        assertThat(log.list).allMatch(e -> e.getThrowableProxy() == null || !e.getLoggerName().startsWith("cn.tcsubsidy"));
    }

    // ------------------------------------------------------------------------------------- a generated batch

    private static final String SQL = "'; drop table project; --";
    private static final String HTML = "<script>alert(1)</script>";
    private static final String HUGE = "长".repeat(20_000);

    /** Values no amount field may take. */
    private static List<Object> badAmounts() {
        return List.of(-1, "-0.01", "abc", true, List.of(1), Map.of("v", 1), "NaN", "Infinity", "-Infinity", 1e308,
                "1e400", "1,000", "١٢٣", "0x10", new RawValue("1e999999999"), SQL, HTML, HUGE);
    }

    /** Values no date field may take. */
    private static List<Object> badDates() {
        return List.of("2020-02-30", "1899-12-31", "2101-01-01", "tomorrow", 20200101, "2020-13-01",
                "2020-01-01T25:00:00", List.of("2020-01-01"), true, SQL, HTML, HUGE, "٢٠٢٠-٠١-٠١");
    }

    /** Values no required name or text field may take. */
    private static List<Object> badTexts() {
        return List.of("", "   ", "\u0000\u0001", "名称\u0007", "蓝海\u202e司公", List.of("名称"), Map.of("a", "b"), true,
                HUGE);
    }

    /** Values no code (jurisdiction, unit, category, credit code, project code) may take. */
    private static List<Object> badCodes() {
        return List.of("", "nowhere", "NOPE", 1, List.of("hekou"), Map.of("a", 1), SQL, HTML, HUGE, "\u0000");
    }

    private static Map<String, List<Object>> badFilingFields() {
        Map<String, List<Object>> bad = new java.util.LinkedHashMap<>();
        for (String f : List.of("jurisdiction", "unitCode", "category", "creditCode", "projectCode")) {
            bad.put(f, badCodes());
        }
        List<Object> creditCodes = new java.util.ArrayList<>(badCodes());
        creditCodes.addAll(List.of("91370503MA3C5X7Q3A", "123", "000000000000000000", 913705031234567890L));
        bad.put("creditCode", creditCodes);
        for (String f : List.of("enterpriseName", "projectName", "loanBank", "entrustedAgreementNo")) {
            bad.put(f, badTexts());
        }
        for (String f : List.of("plannedTotalInvestment", "plannedEquipmentInvestment", "loanAmount")) {
            bad.put(f, badAmounts());
        }
        for (String f : List.of("plannedStartDate", "plannedEndDate")) {
            bad.put(f, badDates());
        }
        bad.put("loanBankAccount", List.of("abc", "123", "1".repeat(100), List.of(1), SQL, HTML, "", HUGE));
        bad.put("contactEmail", List.of("not-an-email", "a@", "x".repeat(300) + "@example.cn", List.of(1), 1, SQL,
                HTML, HUGE));
        return bad;
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static final List<String> TABLES = List.of("project", "project_event", "mail_outbox", "ACT_RU_EXECUTION",
            "ACT_RU_VARIABLE", "ACT_RU_TASK", "ACT_HI_PROCINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "award",
            "payment", "project_award");

    private Map<String, Long> counts() {
        Map<String, Long> c = new java.util.LinkedHashMap<>();
        TABLES.forEach(t -> c.put(t, rows(t)));
        return c;
    }

    /**
     * More than a thousand malformed requests generated field by field — filings (the API and Tasklist's start form),
     * completion reports (complete and submit-form) and quotes — with wrong types, negative, huge and non-finite
     * numbers, empty, invisible and oversized strings, invalid codes, impossible dates, SQL and HTML: each one is
     * answered with a 4xx and a Chinese message without internals, never a 500, and no row of any table changes.
     */
    @Test
    void shouldRefuseMoreThanAThousandGeneratedMalformedInputsAndStoreNothing() {
        Response filed = rest.post(ENTERPRISE, "/api/projects", filing());
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String task = completionTask(filed.body().get("processInstanceId").asText());
        Map<String, Long> before = counts();
        List<String> accepted = new java.util.ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int sent = 0;

        for (Map.Entry<String, List<Object>> field : badFilingFields().entrySet()) {
            for (Object value : field.getValue()) {
                Map<String, Object> f = filing();
                f.put(field.getKey(), value);
                sent += check(rest.post(ENTERPRISE, "/api/projects", f), "filing " + field.getKey(), value, accepted,
                        statuses);
                Map<String, Object> start = new java.util.LinkedHashMap<>();
                f.forEach((k, v) -> start.put(k, Map.of("value", v)));
                sent += check(rest.post(ENTERPRISE, "/engine-rest/process-definition/key/tc-project/submit-form",
                        Map.of("variables", start)), "start form " + field.getKey(), value, accepted, statuses);
            }
        }

        Map<String, List<Object>> completion = new java.util.LinkedHashMap<>();
        completion.put("completionDate", badDates());
        for (String f : List.of("actualTotalInvestment", "actualEquipmentInvestment", "loanDrawnAmount",
                "loanContractAmount")) {
            completion.put(f, badAmounts());
        }
        completion.put("completionNote", List.of(List.of("竣工"), Map.of("a", 1), "竣工\u0007", HUGE));
        completion.put("loanContractNo", List.of(List.of(1), Map.of("a", 1), "", HUGE));
        completion.put("payeeAccount", List.of("6222000000000000", SQL, 1));
        Map<String, Object> report = new java.util.LinkedHashMap<>(Map.of("completionDate", "2020-09-28",
                "actualTotalInvestment", 11_800_000, "actualEquipmentInvestment", 7_600_000, "completionNote", "已竣工投产",
                "loanDrawnAmount", 8_000_000, "loanContractNo", "HK-LOAN-2020-01", "loanContractAmount", 8_000_000,
                "entrustedAgreementNo", "HK-WT-2020-01"));
        for (Map.Entry<String, List<Object>> field : completion.entrySet()) {
            for (Object value : field.getValue()) {
                Map<String, Object> values = new java.util.LinkedHashMap<>(report);
                values.put(field.getKey(), value);
                Object[] pairs = values.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .toArray();
                for (String action : List.of("complete", "submit-form")) {
                    sent += check(rest.post(ENTERPRISE, "/engine-rest/task/" + task + "/" + action, variables(pairs)),
                            action + " " + field.getKey(), value, accepted, statuses);
                }
            }
        }
        for (Object unknown : List.of("does-not-exist", "1", SQL.replace(" ", ""), "00000000-0000-0000-0000-000000000000")) {
            sent += check(rest.post(ENTERPRISE, "/engine-rest/task/" + unknown + "/complete", variables(report.entrySet()
                    .stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray())),
                    "unknown task", unknown, accepted, statuses);
        }

        Map<String, List<Object>> quote = new java.util.LinkedHashMap<>();
        quote.put("jurisdiction", badCodes());
        quote.put("category", badCodes());
        quote.put("applicationDate", badDates());
        quote.put("completionDate", badDates());
        for (String f : List.of("totalInvestment", "equipmentInvestment", "loanAmount", "rdInvestment",
                "robotInvestment", "informatizationInvestment", "completedInvestmentThisYear", "nationalFunding")) {
            quote.put(f, badAmounts());
        }
        quote.put("creditCode", List.of("91370500MA0000001M", "123", SQL, HTML, List.of(1)));
        quote.put("awardYear", List.of(1999, 2101, 2020.5, "二〇二一", List.of(2021), SQL));
        quote.put("expertScore", List.of(-1, 101, "NaN", "abc", List.of(1), SQL));
        quote.put("equipmentInvestmnet", List.of(1));
        // Each bad value in a valid quote of three jurisdictions' different categories.
        List<Map<String, Object>> quotes = List.of(
                Map.of("jurisdiction", "hekou", "category", "DIRECT_SUBSIDY", "applicationDate", "2021-05-10",
                        "totalInvestment", 9_000_000, "equipmentInvestment", 7_000_000),
                Map.of("jurisdiction", "jiyuan", "category", "TECH_RETROFIT", "applicationDate", "2018-03-01",
                        "completedInvestmentThisYear", 8_000_000, "equipmentInvestment", 5_000_000,
                        "rdInvestment", 1_000_000, "productionStartDate", "2017-12-01"),
                Map.of("jurisdiction", "yanzhou", "category", "EQUIPMENT", "applicationDate", "2021-06-01",
                        "equipmentInvestment", 7_000_000, "mujuanClass", "B"));
        for (Map<String, Object> valid : quotes) {
            assertThat(rest.post(ENTERPRISE, "/api/award-quotes", valid).status()).as("%s", valid).isEqualTo(200);
            for (Map.Entry<String, List<Object>> field : quote.entrySet()) {
                for (Object value : field.getValue()) {
                    Map<String, Object> q = new java.util.LinkedHashMap<>(valid);
                    q.put(field.getKey(), value);
                    sent += check(rest.post(ENTERPRISE, "/api/award-quotes", q),
                            "quote " + valid.get("jurisdiction") + " " + field.getKey(), value, accepted, statuses);
                }
            }
        }

        System.out.printf("BadInputTest: %d generated malformed requests, answered %s%n", sent, statuses);
        assertThat(accepted).as("malformed input that was not refused").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(1000);
        assertThat(counts()).as("no row written by %d refused requests (statuses %s)", sent, statuses).isEqualTo(before);
        assertThat(completionTask(filed.body().get("processInstanceId").asText())).isEqualTo(task);
    }

    /** One refused request: a 4xx with a clean Chinese message; anything else is recorded as accepted. */
    private int check(Response r, String what, Object value, List<String> accepted, Map<Integer, Integer> statuses) {
        statuses.merge(r.status(), 1, Integer::sum);
        String shown = value instanceof String v && v.length() > 40 ? v.substring(0, 40) + "…" : String.valueOf(value);
        if (r.status() < 400 || r.status() >= 500 || r.status() == 401 || r.body() == null) {
            accepted.add(what + " = " + shown + " → " + r.status() + " " + r.text().substring(0, Math.min(200, r.text().length())));
        } else {
            assertClean(r);
        }
        return 1;
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownTask() {
        // (resolve, the end of a delegation, is the administrator's alone: the command guard answers 403 first)
        for (String action : new String[] {"complete", "submit-form"}) {
            Response r = rest.post(ENTERPRISE, "/engine-rest/task/does-not-exist/" + action, variables("x", 1));
            assertThat(r.status()).as("%s: %s", action, r.text()).isEqualTo(404);
            assertThat(r.body().get("message").asText()).isEqualTo("任务不存在或已办理完毕");
            assertClean(r);
        }
        Response admin = rest.post("admin", "/engine-rest/task/does-not-exist/complete", variables("x", 1));
        assertThat(admin.status()).as(admin.text()).isEqualTo(404);
    }

    @Test
    void shouldAnswerNotFoundForAnotherJurisdictionsTask() {
        Response filed = rest.post(ENTERPRISE, "/api/projects", filing());
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long id = filed.body().get("projectId").asLong();
        String task = completionTask(filed.body().get("processInstanceId").asText());
        for (String action : new String[] {"complete", "submit-form"}) {
            Response r = rest.post("yanzhou-ent-1", "/engine-rest/task/" + task + "/" + action, variables(
                    "completionDate", "2020-09-28", "actualTotalInvestment", 11_000_000,
                    "actualEquipmentInvestment", 7_500_000, "completionNote", "竣工"));
            assertThat(r.status()).as("%s: %s", action, r.text()).isEqualTo(404);
            assertClean(r);
        }
        assertThat(jdbc.sql("select stage from project where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("IN_PROGRESS");
        assertThat(completionTask(filed.body().get("processInstanceId").asText())).isEqualTo(task);
    }

    private String completionTask(String processInstanceId) {
        Response r = rest.get(ENTERPRISE, "/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=Task_ReportCompletion");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body()).hasSize(1);
        JsonNode t = r.body().get(0);
        return t.get("id").asText();
    }
}

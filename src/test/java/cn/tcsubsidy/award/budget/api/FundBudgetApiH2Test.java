package cn.tcsubsidy.award.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.award.budget.FundBudget;
import cn.tcsubsidy.award.budget.FundBudgetService;
import cn.tcsubsidy.award.ledger.AwardClaim;
import cn.tcsubsidy.award.ledger.AwardLedger;
import cn.tcsubsidy.award.ledger.FundShare;
import cn.tcsubsidy.project.domain.NewProject;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fund budgets over HTTP with the demo logins: the jurisdiction's finance officer lists, enters and changes them (also
 * from Tasklist, through the start form of tc-fund-budget), with who/when/basis and every change kept; every other
 * role and another jurisdiction's finance officer is refused with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-fund-budget-api;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class FundBudgetApiH2Test {

    static final String FINANCE = "huanggang-finance";
    static final AtomicInteger YEAR = new AtomicInteger(2050);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AwardLedger ledger;
    @Autowired
    ProjectRepository projects;
    @Autowired
    FundBudgetService service;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    static Map<String, Object> budget(String fund, int year, Object amount, String basis) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("jurisdiction", "huanggang");
        b.put("fundCode", fund);
        b.put("budgetYear", year);
        b.put("amount", amount);
        b.put("basis", basis);
        return b;
    }

    static Map<String, Object> change(Object amount, String basis, String reason) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("amount", amount);
        c.put("basis", basis);
        c.put("reason", reason);
        return c;
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void shouldLetTheFinanceOfficerEnterAndChangeABudgetWithEveryChangeKept() {
        int year = YEAR.incrementAndGet();

        Response created = rest.post(FINANCE, "/api/fund-budgets", budget("macheng", year, 8_000_000, "麻财预〔2025〕12号"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("fundName").asText()).isEqualTo("麻城市工业技改专项资金");
        assertThat(created.body().get("amount").decimalValue()).isEqualByComparingTo("8000000");
        assertThat(created.body().get("enteredBy").asText()).isEqualTo(FINANCE);
        assertThat(created.body().get("enteredAt").isNull()).isFalse();

        Response changed = rest.put(FINANCE, "/api/fund-budgets/huanggang/macheng/" + year,
                change(9_500_000, "麻财预〔2025〕30号", "追加预算"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("amount").decimalValue()).isEqualByComparingTo("9500000");
        assertThat(changed.body().get("basis").asText()).isEqualTo("麻财预〔2025〕30号");
        JsonNode changes = changed.body().get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).path("previousAmount").isNumber()).as("the entry that created it").isFalse();
        assertThat(changes.get(0).get("basis").asText()).isEqualTo("麻财预〔2025〕12号");
        assertThat(changes.get(1).get("previousAmount").decimalValue()).isEqualByComparingTo("8000000");
        assertThat(changes.get(1).get("reason").asText()).isEqualTo("追加预算");
        assertThat(changes.get(1).get("changedBy").asText()).isEqualTo(FINANCE);

        Response list = rest.get(FINANCE, "/api/fund-budgets?jurisdiction=huanggang");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("funds").findValuesAsText("code")).contains("huanggang", "macheng", "huangzhou", "gxq");
        assertThat(list.body().get("budgets").findValuesAsText("fundCode")).contains("macheng");
        assertThat(ledger.budget("huanggang", "macheng", year).amount()).isEqualByComparingTo("9500000");
    }

    @Test
    void shouldRefuseEveryOtherRoleAndAnotherJurisdictionsFinanceOfficer() {
        int year = YEAR.incrementAndGet();
        rest.post(FINANCE, "/api/fund-budgets", budget("wuxue", year, 1_000_000, "武财预〔2025〕1号"));
        long budgets = rows("fund_budget");
        long changes = rows("fund_budget_change");

        for (String user : List.of("huanggang-bureau", "huanggang-rules", "huanggang-owner", "huanggang-expert-1",
                "huanggang-ent-1", "huanggang-town-macheng", "hekou-finance")) {
            assertThat(rest.get(user, "/api/fund-budgets?jurisdiction=huanggang").status()).as(user + " list").isEqualTo(403);
            assertThat(rest.post(user, "/api/fund-budgets", budget("macheng", year, 1, "x")).status()).as(user + " create")
                    .isEqualTo(403);
            assertThat(rest.put(user, "/api/fund-budgets/huanggang/wuxue/" + year, change(2, "x", "y")).status())
                    .as(user + " change").isEqualTo(403);
        }
        assertThat(rest.get(null, "/api/fund-budgets?jurisdiction=huanggang").status()).isEqualTo(401);
        assertThat(rows("fund_budget")).isEqualTo(budgets);
        assertThat(rows("fund_budget_change")).isEqualTo(changes);
        assertThat(rest.get("admin", "/api/fund-budgets?jurisdiction=huanggang").status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldAndStoreNothing() {
        int year = YEAR.incrementAndGet();
        long budgets = rows("fund_budget");

        Response bad = rest.post(FINANCE, "/api/fund-budgets", budget("mayang", year, -1, " "));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get("fundCode").asText()).contains("本辖区没有资金代码 mayang", "macheng(麻城市工业技改专项资金)");
        assertThat(bad.body().get("errors").get("amount").asText()).contains("不能为负数");
        assertThat(bad.body().get("errors").get("basis").asText()).contains("预算批复文件号不能为空");

        Map<String, Object> misspelt = budget("macheng", year, 1_000_000, "麻财预〔2025〕1号");
        misspelt.put("ammount", 5);
        Response unknown = rest.post(FINANCE, "/api/fund-budgets", misspelt);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get("ammount").asText()).startsWith("未知字段 ammount");
        Response otherFund = rest.post(FINANCE, "/api/fund-budgets", Map.of("jurisdiction", "huanggang", "fundCode", "hekou",
                "budgetYear", year, "amount", 1, "basis", "x"));
        assertThat(otherFund.status()).isEqualTo(400);
        assertThat(rows("fund_budget")).isEqualTo(budgets);

        assertThat(rest.post(FINANCE, "/api/fund-budgets", budget("macheng", year, 1_000_000, "麻财预〔2025〕1号")).status())
                .isEqualTo(201);
        Response twice = rest.post(FINANCE, "/api/fund-budgets", budget("macheng", year, 2_000_000, "麻财预〔2025〕2号"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("errors").get("budgetYear").asText()).contains(year + " 年度预算已录入");
        Response noReason = rest.put(FINANCE, "/api/fund-budgets/huanggang/macheng/" + year, change(3, "麻财预〔2025〕3号", null));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get("reason").asText()).isEqualTo("调整原因不能为空");
        assertThat(rest.put(FINANCE, "/api/fund-budgets/huanggang/tuanfeng/" + year, change(3, "x", "y")).status())
                .as("no such budget").isEqualTo(404);
    }

    @Test
    void shouldNeverLowerABudgetBelowWhatIsCommitted() {
        int year = YEAR.incrementAndGet();
        rest.post(FINANCE, "/api/fund-budgets", budget("luotian", year, 1_000_000, "罗财预〔2025〕1号"));
        long project = projects.insert(new NewProject("huanggang", "luotian", "罗田县示例机械有限公司", "91421123MA49000011",
                "2025-421123-34-03-000001", "设备更新", "INVESTMENT_SUBSIDY", new BigDecimal("9000000"),
                new BigDecimal("7000000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 10, 1)), Stage.AWARD_DECISION, "test");
        ledger.reserve(new AwardClaim(project, "huanggang", "91421123MA49000011", "INVESTMENT_SUBSIDY",
                Set.of("INVESTMENT_SUBSIDY", "LOAN_INTEREST"), "huanggang-2021", null, null, false,
                List.of(FundShare.whole("luotian", "测试")), year, new BigDecimal("600000"), null, null), Actor.system());

        Response low = rest.put(FINANCE, "/api/fund-budgets/huanggang/luotian/" + year, change(599_999.99, "罗财预〔2025〕9号", "压减"));
        assertThat(low.status()).isEqualTo(400);
        assertThat(low.body().get("errors").get("amount").asText()).isEqualTo("调整后的预算 599,999.99 元 低于该资金 " + year
                + " 年度已安排的奖补 600,000.00 元(已拟扶持与已拨付之和),不能调整");
        Response exact = rest.put(FINANCE, "/api/fund-budgets/huanggang/luotian/" + year, change(600_000, "罗财预〔2025〕9号", "压减"));
        assertThat(exact.status()).as(exact.text()).isEqualTo(200);
        assertThat(exact.body().get("remaining").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void shouldEnterABudgetThroughTheTasklistStartFormOnlyAsTheFinanceOfficer() {
        int year = YEAR.incrementAndGet();
        String start = "/engine-rest/process-definition/key/tc-fund-budget/tenant-id/huanggang/submit-form";

        Response started = rest.post(FINANCE, start, Rest.variables("fundCode", "gxq", "budgetYear", year,
                "amount", 2_000_000, "basis", "黄高财〔2025〕5号"));
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(ledger.budget("huanggang", "gxq", year).amount()).isEqualByComparingTo("2000000");

        Response withoutReason = rest.post(FINANCE, start, Rest.variables("fundCode", "gxq", "budgetYear", year,
                "amount", 2_500_000, "basis", "黄高财〔2025〕8号"));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.text()).contains("调整预算须填写调整原因");
        Response changed = rest.post(FINANCE, start, Rest.variables("fundCode", "gxq", "budgetYear", year,
                "amount", 2_500_000, "basis", "黄高财〔2025〕8号", "reason", "年中追加"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(ledger.budget("huanggang", "gxq", year).amount()).isEqualByComparingTo("2500000");

        Map<String, Integer> refused = Map.of("huanggang-bureau", 403, "huanggang-ent-1", 403,
                "hekou-finance", 404);
        refused.forEach((user, status) -> assertThat(rest.post(user, start, Rest.variables("fundCode", "gxq",
                "budgetYear", year, "amount", 1, "basis", "x", "reason", "y")).status())
                .as(user + " (another tenant's definition is not found)").isEqualTo(status));
        assertThat(ledger.budget("huanggang", "gxq", year).amount()).isEqualByComparingTo("2500000");
    }

    @Test
    void shouldEnterTheDemoYearsSampleBudgetsForEveryFundThatHasNone() {
        int year = YEAR.incrementAndGet();
        rest.post(FINANCE, "/api/fund-budgets", budget("macheng", year, 3_000_000, "麻财预〔2025〕1号"));
        long funds = jdbc.sql("select count(*) from fund").query(Long.class).single();

        List<FundBudget> entered = service.enterSampleBudgets(year, new BigDecimal("10000000"));

        assertThat(entered).hasSize((int) funds - 1).allSatisfy(b -> {
            assertThat(b.basis()).startsWith("示例预算");
            assertThat(b.enteredBy()).isEqualTo(Actor.SYSTEM);
        });
        assertThat(entered).extracting(FundBudget::fundCode).contains("hekou", "huanggang", "huangzhou", "gxq", "yanzhou",
                "jiyuan", "liaocheng").doesNotContain("macheng");
        assertThat(ledger.budget("huanggang", "macheng", year).amount()).isEqualByComparingTo("3000000");
        assertThat(service.enterSampleBudgets(year, new BigDecimal("10000000"))).isEmpty();
    }
}

package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.round.process.RoundJobs;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.PanelRest;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 谁受益、谁兑现 (黄冈市行动方案, closing paragraph): a 麻城 project of 25,000,000 sits in the city pool (市级库, 四(一):
 * 总投资2000万元以上的项目统一纳入市级技改投资项目库), whose ledger the city keeps, yet 麻城's fund pays it. Driven over
 * the REST APIs by the people whose job each step is: 麻城's scheme filed by the rule administrator, the round, its
 * panel of five (the scores trimmed), the award refused while 麻城 has no budget for the year, the budget entered by the finance officer, the award, the
 * notice; the advance (先期预拨, 四(二)) prepared and approved by two finance officers, the year-end settlement on its
 * day finding the award below the advance, the recovery repaid in two parts, the acceptance and the exit; then the
 * ledger shows 麻城's fund charged and the city's fund untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-huanggang-payer;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class HuanggangPayerH2Test {

    static final int YEAR = 2024;
    static final String ENTERPRISE = "huanggang-ent-1";
    static final String TOWN = "huanggang-town-macheng";
    static final String BUREAU = "huanggang-bureau";
    static final String FINANCE = "huanggang-finance";
    static final String FINANCE_2 = "huanggang-finance-2";
    static final String RULES = "huanggang-rules";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoundJobs roundJobs;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void shouldPayACityPoolProjectOfMachengFromMachengsFund() {
        Rest rest = new Rest(port);
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("jurisdiction", "huanggang");
        scheme.put("scope", "macheng");
        scheme.put("year", YEAR);
        scheme.put("document", "麻政办发〔2024〕8号");
        scheme.put("filedOn", "2024-03-01");
        scheme.put("rates", List.of(Map.of("category", "INVESTMENT_SUBSIDY", "rate", 0.05, "projectCap", 1_000_000)));
        Response filedScheme = rest.post(RULES, "/api/award-schemes", scheme);
        assertThat(filedScheme.status()).as(filedScheme.text()).isEqualTo(201);

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "huanggang");
        f.put("unitCode", "macheng");
        f.put("enterpriseName", "麻城市示范石材装备有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter("91421181MA49K0001"));
        f.put("projectCode", "2023-421181-34-03-000001");
        f.put("projectName", "石材智能加工生产线技术改造");
        f.put("category", "INVESTMENT_SUBSIDY");
        f.put("plannedTotalInvestment", 25_000_000);
        f.put("plannedEquipmentInvestment", 15_000_000);
        f.put("plannedStartDate", "2023-01-10");
        f.put("plannedEndDate", "2023-06-30");
        f.put("bankName", "中国农业银行麻城市支行");
        f.put("bankAccount", "17350101040001234");
        Response filed = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long id = filed.body().get("projectId").asLong();
        String pi = filed.body().get("processInstanceId").asText();
        assertThat(complete(rest, ENTERPRISE, taskOf(rest, ENTERPRISE, pi, "Task_ReportCompletion"),
                "completionDate", "2023-06-28", "actualTotalInvestment", 25_000_000,
                "actualEquipmentInvestment", 15_000_000, "completionNote", "已竣工投产").status()).isEqualTo(204);

        Response round = rest.post(BUREAU, "/engine-rest/process-definition/key/tc-annual-round/tenant-id/huanggang/start",
                variables("roundYear", YEAR));
        assertThat(round.status()).as(round.text()).isEqualTo(200);
        String roundPi = round.body().get("id").asText();
        roundJobs.runDueWithoutFailures("huanggang");
        assertThat(complete(rest, TOWN, taskOf(rest, TOWN, pi, "Task_RecommendProject"), "recommendationDecision",
                "RECOMMEND", "recommendationOpinion", "同意推荐", "investmentAssessment", "投资到位",
                "technologyAssessment", "国内先进", "benefitAssessment", "效益良好", "authenticityConfirmed", true,
                "formalitiesComplete", true).status()).isEqualTo(204);
        assertThat(complete(rest, BUREAU, taskOf(rest, BUREAU, roundPi, "Task_CloseRecommendation"), "closeNote", "推荐截止")
                .status()).isEqualTo(204);
        roundJobs.runDueWithoutFailures("huanggang");
        // The panel: 25,000,000 of total investment gives 5 members, at least 3 of them experts. With 5 sheets the
        // lowest and the highest total are dropped: (82 + 86 + 88) / 3 = 85.33, where all five would average 85.20.
        PanelRest panel = new PanelRest(rest, "huanggang", roundJobs);
        List<String> members = List.copyOf(panel.openTasks(id).keySet());
        assertThat(members).hasSize(5);
        assertThat(jdbc.sql("select count(*) from panel_seat where project_id = :p and member_kind = 'EXPERT'")
                .param("p", id).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        double[] totals = {75, 82, 86, 88, 95};
        for (int i = 0; i < members.size(); i++) {
            panel.score(members.get(i), id, PanelRest.uniform(totals[i], "第" + (i + 1) + "位成员:技术先进"));
        }
        assertThat(jdbc.sql("select stage from project where id = :p").param("p", id).query(String.class).single())
                .isEqualTo("REVIEWED");
        assertThat(rest.get(BUREAU, "/api/projects/" + id).body().at("/project/expertScore").decimalValue())
                .isEqualByComparingTo("85.33");
        assertThat(jdbc.sql("select dropped_members from panel_outcome where project_id = :p").param("p", id)
                .query(String.class).single()).as("the lowest and the highest, trimmed")
                .isEqualTo(members.get(0) + "," + members.get(4));
        assertThat(complete(rest, BUREAU, taskOf(rest, BUREAU, roundPi, "Task_CloseReview"), "reviewSummary", "评审结束")
                .status()).isEqualTo(204);
        roundJobs.runDueWithoutFailures("huanggang");

        // City pool (25,000,000 ≥ 20,000,000), 麻城's filed scheme: 15,000,000 × 5 % = 750,000.
        assertThat(jdbc.sql("select pool_level || ':' || quoted_amount from project_award where project_id = :p")
                .param("p", id).query(String.class).single()).isEqualTo("CITY:750000.00");
        assertThat(jdbc.sql("select budget_note from project_award where project_id = :p").param("p", id)
                .query(String.class).single()).contains("在预算线外").contains("麻城市工业技改专项资金 2024 年度预算未录入");

        // No budget, no award: the bureau's proposal is refused, naming the fund and the year; nothing is reserved.
        String decide = taskOf(rest, BUREAU, pi, "Task_DecideAward");
        Response noBudget = complete(rest, BUREAU, decide, "awardDecision", "PROPOSE", "proposedAmount", 750_000,
                "awardOpinion", "按麻城市年度方案");
        assertThat(noBudget.status()).isEqualTo(400);
        assertThat(noBudget.text()).contains("麻城市工业技改专项资金 2024 年度预算未录入");
        assertThat(jdbc.sql("select count(*) from award where project_id = :p").param("p", id).query(Long.class).single())
                .isZero();
        assertThat(rest.post(BUREAU, "/api/fund-budgets", Map.of("jurisdiction", "huanggang", "fundCode", "macheng",
                "budgetYear", YEAR, "amount", 5_000_000, "basis", "麻财预〔2024〕2号")).status())
                .as("the finance officer enters budgets, not the bureau").isEqualTo(403);
        Response budget = rest.post(FINANCE, "/api/fund-budgets", Map.of("jurisdiction", "huanggang", "fundCode", "macheng",
                "budgetYear", YEAR, "amount", 5_000_000, "basis", "麻财预〔2024〕2号"));
        assertThat(budget.status()).as(budget.text()).isEqualTo(201);

        // Ranked outside the line (no budget then): the bureau lists it only with a written reason to move it in.
        Response outside = complete(rest, BUREAU, decide, "awardDecision", "PROPOSE", "proposedAmount", 750_000,
                "awardOpinion", "按麻城市年度方案");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.text()).contains("本项目列于预算线外").contains("请填写调入预算线内的理由");
        assertThat(complete(rest, BUREAU, decide, "awardDecision", "PROPOSE", "proposedAmount", 750_000,
                "awardOpinion", "按麻城市年度方案", "lineMoveReason", "麻城市 2024 年度预算已由财政局录入(麻财预〔2024〕2号)")
                .status()).isEqualTo(204);
        assertThat(complete(rest, BUREAU, taskOf(rest, BUREAU, roundPi, "Task_DecideProposedList"), "listNote", "2024年度名单")
                .status()).isEqualTo(204);
        roundJobs.runDueWithoutFailures("huanggang");
        LocalDate last = jdbc.sql("select notice_ends_on from review_round where process_instance_id = :p")
                .param("p", roundPi).query(LocalDate.class).single();
        ClockUtil.setCurrentTime(java.util.Date.from(last.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
        JsonNode jobs = rest.get("admin", "/engine-rest/job?processInstanceId=" + roundPi
                + "&activityId=Event_NoticePeriodOver").body();
        assertThat(rest.post("admin", "/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", Map.of())
                .status()).isEqualTo(204);
        ClockUtil.reset();
        roundJobs.runDueWithoutFailures("huanggang");
        assertThat(jdbc.sql("select stage from project where id = :id").param("id", id).query(String.class).single())
                .as("no objection: the notice's end moves the project to payment").isEqualTo("PAYMENT");
        long payee = rest.get(BUREAU, "/api/projects/" + id).body().at("/payee/id").asLong();
        assertThat(rest.post(BUREAU, "/api/projects/" + id + "/payee/confirmation", Map.of("payeeId", payee)).status())
                .isEqualTo(200);

        // 先期预拨 (四(二), table tc-payment-advance): half of 麻城's share now, the rest at the year-end settlement.
        assertThat(jdbc.sql("select kind || ':' || amount || ':' || fund_code from payment_order where project_id = :p")
                .param("p", id).query(String.class).list()).containsExactly("ADVANCE:375000.00:macheng");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Response prepared = complete(rest, FINANCE, taskOf(rest, FINANCE, pi, "Task_PreparePayment"),
                "paymentVoucherNo", "MC2024-001", "paymentDate", today);
        assertThat(prepared.status()).as(prepared.text()).isEqualTo(204);
        Response paid = complete(rest, FINANCE_2, taskOf(rest, FINANCE_2, pi, "Task_ApprovePayment"),
                "approvalDecision", "APPROVE");
        assertThat(paid.status()).as(paid.text()).isEqualTo(204);
        assertThat(jdbc.sql("select status || ':' || paid_amount from award where project_id = :p").param("p", id)
                .query(String.class).single()).as("partly paid: the whole grant stays committed").isEqualTo("PROPOSED:375000.00");
        assertThat(committed("macheng")).isEqualByComparingTo("750000");
        assertThat(stage(id)).isEqualTo("PAYMENT");

        // The settlement falls due on 15 January of the year after the advance: a timer of that date.
        LocalDate due = LocalDate.of(LocalDate.parse(today).getYear() + 1, 1, 15);
        assertThat(jdbc.sql("select settlement_due_on from payment_plan where project_id = :p").param("p", id)
                .query(LocalDate.class).single()).isEqualTo(due);
        JsonNode timer = rest.get("admin", "/engine-rest/job?processInstanceId=" + pi + "&activityId=Event_SettlementDue").body();
        assertThat(timer).hasSize(1);
        assertThat(java.time.OffsetDateTime.parse(timer.get(0).get("dueDate").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
                .isEqualTo(due.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        // Run early (an administrator may), the settlement is refused until its day.
        assertThat(rest.post("admin", "/engine-rest/job/" + timer.get(0).get("id").asText() + "/execute", Map.of())
                .status()).isEqualTo(204);
        String settle = taskOf(rest, BUREAU, pi, "Task_SettleAward");
        assertThat(complete(rest, BUREAU, settle, "settledAmount", 300_000, "settlementBasis", "2024年度实际完成设备投资")
                .text()).contains("年终结算日为 " + due + ",尚未到期");

        // On the day: the actual figures give 300,000, below the advance; a settlement above the grant is refused.
        ClockUtil.setCurrentTime(java.util.Date.from(due.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        assertThat(complete(rest, BUREAU, settle, "settledAmount", 750_000.01, "settlementBasis", "多报").text())
                .contains("不能超过台账核定的奖补 750,000.00 元");
        assertThat(complete(rest, BUREAU, settle, "settledAmount", 300_000,
                "settlementBasis", "2024年度实际完成设备投资 12,000,000 元 × 5%(麻财审〔2025〕1号)").status()).isEqualTo(204);
        assertThat(jdbc.sql("select amount || ':' || repaid_amount || ':' || status from recovery_order where project_id = :p")
                .param("p", id).query(String.class).single()).as("the advance exceeded the award: 75,000 to recover")
                .isEqualTo("75000.00:0.00:OPEN");
        assertThat(jdbc.sql("select status || ':' || paid_amount from award where project_id = :p").param("p", id)
                .query(String.class).single()).isEqualTo("PAID:375000.00");

        // Repaid in two parts; too much, and the same voucher twice, are refused.
        String dueDay = due.toString();
        String recover = taskOf(rest, FINANCE, pi, "Task_RecordRecovery");
        assertThat(complete(rest, FINANCE, recover, "recoveredAmount", 75_000.01, "recoveryVoucherNo", "MC-JH-1",
                "recoveryDate", dueDay).text()).contains("不超过", "75,000.00 元");
        assertThat(complete(rest, FINANCE, recover, "recoveredAmount", 50_000, "recoveryVoucherNo", "MC-JH-1",
                "recoveryDate", dueDay).status()).isEqualTo(204);
        recover = taskOf(rest, FINANCE, pi, "Task_RecordRecovery");
        assertThat(complete(rest, FINANCE, recover, "recoveredAmount", 25_000, "recoveryVoucherNo", "MC-JH-1",
                "recoveryDate", dueDay).text()).contains("不能重复登记");
        assertThat(complete(rest, FINANCE, recover, "recoveredAmount", 25_000, "recoveryVoucherNo", "MC-JH-2",
                "recoveryDate", dueDay).status()).isEqualTo(204);
        assertThat(jdbc.sql("select status || ':' || paid_amount || ':' || recovered_amount from award where project_id = :p")
                .param("p", id).query(String.class).single()).isEqualTo("PAID:375000.00:75000.00");
        assertThat(jdbc.sql("select count(*) from recovery_repayment r join recovery_order o on o.id = r.recovery_order_id"
                + " where o.project_id = :p").param("p", id).query(Long.class).single()).isEqualTo(2);
        assertThat(stage(id)).isEqualTo("ACCEPTANCE");

        // Accepted by 麻城, the project leaves the pool.
        assertThat(complete(rest, TOWN, taskOf(rest, TOWN, pi, "Task_RecordAcceptance"), "acceptanceDate", dueDay,
                "acceptanceFindings", "设备已投产,年终结算已完成", "acceptanceDocument", "麻经信验〔2025〕2号").status()).isEqualTo(204);
        assertThat(stage(id)).isEqualTo("FOLLOW_UP");

        // 麻城's fund paid it; the city's fund, whose pool keeps the project's ledger, paid nothing. The fund is charged
        // what it paid (the recovery returns to the treasury, not to the year's budget).
        assertThat(jdbc.sql("""
                select s.fund_code || ':' || s.amount || ':' || a.status from award a
                  join award_fund_share s on s.award_id = a.id where a.project_id = :p
                """).param("p", id).query(String.class).list()).containsExactly("macheng:375000.00:PAID");
        assertThat(committed("macheng")).isEqualByComparingTo("375000");
        assertThat(committed("huanggang")).isEqualByComparingTo("0");
        List<String> actions = new java.util.ArrayList<>();
        rest.get(BUREAU, "/api/projects/" + id).body().get("history").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsSubsequence("AWARD_PROPOSED", "PAYMENT_ORDERS_OPENED", "PAYMENT_PREPARED", "PAID",
                "ADVANCE_PAID", "AWARD_SETTLED", "RECOVERED", "RECOVERED", "PAYMENT_COMPLETED", "ACCEPTED", "EXITED_POOL");
        assertThat(actions).contains("BUDGET_LINE_MOVED");
        assertThat(rest.get(BUREAU, "/api/projects/" + id).body().get("history").toString())
                .contains("兑现资金:麻城市工业技改专项资金 100%");
    }

    private String stage(long id) {
        return jdbc.sql("select stage from project where id = :id").param("id", id).query(String.class).single();
    }

    private BigDecimal committed(String fund) {
        return jdbc.sql("""
                select coalesce(sum(s.amount), 0) from award_fund_share s join award a on a.id = s.award_id
                 where a.jurisdiction_code = 'huanggang' and a.award_year = :y and s.fund_code = :f and a.status <> 'CANCELLED'
                """).param("y", YEAR).param("f", fund).query(BigDecimal.class).single();
    }

    private static String taskOf(Rest rest, String user, String pi, String key) {
        Response r = rest.get(user, "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + key);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().size()).as(user + " sees " + key).isEqualTo(1);
        return r.body().get(0).get("id").asText();
    }

    private static Response complete(Rest rest, String user, String taskId, Object... keyValues) {
        return rest.post(user, "/engine-rest/task/" + taskId + "/complete", variables(keyValues));
    }
}

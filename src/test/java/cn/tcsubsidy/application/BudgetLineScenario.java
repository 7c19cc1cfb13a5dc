package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.round.process.RoundJobs;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.PanelRest;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proposed list (拟扶持名单) of a Liaocheng round, driven over REST by the people whose job each step is, to the
 * bureau's list task: three projects quoted 500,000, 400,000 and 300,000 (10 % of equipment), scored 90, 85 and 80,
 * against a 2025 budget of 1,000,000 entered by the finance officer, so the third sits below the line. The list task
 * shows the ranked table with the line; the award decisions start at the quote. The bureau moves the second out and
 * the third in, each with a reason (audit rows, history, the list refreshed), is refused without a reason, in
 * another's role, over the budget; proposes the second again, moved in at its decision for what the budget has left;
 * the export reads the stored line.
 */
abstract class BudgetLineScenario {

    static final int YEAR = 2025;
    static final String J = "liaocheng";
    static final String ENTERPRISE = "liaocheng-ent-1";
    static final String TOWN = "liaocheng-town-chiping";
    static final String BUREAU = "liaocheng-bureau";
    static final String FINANCE = "liaocheng-finance";
    static final String FUND = "聊城市工业企业技术改造设备奖补资金";
    static final AtomicInteger SERIAL = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RoundJobs roundJobs;

    Rest rest;

    record Filed(long id, String pi) {
    }

    @Test
    void shouldShowTheRankedListAndMoveProjectsAcrossTheLineOnlyWithAReasonWithinTheBudget() throws IOException {
        rest = new Rest(port);
        Filed first = filedAndCompleted(5_000_000);
        Filed second = filedAndCompleted(4_000_000);
        Filed third = filedAndCompleted(3_000_000);
        Filed elsewhere = filed();
        Response budget = rest.post(FINANCE, "/api/fund-budgets", Map.of("jurisdiction", J, "fundCode", J,
                "budgetYear", YEAR, "amount", 1_000_000, "basis", "聊财预〔2025〕1号(测试)"));
        assertThat(budget.status()).as(budget.text()).isEqualTo(201);

        Response started = rest.post(BUREAU, "/engine-rest/process-definition/key/tc-annual-round/tenant-id/" + J + "/start",
                variables("roundYear", YEAR));
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        String roundPi = started.body().get("id").asText();
        long round = jdbc.sql("select id from review_round where process_instance_id = :p").param("p", roundPi)
                .query(Long.class).single();
        roundJobs.runDueWithoutFailures(J);
        for (Filed p : List.of(first, second, third)) {
            assertThat(complete(TOWN, taskOf(TOWN, p.pi(), "Task_RecommendProject"), "recommendationDecision", "RECOMMEND",
                    "recommendationOpinion", "同意推荐", "investmentAssessment", "投资到位", "technologyAssessment", "国内先进",
                    "benefitAssessment", "效益良好", "authenticityConfirmed", true, "formalitiesComplete", true).status())
                    .isEqualTo(204);
        }
        assertThat(complete(BUREAU, taskOf(BUREAU, roundPi, "Task_CloseRecommendation"), "closeNote", "推荐截止").status())
                .isEqualTo(204);
        roundJobs.runDueWithoutFailures(J);
        PanelRest panel = new PanelRest(rest, J, roundJobs);
        Map<Filed, Integer> scores = Map.of(first, 90, second, 85, third, 80);
        for (Filed p : List.of(first, second, third)) {
            for (String member : List.copyOf(panel.openTasks(p.id()).keySet())) {
                panel.score(member, p.id(), PanelRest.uniform(scores.get(p), "技术先进"));
            }
        }
        assertThat(complete(BUREAU, taskOf(BUREAU, roundPi, "Task_CloseReview"), "reviewSummary", "评审结束").status())
                .isEqualTo(204);
        roundJobs.runDueWithoutFailures(J);

        // Ranked and stored as data: 500,000 + 400,000 fit the 1,000,000; 300,000 does not.
        assertThat(line(first)).isEqualTo("1:true:500000.00");
        assertThat(line(second)).isEqualTo("2:true:400000.00");
        assertThat(line(third)).isEqualTo("3:false:300000.00");
        assertThat(jdbc.sql("select fund_code || ':' || amount from project_award_fund_charge where project_id = :p")
                .param("p", third.id()).query(String.class).list()).containsExactly("liaocheng:300000.00");

        // The list task shows the ranked table of the fund with the line drawn after the second.
        String listTask = taskOf(BUREAU, roundPi, "Task_DecideProposedList");
        String shown = listText(listTask);
        assertThat(shown).contains("##### " + FUND).contains("2025 年度预算 1,000,000.00(100.00 万元);台账已安排 0.00(0.00 万元);"
                        + "线内待审定项目拟安排 900,000.00(90.00 万元);剩余 100,000.00(10.00 万元)")
                .contains("| 1 | " + first.id() + " | ").contains("| 90.00 | 500,000.00 | 500,000.00 | 500,000.00 | 线内 | 待审定 |");
        assertThat(shown.indexOf("| 2 | " + second.id())).isLessThan(shown.indexOf("| **预算线** |"));
        assertThat(shown.indexOf("| 3 | " + third.id())).isGreaterThan(shown.indexOf("| **预算线** |"));
        assertThat(shown).contains("| 80.00 | 300,000.00 | 300,000.00 | 300,000.00 | 线外 | 待审定 |").contains("尚无调整");

        // The award decision starts at the quote, before the bureau submits anything.
        for (Filed p : List.of(first, second, third)) {
            JsonNode vars = rest.get(BUREAU, "/engine-rest/task/" + taskOf(BUREAU, p.pi(), "Task_DecideAward")
                    + "/form-variables").body();
            assertThat(vars.at("/proposedAmount/value").decimalValue()).as("prefilled").isEqualByComparingTo(
                    p == first ? "500000" : p == second ? "400000" : "300000");
        }

        JsonNode board = rest.get(BUREAU, "/api/rounds/" + round + "/budget-line").body();
        assertThat(board.at("/funds/0/fundName").asText()).isEqualTo(FUND);
        assertThat(board.at("/funds/0/remaining").decimalValue()).isEqualByComparingTo("100000");
        assertThat(board.at("/funds/0/rows")).hasSize(3);
        assertThat(rest.get("liaocheng-owner", "/api/rounds/" + round + "/budget-line").status()).isEqualTo(200);
        for (String u : List.of(ENTERPRISE, TOWN, FINANCE, "liaocheng-expert-1", "hekou-bureau")) {
            assertThat(rest.get(u, "/api/rounds/" + round + "/budget-line").status()).as(u).isEqualTo(404);
        }

        // Refused, naming the field; nothing stored.
        String moves = "/api/rounds/" + round + "/budget-line/moves";
        assertThat(errors(rest.post(BUREAU, moves, Map.of("projectId", third.id(), "direction", "IN"))).has("reason")).isTrue();
        assertThat(errors(rest.post(BUREAU, moves, Map.of("projectId", third.id(), "direction", "IN", "reason", "  ")))
                .has("reason")).isTrue();
        JsonNode bad = errors(rest.post(BUREAU, moves, Map.of("direction", "UP", "reason", "x", "why", "x")));
        assertThat(bad.has("projectId")).isTrue();
        assertThat(bad.has("direction")).isTrue();
        assertThat(bad.has("why")).isTrue();
        assertThat(errors(rest.post(BUREAU, moves, Map.of("projectId", 999_999, "direction", "IN", "reason", "x")))
                .path("projectId").asText()).contains("项目不存在");
        assertThat(errors(rest.post(BUREAU, moves, Map.of("projectId", elsewhere.id(), "direction", "IN", "reason", "x")))
                .path("projectId").asText()).contains("不属于评审轮次");
        assertThat(errors(rest.post(BUREAU, moves, Map.of("projectId", third.id(), "direction", "OUT", "reason", "x")))
                .path("direction").asText()).contains("项目已在预算线外");
        assertThat(errors(rest.post(BUREAU, moves, Map.of("projectId", first.id(), "direction", "IN", "reason", "x")))
                .path("direction").asText()).contains("项目已在预算线内");
        String over = errors(rest.post(BUREAU, moves, Map.of("projectId", third.id(), "direction", "IN",
                "reason", "该项目带动就业明显"))).path("direction").asText();
        assertThat(over).contains("预算余额不足").contains(FUND).contains("剩余 100,000.00 元")
                .contains("本项目拟安排该资金 300,000.00 元").contains("差额 200,000.00 元");
        for (String u : List.of(ENTERPRISE, TOWN, FINANCE, "liaocheng-owner", "liaocheng-expert-1", "hekou-bureau")) {
            assertThat(rest.post(u, moves, Map.of("projectId", second.id(), "direction", "OUT", "reason", "越权"))
                    .status()).as(u).isEqualTo(403);
        }
        assertThat(rest.post(BUREAU, "/api/rounds/999999/budget-line/moves",
                Map.of("projectId", second.id(), "direction", "OUT", "reason", "x")).status()).isEqualTo(404);
        assertThat(moveRows()).isZero();
        assertThat(line(second)).isEqualTo("2:true:400000.00");

        // Out with a reason, then in with a reason: each kept, each in the project's history, the list refreshed.
        Response out = rest.post(BUREAU, moves, Map.of("projectId", second.id(), "direction", "OUT",
                "reason", "该项目环评验收尚未办结,暂缓安排"));
        assertThat(out.status()).as(out.text()).isEqualTo(201);
        assertThat(out.body().path("direction").asText()).isEqualTo("OUT");
        Response in = rest.post(BUREAU, moves, Map.of("projectId", third.id(), "direction", "IN",
                "reason", "该项目带动就业明显,经局务会研究调入"));
        assertThat(in.status()).as(in.text()).isEqualTo(201);
        assertThat(jdbc.sql("""
                select project_id || ':' || budget_rank || ':' || from_within || ':' || to_within || ':' || moved_by
                  from budget_line_move where round_id = :r order by id
                """).param("r", round).query(String.class).list().stream().map(String::toUpperCase).toList()).containsExactly(
                second.id() + ":2:TRUE:FALSE:" + BUREAU.toUpperCase(), third.id() + ":3:FALSE:TRUE:" + BUREAU.toUpperCase());
        assertThat(line(second)).isEqualTo("2:false:400000.00");
        assertThat(line(third)).isEqualTo("3:true:300000.00");
        JsonNode history = rest.get(BUREAU, "/api/projects/" + third.id()).body().get("history");
        JsonNode moved = last(history, "BUDGET_LINE_MOVED");
        assertThat(moved.get("actor").asText()).isEqualTo(BUREAU);
        assertThat(moved.get("summary").asText()).startsWith("调入预算线内(预算排序第 3 名").contains("经局务会研究调入");
        assertThat(rest.get(ENTERPRISE, "/api/projects/" + third.id()).body().get("history").toString())
                .as("the enterprise reads its project's history too").contains("调入预算线内");
        assertThat(listText(listTask)).contains("| 3 | " + third.id()).contains("线内(调入)").contains("线外(调出)")
                .contains("调出预算线:该项目环评验收尚未办结,暂缓安排").contains("调入预算线内:该项目带动就业明显,经局务会研究调入");
        assertThat(rest.get(BUREAU, "/engine-rest/process-instance/" + third.pi() + "/variables/budgetNote").body()
                .get("value").asText()).as("its award decision's form").contains("工信局调入预算线内:该项目带动就业明显");

        // Decisions: a project outside the line is listed only moved in, at its decision, within the budget.
        assertThat(complete(BUREAU, taskOf(BUREAU, first.pi(), "Task_DecideAward"), "awardDecision", "PROPOSE",
                "proposedAmount", 500_000, "awardOpinion", "列入").status()).isEqualTo(204);
        assertThat(complete(BUREAU, taskOf(BUREAU, third.pi(), "Task_DecideAward"), "awardDecision", "PROPOSE",
                "proposedAmount", 300_000, "awardOpinion", "列入").status()).isEqualTo(204);
        String decideSecond = taskOf(BUREAU, second.pi(), "Task_DecideAward");
        Response noReason = complete(BUREAU, decideSecond, "awardDecision", "PROPOSE", "proposedAmount", 400_000,
                "awardOpinion", "列入");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("本项目列于预算线外").contains("调入预算线内的理由");
        Response overBudget = complete(BUREAU, decideSecond, "awardDecision", "PROPOSE", "proposedAmount", 400_000,
                "awardOpinion", "列入", "lineMoveReason", "环评已办结");
        assertThat(overBudget.status()).isEqualTo(400);
        assertThat(overBudget.text()).contains("预算余额不足").contains("台账已安排 800,000.00 元").contains("差额 200,000.00 元");
        assertThat(moveRows()).isEqualTo(2);
        assertThat(complete(BUREAU, decideSecond, "awardDecision", "PROPOSE", "proposedAmount", 200_000,
                "awardOpinion", "按预算余额核定", "lineMoveReason", "环评已办结,按预算余额安排").status()).isEqualTo(204);
        assertThat(moveRows()).isEqualTo(3);
        assertThat(jdbc.sql("select granted_amount from award where project_id = :p").param("p", second.id())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("200000");
        List<String> actions = new ArrayList<>();
        rest.get(BUREAU, "/api/projects/" + second.id()).body().get("history").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsSubsequence("BUDGET_RANKED", "BUDGET_LINE_MOVED", "BUDGET_LINE_MOVED", "AWARD_PROPOSED");

        // The export reads the stored rank and line.
        String csv = new String(get(BUREAU, "/api/rounds/" + round + "/proposed-list.csv"), StandardCharsets.UTF_8);
        List<String> rows = csv.lines().toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3)).startsWith("3,").contains(",300000.00,300000.00,30.00,线内,列入拟扶持名单,");
        assertThat(rows.get(2)).startsWith("2,").contains(",400000.00,200000.00,20.00,线内,列入拟扶持名单,");

        assertThat(complete(BUREAU, listTask, "listNote", "2025年度拟扶持名单").status()).isEqualTo(204);
        assertThat(errors(rest.post(BUREAU, moves, Map.of("projectId", first.id(), "direction", "OUT", "reason", "x")))
                .path("projectId").asText()).as("decided").contains("已审定");
    }

    /** budget_rank:within_line:proposable_amount of the project. */
    String line(Filed p) {
        return jdbc.sql("select budget_rank || ':' || within_line || ':' || proposable_amount from project_award where project_id = :p")
                .param("p", p.id()).query(String.class).single().toLowerCase();
    }

    long moveRows() {
        return jdbc.sql("select count(*) from budget_line_move").query(Long.class).single();
    }

    String listText(String taskId) throws IOException {
        Response r = rest.get(BUREAU, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
        JsonNode v = r.body().path("proposedList");
        assertThat(v.path("type").asText()).as(r.text()).isEqualTo("Json");
        // As Tasklist reads it (deserializeValues=false): the Json's text, which it parses before the form sees it.
        assertThat(v.path("value").isTextual()).as(r.text()).isTrue();
        JsonNode value = JSON.readTree(v.path("value").asText());
        assertThat(value.path("text").isTextual()).as(r.text()).isTrue();
        return value.path("text").asText();
    }

    static JsonNode last(JsonNode history, String action) {
        JsonNode found = null;
        for (JsonNode e : history) {
            if (action.equals(e.get("action").asText())) {
                found = e;
            }
        }
        assertThat(found).as(action).isNotNull();
        return found;
    }

    static JsonNode errors(Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        return r.body().path("errors");
    }

    Filed filed() {
        int n = SERIAL.incrementAndGet();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", J);
        f.put("unitCode", "chiping");
        f.put("enterpriseName", "聊城市预算线测试" + n + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter(String.format("9137152%010d", 700 + n)));
        f.put("projectCode", String.format("2024-371523-34-03-%06d", 700 + n));
        f.put("projectName", "设备更新改造" + n);
        f.put("category", "EQUIPMENT");
        f.put("plannedTotalInvestment", 9_000_000);
        f.put("plannedEquipmentInvestment", 5_000_000);
        f.put("bankName", "中国银行聊城分行");
        f.put("bankAccount", "62170000123456" + String.format("%02d", n));
        f.put("plannedStartDate", "2024-01-10");
        f.put("plannedEndDate", "2024-10-31");
        Response r = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new Filed(r.body().get("projectId").asLong(), r.body().get("processInstanceId").asText());
    }

    Filed filedAndCompleted(long equipment) {
        Filed p = filed();
        assertThat(complete(ENTERPRISE, taskOf(ENTERPRISE, p.pi(), "Task_ReportCompletion"), "completionDate", "2024-10-20",
                "actualTotalInvestment", 9_000_000, "actualEquipmentInvestment", equipment, "completionNote", "已竣工投产")
                .status()).isEqualTo(204);
        return p;
    }

    String taskOf(String user, String pi, String key) {
        Response r = rest.get(user, "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + key);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().size()).as(user + " sees " + key).isEqualTo(1);
        return r.body().get(0).get("id").asText();
    }

    Response complete(String user, String taskId, Object... keyValues) {
        return rest.complete(user, taskId, keyValues);
    }

    byte[] get(String user, String path) {
        Rest.Download r = rest.download(user, path);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.bytes();
    }
}

package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.guard.SensitiveVariables;
import cn.tcsubsidy.round.process.RoundJobs;
import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.PanelRest;
import cn.tcsubsidy.support.Rest.Response;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Hekou loan-interest project filed through the REST API and driven through every stage by the people whose job
 * each stage is, over /engine-rest with their own logins, as Tasklist does: filing, completion, round, town
 * recommendation, the panel's review, award decision, proposed list, notice, payment to the bank (prepared by one
 * finance officer, approved by another), acceptance, exit, follow-up.
 * Bad submissions along the way are refused with their reason and leave nothing behind.
 */
abstract class ProjectLifecycleScenario {

    static final String ENTERPRISE = "hekou-ent-1";
    static final String TOWN = "hekou-town-yihe";
    static final String OTHER_TOWN = "hekou-town-xinhu";
    static final String BUREAU = "hekou-bureau";
    static final String FINANCE = "hekou-finance";
    static final String OWNER = "hekou-owner";
    static final String FINANCE_2 = "hekou-finance-2";
    static final String BANK = "中国工商银行东营河口支行";
    static final String BANK_ACCOUNT = "1614001234567890";
    static final String AGREEMENT = "WTZF-2020-017";
    static final String LOAN_CONTRACT = "JK-2020-0088";
    /** The enterprise's contact address of its filing (mail goes there, not to its login's). */
    static final String CONTACT = "lanhai-jigai@example.test";
    static final int SMTP_PORT = freePort();
    static GreenMail smtp;
    /**
     * The three members' sheets, in the order they hand them in: weighted totals (25 %, 35 %, 25 %, 15 %) 87.57,
     * 86.50 and 87.50. The notes and the two-decimal scores are what no one may read before the panel closes.
     */
    static final String FIRST_NOTE = "甲席意见:智能化改造方案成熟";
    static final String SECOND_NOTE = "乙席意见:新材料市场前景较好";
    static final String LAST_NOTE = "丙席意见:节能效果有待验证";
    static final Map<String, Object> FIRST_SHEET = PanelRest.sheet("RECOMMEND", FIRST_NOTE, 86.36, 91.4, 83.64, 87.2);
    static final Map<String, Object> SECOND_SHEET = PanelRest.sheet("RECOMMEND", SECOND_NOTE, 85.56, 89.8, 82.76, 86.6);
    static final Map<String, Object> LAST_SHEET = PanelRest.sheet("RECOMMEND", LAST_NOTE, 88.2, 90.2, 84.4, 85.2);
    /** What the first two sheets give away, as text. */
    static final List<String> SECRETS = List.of(FIRST_NOTE, SECOND_NOTE, "86.36", "83.64", "85.56", "82.76",
            "87.57", "86.5");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoundJobs roundJobs;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    Rest rest;
    PanelRest panel;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startMailServer() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void client() {
        rest = new Rest(port);
        panel = new PanelRest(rest, "hekou", roundJobs);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    static Map<String, Object> filing() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "hekou");
        f.put("unitCode", "yihe");
        f.put("enterpriseName", "东营市河口区蓝海新材料有限公司");
        f.put("creditCode", "91370503MA3C5X7Q3G");
        f.put("projectCode", "2020-370503-34-03-000101");
        f.put("projectName", "年产5万吨新材料生产线智能化改造");
        f.put("category", "LOAN_INTEREST");
        f.put("plannedTotalInvestment", 12_000_000);
        f.put("plannedEquipmentInvestment", 8_000_000.50);
        f.put("loanAmount", 8_000_000);
        f.put("loanBank", BANK);
        f.put("loanBankAccount", BANK_ACCOUNT);
        f.put("entrustedAgreementNo", AGREEMENT);
        f.put("plannedStartDate", "2020-01-10");
        f.put("plannedEndDate", "2020-09-30");
        f.put("contactEmail", CONTACT);
        return f;
    }

    /**
     * The mails of the project's life, in order, each to its recipient's address: queued by the steps, sent by their
     * jobs to the SMTP server (GreenMail), each once with its row's Message-ID, subject and body as the templates say.
     */
    void assertMailsOfTheWholeLife(long id) throws Exception {
        List<String> rows = jdbc.sql("select id from mail_outbox where project_id = :p order by id").param("p", id)
                .query(Long.class).list().stream().map(String::valueOf).toList();
        for (org.camunda.bpm.engine.runtime.Job job : management.createJobQuery().list()) {
            if (rows.contains(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getJobHandlerConfigurationRaw())) {
                management.executeJob(job.getId());
            }
        }
        List<Map<String, Object>> outbox = jdbc.sql("""
                select template_key, recipient_role, recipient_address, subject, message_id, status from mail_outbox
                where project_id = :p order by id""").param("p", id).query().listOfRows();
        assertThat(outbox).extracting(m -> m.get("template_key") + ":" + m.get("recipient_role") + ":"
                + m.get("recipient_address")).containsExactly(
                "filing-received:ENTERPRISE:" + CONTACT,
                "town-awaits-recommendation:TOWN:" + TOWN + "@example.test",
                "recommendation-result:ENTERPRISE:" + CONTACT,
                "panel-assigned:PANEL_MEMBER:" + outbox.get(3).get("recipient_address"),
                "panel-assigned:PANEL_MEMBER:" + outbox.get(4).get("recipient_address"),
                "panel-assigned:PANEL_MEMBER:" + outbox.get(5).get("recipient_address"),
                "review-finished:ENTERPRISE:" + CONTACT,
                "notice-listed:ENTERPRISE:" + CONTACT,
                "payment-made:ENTERPRISE:" + CONTACT,
                "follow-up-report-due:ENTERPRISE:" + CONTACT,
                "evaluation-result:ENTERPRISE:" + CONTACT);
        assertThat(outbox).extracting(m -> m.get("status")).containsOnly("SENT");
        for (int seat = 3; seat <= 5; seat++) {
            assertThat(String.valueOf(outbox.get(seat).get("recipient_address"))).matches("hekou-expert-\\d+@example\\.test");
        }
        Map<String, jakarta.mail.internet.MimeMessage> received = new LinkedHashMap<>();
        for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
            assertThat(received.put(m.getMessageID(), m)).as("each mail once").isNull();
        }
        for (Map<String, Object> row : outbox) {
            jakarta.mail.internet.MimeMessage m = received.get(String.valueOf(row.get("message_id")));
            assertThat(m).as("delivered: " + row.get("template_key")).isNotNull();
            assertThat(m.getSubject()).isEqualTo(row.get("subject"));
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(row.get("recipient_address"));
        }
        String notice = body(received, outbox, "notice-listed");
        assertThat(notice).contains("年产5万吨新材料生产线智能化改造", "公示期", "/public/notices/hekou/", "异议");
        String paid = body(received, outbox, "payment-made");
        assertThat(paid).contains("77,000.00 元", BANK, "HK2026-001");
        assertThat(body(received, outbox, "filing-received")).contains("项目编号:" + id, "2020-370503-34-03-000101");
        assertThat(body(received, outbox, "evaluation-result")).contains("绩效达标");
        Response project = rest.get(ENTERPRISE, "/api/projects/" + id);
        assertThat(project.body().get("mails")).as("the enterprise sees its own mails").hasSize(7);
        assertThat(rest.get(BUREAU, "/api/projects/" + id).body().get("mails")).hasSize(outbox.size());
    }

    private static String body(Map<String, jakarta.mail.internet.MimeMessage> received, List<Map<String, Object>> outbox,
                               String template) throws Exception {
        Map<String, Object> row = outbox.stream().filter(m -> template.equals(m.get("template_key"))).findFirst()
                .orElseThrow();
        return String.valueOf(received.get(String.valueOf(row.get("message_id"))).getContent());
    }

    long projectCount() {
        return jdbc.sql("select count(*) from project").query(Long.class).single();
    }

    @Test
    void shouldTakeAProjectFromFilingThroughEveryStageToFollowUp() throws Exception {
        // Anonymous calls are refused on both APIs.
        assertThat(rest.get(null, "/api/projects").status()).isEqualTo(401);
        assertThat(rest.get(null, "/engine-rest/task").status()).isEqualTo(401);

        // Filing: bad input names each field and stores nothing; another jurisdiction's enterprise is refused.
        long before = projectCount();
        Map<String, Object> bad = filing();
        bad.put("plannedTotalInvestment", -1);
        bad.put("creditCode", "91370503MA3C5X7Q3A");
        Response refused = rest.post(ENTERPRISE, "/api/projects", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().at("/errors/plannedTotalInvestment").asText()).contains("不能为负数");
        assertThat(refused.body().at("/errors/creditCode").asText()).contains("校验位");
        assertThat(rest.post("yanzhou-ent-1", "/api/projects", filing()).status()).isEqualTo(403);
        Map<String, Object> startForm = new LinkedHashMap<>();
        bad.forEach((k, v) -> startForm.put(k, Map.of("value", v)));
        Response refusedStart = rest.post(ENTERPRISE, "/engine-rest/process-definition/key/tc-project/submit-form",
                Map.of("variables", startForm));
        assertThat(refusedStart.status()).as("Tasklist's start form").isEqualTo(400);
        assertThat(refusedStart.body().get("message").asText()).startsWith("提交被拒绝:").contains("统一社会信用代码无效");
        assertThat(projectCount()).isEqualTo(before);

        Response filed = rest.post(ENTERPRISE, "/api/projects", filing());
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long id = filed.body().get("projectId").asLong();
        String pi = filed.body().get("processInstanceId").asText();
        assertThat(stage(id)).isEqualTo("IN_PROGRESS");
        assertThat(rest.get("yanzhou-bureau", "/api/projects/" + id).status()).as("other tenant").isEqualTo(404);
        assertThat(rest.get("hekou-ent-2", "/api/projects/" + id).status()).as("other enterprise").isEqualTo(404);
        assertThat(rest.get(OTHER_TOWN, "/api/projects/" + id).status()).as("other town").isEqualTo(404);
        assertThat(rest.get(TOWN, "/api/projects/" + id).status()).as("its own town").isEqualTo(200);
        assertThat(rest.get("hekou-ent-2", "/api/projects?jurisdiction=hekou").body().get("total").asLong()).isZero();

        // Specific variable permissions: no enterprise or town reads an instance's variables as such; the filer and
        // its town read the card variables their own task carries (Tasklist's task cards), nobody else does.
        for (String user : List.of(ENTERPRISE, TOWN, "hekou-ent-2", OTHER_TOWN)) {
            assertThat(rest.get(user, "/engine-rest/process-instance/" + pi + "/variables/projectName").status())
                    .as(user).isEqualTo(403);
        }

        // The enterprise finds its task through Tasklist's 本单位待办 filter; the instance carries the project id as key.
        assertThat(filterTasks(ENTERPRISE, "本单位待办")).contains(pi);
        // … and through 我的待办, the filter Tasklist opens first (lowest priority), so it does not land on an empty list.
        assertThat(filterTasks(ENTERPRISE, "我的待办")).contains(pi);
        assertThat(filterTasks(ENTERPRISE, "指派给我")).doesNotContain(pi);
        assertThat(filterTasks("hekou-ent-2", "我的待办")).doesNotContain(pi);
        Response filters = rest.get(ENTERPRISE, "/engine-rest/filter?resourceType=Task");
        String opening = null;
        int lowest = Integer.MAX_VALUE;
        for (JsonNode f : filters.body()) {
            int priority = f.at("/properties/priority").asInt();
            if (priority < lowest) {
                lowest = priority;
                opening = f.get("name").asText();
            }
        }
        assertThat(opening).isEqualTo("我的待办");
        assertThat(rest.get(BUREAU, "/engine-rest/process-instance/" + pi).body().get("businessKey").asText())
                .isEqualTo(String.valueOf(id));

        // Completion report: negative figures are refused and not stored.
        String completion = taskOf(ENTERPRISE, pi, "Task_ReportCompletion");
        assertThat(rest.get(ENTERPRISE, "/engine-rest/task/" + completion + "/localVariables/projectName").status()).isEqualTo(200);
        assertThat(rest.get(TOWN, "/engine-rest/task/" + completion + "/localVariables/projectName").status()).isEqualTo(200);
        assertThat(rest.get("hekou-ent-2", "/engine-rest/task/" + completion + "/localVariables/projectName").status())
                .isEqualTo(403);
        Response negative = complete(ENTERPRISE, completion, "completionDate", "2020-09-28",
                "actualTotalInvestment", -5, "actualEquipmentInvestment", 7_500_000, "completionNote", "竣工",
                "loanDrawnAmount", 8_000_000, "loanContractNo", LOAN_CONTRACT, "loanContractAmount", 8_000_000,
                "entrustedAgreementNo", AGREEMENT);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().get("message").asText())
                .isEqualTo("提交被拒绝:实际总投资不能为负数");
        assertThat(stage(id)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("select actual_total_investment from project where id = :id").param("id", id)
                .query(java.math.BigDecimal.class).optional()).isEmpty();
        assertThat(complete(ENTERPRISE, completion, "completionDate", "2020-09-28", "actualTotalInvestment", 11_800_000,
                "actualEquipmentInvestment", 7_600_000.456, "completionNote", "已竣工投产",
                "loanDrawnAmount", 8_000_000, "loanContractNo", LOAN_CONTRACT, "loanContractAmount", 8_000_000,
                "entrustedAgreementNo", AGREEMENT).status()).isEqualTo(204);
        assertThat(stage(id)).isEqualTo("COMPLETED");

        // The bureau opens the 2021 round (Hekou's policy ran 2020-09-21 … 2022-12-31): it gathers projects completed
        // in 2020 and opens recommendation.
        Response round = rest.post(BUREAU, "/engine-rest/process-definition/key/tc-annual-round/tenant-id/hekou/start",
                variables("roundYear", 2021));
        assertThat(round.status()).as(round.text()).isEqualTo(200);
        String roundPi = round.body().get("id").asText();
        assertThat(stage(id)).as("the click stored the start; gathering the projects is the round's own job")
                .isEqualTo("COMPLETED");
        assertThat(rest.post(BUREAU, "/engine-rest/process-definition/key/tc-annual-round/tenant-id/hekou/start",
                variables("roundYear", 2021)).text()).as("the same year twice, refused at once").contains("已经发起");
        roundJobs.runDueWithoutFailures("hekou");
        assertThat(stage(id)).isEqualTo("RECOMMENDATION");
        long roundId = jdbc.sql("select id from review_round where process_instance_id = :p").param("p", roundPi)
                .query(Long.class).single();
        JsonNode answered = rest.get(BUREAU, "/api/rounds/" + roundId + "/answers?step=RECOMMENDATION_OPENED").body();
        assertThat(answered.get("pending").asLong()).as("every project's job created its town's task").isZero();
        assertThat(answered.get("answers").findValuesAsText("status")).containsExactly("DONE");
        assertThat(rest.get(BUREAU, "/api/rounds/" + roundId + "/answers?step=NO_SUCH_STEP").status()).isEqualTo(400);

        // Only the project's own town sees the recommendation task.
        assertThat(tasks(OTHER_TOWN, pi)).isEmpty();
        String recommend = taskOf(TOWN, pi, "Task_RecommendProject");
        Response unverified = complete(TOWN, recommend, "recommendationDecision", "RECOMMEND", "recommendationOpinion", "同意",
                "investmentAssessment", "投资到位", "technologyAssessment", "国内先进", "benefitAssessment", "效益良好",
                "authenticityConfirmed", false, "formalitiesComplete", true);
        assertThat(unverified.text()).contains("真实性");
        assertThat(complete(TOWN, recommend, "recommendationDecision", "RECOMMEND", "recommendationOpinion", "同意推荐",
                "investmentAssessment", "投资到位", "technologyAssessment", "国内先进", "benefitAssessment", "效益良好",
                "authenticityConfirmed", true, "formalitiesComplete", true).status()).isEqualTo(204);
        assertThat(stage(id)).isEqualTo("EXPERT_REVIEW");

        // The bureau closes recommendation; it cannot close the review before the panel has scored.
        String close = taskOf(BUREAU, roundPi, "Task_CloseRecommendation");
        int roundYear = jdbc.sql("select round_year from review_round where id = :r").param("r", roundId)
                .query(Integer.class).single();
        // A round's card names its year (TaskCardNames); a project's its project (the town's task just done).
        assertThat(rest.get(BUREAU, "/engine-rest/task/" + close).body().get("name").asText())
                .isEqualTo("截止镇街推荐 · " + roundYear + "年度");
        assertThat(rest.get(BUREAU, "/engine-rest/history/task?taskId=" + recommend).body().get(0).get("name").asText())
                .startsWith("镇街审核推荐 · " + jdbc.sql("select project_name from project where id = :id").param("id", id)
                        .query(String.class).single() + "(");
        assertThat(complete(BUREAU, close, "closeNote", "推荐截止").status()).isEqualTo(204);
        roundJobs.runDueWithoutFailures("hekou");
        String closeReview = taskOf(BUREAU, roundPi, "Task_CloseReview");
        assertThat(complete(BUREAU, closeReview, "reviewSummary", "评审结束").text()).contains("未完成专家评审");

        // The panel was drawn in the project's own job: 12,000,000 of total investment, under 20,000,000, gives a
        // panel of 3 with at least 2 experts and 1 non-expert. Each member, with its own login, sees its own score
        // task and nothing else; a pool member of Hekou who is not on the panel sees none and cannot submit one.
        Map<String, String> panelTasks = panel.openTasks(id);
        assertThat(panelTasks).hasSize(3);
        List<String> members = new ArrayList<>(panelTasks.keySet());
        assertThat(seated(id, "ACTIVE")).containsExactlyInAnyOrderElementsOf(members);
        assertThat(jdbc.sql("select member_kind from panel_seat where project_id = :p").param("p", id)
                .query(String.class).list()).satisfies(kinds -> {
                    assertThat(kinds.stream().filter("EXPERT"::equals).count()).isGreaterThanOrEqualTo(2);
                    assertThat(kinds.stream().filter(k -> !"EXPERT".equals(k)).count()).isGreaterThanOrEqualTo(1);
                });
        for (String member : members) {
            JsonNode own = panel.allTasks(member);
            assertThat(own).as(member + " sees its own task only").hasSize(1);
            assertThat(own.get(0).get("id").asText()).isEqualTo(panelTasks.get(member));
            assertThat(own.get(0).get("taskDefinitionKey").asText()).isEqualTo(PanelRest.SCORE_TASK);
            assertThat(own.get(0).get("assignee").asText()).isEqualTo(member);
        }
        String first = members.get(0);
        String second = members.get(1);
        String last = members.get(2);
        String outsider = panel.pool().stream().filter(u -> !members.contains(u)).findFirst().orElseThrow();
        assertThat(panel.scoreTasks(outsider, id)).isEmpty();
        assertThat(panel.allTasks(outsider)).isEmpty();
        assertThat(rest.get(outsider, "/engine-rest/task/" + panelTasks.get(first)).status()).isEqualTo(404);
        Response intruder = panel.submit(outsider, panelTasks.get(first), FIRST_SHEET);
        assertThat(intruder.status()).as(intruder.text()).isEqualTo(403);
        assertThat(sheetsStored(id)).isZero();

        // An out-of-range score is refused naming the field, and nothing is stored: no sheet, the seat still open,
        // the task still the member's, no value left on it.
        Map<String, Object> tooHigh = new LinkedHashMap<>(FIRST_SHEET);
        tooHigh.put("score_TECHNOLOGY", 120);
        Response outOfRange = panel.submit(first, panelTasks.get(first), tooHigh);
        assertThat(outOfRange.status()).as(outOfRange.text()).isEqualTo(400);
        assertThat(outOfRange.body().get("message").asText()).startsWith("提交被拒绝:")
                .contains("技术水平评分应在 0 至 100 之间");
        assertThat(sheetsStored(id)).isZero();
        assertThat(seated(id, "ACTIVE")).containsExactlyInAnyOrderElementsOf(members);
        assertThat(panel.taskOf(first, id)).isEqualTo(panelTasks.get(first));
        assertThat(rest.get(first, "/engine-rest/task/" + panelTasks.get(first) + "/variables").text())
                .doesNotContain("score_").doesNotContain(FIRST_NOTE);

        // Two members declare no conflict and score; the third has not yet.
        panel.score(first, id, FIRST_SHEET);
        panel.score(second, id, SECOND_SHEET);
        assertThat(stage(id)).isEqualTo("EXPERT_REVIEW");
        assertThat(sheetsStored(id)).isEqualTo(2);
        assertThat(seated(id, "SCORED")).containsExactlyInAnyOrder(first, second);

        // Blind until the panel closes: neither the members still scoring or done, nor the enterprise, the town or the
        // process owner read a score, a comment or an opinion, over engine REST (runtime and history) or Tasklist;
        // not even the administrator finds one in the history, where the values never went.
        String openTask = panelTasks.get(last);
        String doneTask = panelTasks.get(first);
        for (String viewer : List.of(last, second, ENTERPRISE, TOWN, OWNER)) {
            for (Response read : panelReads(viewer, openTask, doneTask)) {
                assertNoScores(viewer, read);
            }
        }
        for (Response read : panelReads("admin", openTask, doneTask)) {
            assertNoScores("admin", read);
        }
        assertThat(rest.get("admin", "/engine-rest/history/variable-instance?variableName=panelSeat").body())
                .as("the history the administrator reads holds the seats' own variables").hasSizeGreaterThanOrEqualTo(3);
        assertThat(rest.get(OWNER, "/engine-rest/variable-instance?variableName=seatMember").body().findValuesAsText("value"))
                .as("the owner reads the live variables, who sits on the open seat among them").contains(last);

        // Nor do the enterprise and the town read who sits on the panel.
        List<String> names = new ArrayList<>(members);
        names.addAll(jdbc.sql("select member_name from panel_seat where project_id = :p").param("p", id)
                .query(String.class).list());
        for (String viewer : List.of(ENTERPRISE, TOWN)) {
            for (Response read : memberReads(viewer, id)) {
                for (String name : names) {
                    assertThat(read.text()).as(viewer + " reads " + name).doesNotContain(name);
                }
            }
        }

        // The last member scores: the panel closes in its job (aggregate, conclusion) and the project is reviewed with
        // the mean of the three weighted totals, (87.57 + 86.50 + 87.50) / 3 = 87.19.
        panel.score(last, id, LAST_SHEET);
        assertThat(stage(id)).isEqualTo("REVIEWED");
        assertThat(rest.get(BUREAU, "/api/projects/" + id).body().at("/project/expertScore").decimalValue())
                .isEqualByComparingTo("87.19");
        assertThat(panel.allTasks(last)).isEmpty();
        assertThat(complete(BUREAU, closeReview, "reviewSummary", "评审结束").status()).isEqualTo(204);
        assertThat(roundStatus(roundPi)).as("the click only stored the bureau's decision").isEqualTo("REVIEW");
        roundJobs.runDueWithoutFailures("hekou");
        assertThat(stage(id)).isEqualTo("AWARD_DECISION");
        assertThat(jdbc.sql("select step || ':' || status from round_step_answer where project_id = :p order by step")
                .param("p", id).query(String.class).list()).as("the project's answers to the round")
                .containsExactly("QUOTE_AWARD:DONE", "RECOMMENDATION_OPENED:DONE");

        // The tables quoted the award: loan 8,000,000 × LPR 3.85 % in force on 2021-11-30 × 25 % = 77,000.
        assertThat(rest.get(BUREAU, "/engine-rest/process-instance/" + pi + "/variables/quoteNote").body().get("value").asText())
                .contains("77,000.00 元");
        assertThat(rest.get(BUREAU, "/engine-rest/process-instance/" + pi + "/variables/budgetNote").body().get("value").asText())
                .contains("预算线内").contains("河口区技术改造专项资金 2021 年度预算");
        String decide = taskOf(BUREAU, pi, "Task_DecideAward");
        assertThat(complete(BUREAU, decide, "awardDecision", "PROPOSE", "proposedAmount", 77_000.01, "awardOpinion", "多报")
                .text()).contains("不能超过按奖补规则测算");

        // Award decision and the proposed list; the list opens a notice of five working days.
        assertThat(complete(BUREAU, decide, "awardDecision", "PROPOSE",
                "proposedAmount", 77_000, "awardOpinion", "按LPR的25%贴息").status()).isEqualTo(204);
        assertThat(complete(BUREAU, taskOf(BUREAU, roundPi, "Task_DecideProposedList"), "listNote", "2026年度拟扶持名单")
                .status()).isEqualTo(204);
        roundJobs.runDueWithoutFailures("hekou");
        assertThat(stage(id)).isEqualTo("PUBLIC_NOTICE");
        JsonNode notice = jdbc.sql("select notice_starts_on, notice_ends_on from review_round where process_instance_id = :p")
                .param("p", roundPi).query((rs, i) -> {
                    var n = new com.fasterxml.jackson.databind.node.ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
                    n.put("first", rs.getObject(1, java.time.LocalDate.class).toString());
                    n.put("last", rs.getObject(2, java.time.LocalDate.class).toString());
                    return (JsonNode) n;
                }).single();
        assertThat(java.time.LocalDate.parse(notice.get("last").asText()))
                .isAfterOrEqualTo(java.time.LocalDate.parse(notice.get("first").asText()).plusDays(4));

        // The notice period's end is a timer, due when the last working day is over. Fired before, by anyone, it fails:
        // retried, it becomes an incident, and the project stays in notice.
        java.time.Instant noticeEnds = java.time.LocalDate.parse(notice.get("last").asText()).plusDays(1)
                .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        Response jobs = rest.get("admin", "/engine-rest/job?processInstanceId=" + roundPi + "&activityId=Event_NoticePeriodOver");
        assertThat(jobs.body()).hasSize(1);
        String noticeJob = jobs.body().get(0).get("id").asText();
        assertThat(java.time.OffsetDateTime.parse(jobs.body().get(0).get("dueDate").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant()).isEqualTo(noticeEnds);
        for (int attempt = 3; attempt > 0; attempt--) {
            Response early = rest.post("admin", "/engine-rest/job/" + noticeJob + "/execute", Map.of());
            assertThat(early.status()).as(early.text()).isEqualTo(409);
            assertThat(early.body().get("message").asText()).contains("不能提前结束公示", notice.get("last").asText());
            assertThat(rest.get("admin", "/engine-rest/job/" + noticeJob).body().get("retries").asInt())
                    .as("a refused step is not retried: an incident at once").isZero();
        }
        assertThat(stage(id)).isEqualTo("PUBLIC_NOTICE");
        assertThat(roundStatus(roundPi)).isEqualTo("NOTICE");
        assertThat(rest.get("admin", "/engine-rest/job/" + noticeJob).body().get("retries").asInt()).isZero();
        Response incidents = rest.get("admin", "/engine-rest/incident?processInstanceId=" + roundPi);
        assertThat(incidents.body()).hasSize(1);
        assertThat(incidents.body().get(0).get("incidentType").asText()).isEqualTo("failedJob");

        // A demo skips the wait by moving the engine's clock, which is the app's, to the end of the notice: the timer
        // is due, and run now it closes the notice (the job executor would run it by itself).
        ClockUtil.setCurrentTime(java.util.Date.from(noticeEnds));
        try {
            assertThat(rest.post("admin", "/engine-rest/job/" + noticeJob + "/execute", Map.of()).status()).isEqualTo(204);
        } finally {
            ClockUtil.reset();
        }
        roundJobs.runDueWithoutFailures("hekou");
        assertThat(stage(id)).isIn("NOTICE_OUTCOME", "PAYMENT");
        assertThat(roundStatus(roundPi)).isEqualTo("CLOSED");
        assertThat(rest.get("admin", "/engine-rest/incident?processInstanceId=" + roundPi).body()).isEmpty();
        // No demo clock outside the demo profile.
        assertThat(rest.post("admin", "/api/demo/clock", Map.of("advanceWorkingDays", 6)).status()).isEqualTo(404);

        // No objection during the notice: its end moves the project to payment (Task_CheckObjections, its own job).
        roundJobs.runDueWithoutFailures("hekou");
        assertThat(stage(id)).isEqualTo("PAYMENT");

        // One payment order: Hekou's own fund pays the whole award, to the lending bank under the agreement recorded at
        // filing, never to the enterprise, and never to a payee the submission names: the form has no payee field,
        // the guard refuses one.
        assertThat(jdbc.sql("select kind || ':' || amount || ':' || fund_code from payment_order where project_id = :p")
                .param("p", id).query(String.class).list()).containsExactly("FULL:77000.00:hekou");
        String pay = taskOf(FINANCE, pi, "Task_PreparePayment");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String masked = BANK + "(贷款银行,委托支付协议 " + AGREEMENT + ") · 账号尾号 7890";
        assertThat(payeeSummary(pay)).isEqualTo(masked + "(待工信局核实,核实后方可拨付)");
        Response planted = complete(FINANCE, pay, "payeeType", "ENTERPRISE",
                "payeeAccount", "6222000000000000", "paymentVoucherNo", "HK2026-001", "paymentDate", today);
        assertThat(planted.status()).isEqualTo(400);
        assertThat(planted.body().get("message").asText()).contains("不含字段 payeeAccount、payeeType");
        assertThat(complete(FINANCE, pay, "paymentVoucherNo", "HK2026-001", "paymentDate", today)
                .text()).contains("收款账户尚未经工信局核实,不能拨付");
        long payee = rest.get(BUREAU, "/api/projects/" + id).body().at("/payee/id").asLong();
        assertThat(rest.post(FINANCE, "/api/projects/" + id + "/payee/confirmation", Map.of("payeeId", payee)).status())
                .as("only the bureau confirms").isEqualTo(403);
        Response confirmed = rest.post(BUREAU, "/api/projects/" + id + "/payee/confirmation", Map.of("payeeId", payee));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(payeeSummary(pay)).as("the waiting task shows the confirmation").isEqualTo(masked + "(工信局已核实)");
        assertThat(complete(FINANCE, pay, "paymentVoucherNo", "HK2026-001", "paymentDate", "2026-01-05")
                .text()).contains("拨付日期不能早于公示结果确认日期");
        assertThat(complete(FINANCE, pay, "paymentVoucherNo", "HK2026-001", "paymentDate", today)
                .status()).isEqualTo(204);

        // Four eyes: the officer who prepared the order cannot approve it; the other finance officer does.
        String approve = taskOf(FINANCE, pi, "Task_ApprovePayment");
        assertThat(complete(FINANCE, approve, "approvalDecision", "APPROVE").text()).contains("四眼原则", "提交人不能审核本人的拨付申请");
        assertThat(jdbc.sql("select count(*) from payment where project_id = :p").param("p", id).query(Long.class).single())
                .isZero();
        assertThat(complete(FINANCE_2, approve, "approvalDecision", "APPROVE").status()).isEqualTo(204);
        assertThat(jdbc.sql("select payee_type || ':' || payee_name || ':' || payee_account || ':' || payee_account_id"
                + " || ':' || voucher_no || ':' || prepared_by || ':' || recorded_by from payment where project_id = :p")
                .param("p", id).query(String.class).single())
                .isEqualTo("BANK:" + BANK + ":" + BANK_ACCOUNT + ":" + payee + ":HK2026-001:" + FINANCE + ":" + FINANCE_2);
        assertThat(stage(id)).isEqualTo("ACCEPTANCE");

        // The town accepts the project (验收); it leaves the pool, the follow-up starts.
        assertThat(complete(TOWN, taskOf(TOWN, pi, "Task_RecordAcceptance"), "acceptanceDate", today,
                "acceptanceFindings", "生产线已建成投产,贷款按合同用于项目建设", "acceptanceDocument", "义和验字〔2026〕3号")
                .status()).isEqualTo(204);
        assertThat(stage(id)).isEqualTo("FOLLOW_UP");

        // Twelve months after the payment (tc-follow-up-period) the enterprise reports its results; the bureau passes it.
        String followUp = runtime.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
        org.camunda.bpm.engine.runtime.Job reportDay = management.createJobQuery().processInstanceId(followUp)
                .activityId("Event_ReportPeriodOver").singleResult();
        assertThat(reportDay.getDuedate().toInstant()).isEqualTo(java.time.LocalDate.parse(today).plusMonths(12)
                .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        ClockUtil.setCurrentTime(new java.util.Date(reportDay.getDuedate().getTime() + 3_600_000));
        management.executeJob(reportDay.getId());
        String report = runtime.createProcessInstanceQuery().superProcessInstanceId(followUp).singleResult().getId();
        assertThat(complete(ENTERPRISE, taskOf(ENTERPRISE, report, "Task_ReportResults"), "resultOutputValue", 30_000_000,
                "resultTax", 1_200_000, "resultNewJobs", 35, "resultInvestmentCompletionRate", 98.33,
                "reportNote", "项目达产").status()).isEqualTo(204);
        assertThat(complete(BUREAU, taskOf(BUREAU, followUp, "Task_EvaluatePerformance"),
                "performanceConclusion", "PASS", "performanceOpinion", "绩效目标全部完成").status()).isEqualTo(204);

        Response project = rest.get(ENTERPRISE, "/api/projects/" + id);
        assertThat(project.body().at("/project/stage").asText()).isEqualTo("CLOSED");
        assertThat(project.body().at("/project/actualEquipmentInvestment").decimalValue())
                .as("money rounded half-up to 0.01").isEqualByComparingTo("7600000.46");
        assertThat(project.body().at("/project/paidAmount").decimalValue()).isEqualByComparingTo("77000");
        List<String> actions = new ArrayList<>();
        project.body().get("history").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("FILED", "POOL_ENTERED", "COMPLETION_REPORTED", "RECOMMENDATION_OPENED",
                "RECOMMENDED", "PANEL_DRAWN", "PANEL_SCORE_SUBMITTED", "PANEL_SCORE_SUBMITTED", "PANEL_SCORE_SUBMITTED",
                "PANEL_AGGREGATED", "REVIEW_PASSED", "REVIEW_CLOSED", "AWARD_QUOTED", "BUDGET_RANKED", "AWARD_PROPOSED",
                "NOTICE_OPENED", "NOTICE_CLOSED", "NOTICE_PASSED", "PAYMENT_ORDERS_OPENED", "PAYEE_CONFIRMED",
                "PAYMENT_PREPARED", "PAID", "PAYMENT_COMPLETED", "ACCEPTED", "EXITED_POOL", "FOLLOW_UP_SCHEDULED",
                "PERFORMANCE_REPORTED", "PERFORMANCE_PASSED");
        assertThat(project.body().get("history").get(actions.indexOf("PAYMENT_PREPARED")).get("actor").asText()).isEqualTo(FINANCE);
        assertThat(project.body().get("history").get(actions.indexOf("PAID")).get("actor").asText()).isEqualTo(FINANCE_2);
        assertThat(project.body().get("history").get(actions.indexOf("ACCEPTED")).get("actor").asText()).isEqualTo(TOWN);
        assertThat(project.body().get("history").get(actions.indexOf("PAID")).get("summary").asText())
                .as("the enterprise reads that the money was paid, not the account or the voucher")
                .doesNotContain("HK2026-001");
        for (String member : members) {
            assertThat(project.text()).as("the enterprise never reads its panel's members").doesNotContain(member);
        }
        assertThat(project.body().at("/payee/accountTail").asText()).as("the enterprise sees its payee masked").isEqualTo("7890");
        assertThat(project.text()).doesNotContain(BANK_ACCOUNT);
        assertThat(rest.get(BUREAU, "/engine-rest/history/process-instance/" + pi).body().get("state").asText())
                .isEqualTo("COMPLETED");
        assertThat(rest.get(BUREAU, "/engine-rest/history/process-instance/" + roundPi).body().get("state").asText())
                .isEqualTo("COMPLETED");
        // The ledger holds the award, paid to the bank.
        assertThat(jdbc.sql("select status || ':' || paid_amount from award where project_id = :p").param("p", id)
                .query(String.class).single()).isEqualTo("PAID:77000.00");

        assertMailsOfTheWholeLife(id);

        Response list = rest.get(BUREAU, "/api/projects?jurisdiction=hekou&stage=CLOSED&unit=yihe");
        assertThat(list.body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rest.get("yanzhou-bureau", "/api/projects?stage=CLOSED&unit=yihe").body().get("total").asLong()).isZero();
    }

    /**
     * The panel's progress (GET /api/rounds/{roundId}/panels/{projectId}) for the jurisdiction's bureau, its process
     * owner and the administrator: each seat's member and status while the panel sits, but no outcome and no sheet
     * until it closes; 404 for the enterprise, the town and the members. On a second Hekou project, completed in
     * 2021, in the 2022 round. Needs the progress endpoint (PanelProgressController).
     */
    @Test
    void shouldShowThePanelsProgressToTheBureauAndOwnerWithoutScoresUntilThePanelCloses() {
        Map<String, Object> f = filing();
        f.put("enterpriseName", "东营市河口区蓝海精密机械有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter("91370503MA3C5X8Q3"));
        f.put("projectCode", "2021-370503-34-03-000102");
        f.put("projectName", "精密零部件数控加工车间改造");
        f.put("entrustedAgreementNo", "WTZF-2021-031");
        f.put("plannedStartDate", "2021-01-10");
        f.put("plannedEndDate", "2021-06-30");
        Response filed = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long id = filed.body().get("projectId").asLong();
        String pi = filed.body().get("processInstanceId").asText();
        Response completed = complete(ENTERPRISE, taskOf(ENTERPRISE, pi, "Task_ReportCompletion"),
                "completionDate", "2021-06-28", "actualTotalInvestment", 11_500_000, "actualEquipmentInvestment", 7_000_000,
                "completionNote", "已竣工投产", "loanDrawnAmount", 8_000_000, "loanContractNo", "JK-2021-0102",
                "loanContractAmount", 8_000_000, "entrustedAgreementNo", "WTZF-2021-031");
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
        Response round = rest.post(BUREAU, "/engine-rest/process-definition/key/tc-annual-round/tenant-id/hekou/start",
                variables("roundYear", 2022));
        assertThat(round.status()).as(round.text()).isEqualTo(200);
        String roundPi = round.body().get("id").asText();
        roundJobs.runDueWithoutFailures("hekou");
        long roundId = jdbc.sql("select id from review_round where process_instance_id = :p").param("p", roundPi)
                .query(Long.class).single();
        assertThat(complete(TOWN, taskOf(TOWN, pi, "Task_RecommendProject"), "recommendationDecision", "RECOMMEND",
                "recommendationOpinion", "同意推荐", "investmentAssessment", "投资到位", "technologyAssessment", "国内先进",
                "benefitAssessment", "效益良好", "authenticityConfirmed", true, "formalitiesComplete", true).status())
                .isEqualTo(204);
        assertThat(complete(BUREAU, taskOf(BUREAU, roundPi, "Task_CloseRecommendation"), "closeNote", "推荐截止")
                .status()).isEqualTo(204);
        roundJobs.runDueWithoutFailures("hekou");
        Map<String, String> panelTasks = panel.openTasks(id);
        assertThat(panelTasks).hasSize(3);
        List<String> members = new ArrayList<>(panelTasks.keySet());
        String outsider = panel.pool().stream().filter(u -> !members.contains(u)).findFirst().orElseThrow();
        String path = "/api/rounds/" + roundId + "/panels/" + id;
        List<String> outside = new ArrayList<>(List.of(ENTERPRISE, TOWN, outsider, FINANCE));
        outside.addAll(members);

        JsonNode drawn = progress(BUREAU, path);
        assertThat(drawn.get("roundId").asLong()).isEqualTo(roundId);
        assertThat(drawn.get("projectId").asLong()).isEqualTo(id);
        assertThat(drawn.get("closed").asBoolean()).isFalse();
        assertThat(drawn.get("seats").findValuesAsText("memberUserId")).containsExactlyInAnyOrderElementsOf(members);
        assertThat(drawn.get("seats").findValuesAsText("status")).containsOnly("ACTIVE");
        assertThat(drawn.get("submitted").asInt()).isZero();
        assertThat(drawn.hasNonNull("outcome")).isFalse();
        assertThat(drawn.hasNonNull("sheets")).isFalse();
        for (String user : outside) {
            assertThat(rest.get(user, path).status()).as(user).isEqualTo(404);
        }

        // Two of three have scored: the bureau and the owner see who has, not what.
        panel.score(members.get(0), id, FIRST_SHEET);
        panel.score(members.get(1), id, SECOND_SHEET);
        for (String user : List.of(BUREAU, OWNER, "admin")) {
            JsonNode sitting = progress(user, path);
            assertThat(sitting.get("closed").asBoolean()).as(user).isFalse();
            assertThat(sitting.get("submitted").asInt()).as(user).isEqualTo(2);
            Map<String, String> statuses = new LinkedHashMap<>();
            sitting.get("seats").forEach(seat -> statuses.put(seat.get("memberUserId").asText(), seat.get("status").asText()));
            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(members.get(0), "SCORED",
                    members.get(1), "SCORED", members.get(2), "ACTIVE"));
            assertThat(sitting.hasNonNull("outcome")).as(user + ": no outcome before the panel closes").isFalse();
            assertThat(sitting.hasNonNull("sheets")).as(user + ": no sheet before the panel closes").isFalse();
            for (String secret : SECRETS) {
                assertThat(sitting.toString()).as(user).doesNotContain(secret);
            }
        }
        for (String user : outside) {
            assertThat(rest.get(user, path).status()).as(user).isEqualTo(404);
        }

        // The last one scores, the panel closes: outcome and sheets are there.
        panel.score(members.get(2), id, LAST_SHEET);
        assertThat(stage(id)).isEqualTo("REVIEWED");
        for (String user : List.of(BUREAU, OWNER)) {
            JsonNode closed = progress(user, path);
            assertThat(closed.get("closed").asBoolean()).as(user).isTrue();
            assertThat(closed.get("submitted").asInt()).isEqualTo(3);
            assertThat(closed.get("seats").findValuesAsText("status")).containsOnly("SCORED");
            assertThat(closed.hasNonNull("outcome")).as(user).isTrue();
            assertThat(closed.hasNonNull("sheets")).as(user).isTrue();
            assertThat(closed.at("/outcome/finalScore").decimalValue()).isEqualByComparingTo("87.19");
            assertThat(closed.get("sheets").findValuesAsText("memberUserId")).containsExactlyInAnyOrderElementsOf(members);
            assertThat(closed.get("sheets").toString()).contains(FIRST_NOTE, SECOND_NOTE, LAST_NOTE);
        }
        for (String user : outside) {
            assertThat(rest.get(user, path).status()).as(user + ", after the panel closed too").isEqualTo(404);
        }
    }

    JsonNode progress(String user, String path) {
        Response r = rest.get(user, path);
        assertThat(r.status()).as(user + " " + path + ": " + r.text()).isEqualTo(200);
        return r.body();
    }

    /** The project's panel members whose seat is in {@code status} (ACTIVE, SCORED, RECUSED, REPLACED). */
    List<String> seated(long projectId, String status) {
        return jdbc.sql("select member_user_id from panel_seat where project_id = :p and status = :s order by id")
                .param("p", projectId).param("s", status).query(String.class).list();
    }

    long sheetsStored(long projectId) {
        return jdbc.sql("select count(*) from panel_score where project_id = :p").param("p", projectId)
                .query(Long.class).single();
    }

    /**
     * Where a user could look for a panel's scores while it sits: the engine's history of variables (by name, by
     * pattern, all) and its details, the live variables, a member's open task's variables and form, a done task's,
     * over /engine-rest and over Tasklist's own engine API. Each answers 200 or refuses (403, 404; the engine's 400
     * for the form of a task that is gone).
     */
    List<Response> panelReads(String user, String openTask, String doneTask) {
        List<Response> reads = new ArrayList<>();
        for (String path : List.of(
                "/engine-rest/history/variable-instance?variableName=score_TECHNOLOGY",
                "/engine-rest/history/variable-instance?variableNameLike=score_%25",
                "/engine-rest/history/variable-instance?variableName=opinion",
                "/engine-rest/history/variable-instance?variableName=overallComment",
                "/engine-rest/history/variable-instance?variableName=conflictDeclaration",
                "/engine-rest/history/variable-instance",
                "/engine-rest/history/detail",
                "/engine-rest/history/detail?variableUpdates=true",
                "/engine-rest/history/detail?formFields=true",
                "/engine-rest/variable-instance",
                "/engine-rest/variable-instance?variableNameLike=score_%25",
                "/engine-rest/task/" + openTask + "/variables",
                "/engine-rest/task/" + openTask + "/form-variables",
                "/engine-rest/task/" + doneTask + "/variables",
                "/engine-rest/task/" + doneTask + "/form-variables")) {
            Response r = rest.get(user, path);
            assertThat(r.status()).as(user + " " + path + ": " + r.text()).isIn(200, 403, 404,
                    path.endsWith(doneTask + "/form-variables") ? 400 : 404);
            reads.add(r);
        }
        WebappSession tasklist = WebappSession.signIn(port, user);
        for (Response r : List.of(tasklist.post("/history/variable-instance", Map.of("variableNameLike", "score_%")),
                tasklist.post("/history/variable-instance", Map.of()), tasklist.post("/variable-instance", Map.of()),
                tasklist.post("/task", Map.of()))) {
            assertThat(r.status()).as(user + " in Tasklist: " + r.text()).isIn(200, 403, 404);
            reads.add(r);
        }
        return reads;
    }

    /** No score form field with a value, and none of the first two sheets' notes or figures, in what was read. */
    static void assertNoScores(String user, Response read) {
        JsonNode body = read.body();
        if (read.status() == 200 && body != null) {
            if (body.isArray()) {
                for (JsonNode item : body) {
                    for (String field : List.of("name", "variableName", "fieldId")) {
                        assertThat(SensitiveVariables.isSensitive(item.path(field).asText(null)))
                                .as(user + " reads " + item).isFalse();
                    }
                }
            } else {
                body.fieldNames().forEachRemaining(name -> assertThat(SensitiveVariables.isSensitive(name)
                        && !body.get(name).path("value").isNull()).as(user + " reads " + name + " " + body.get(name))
                        .isFalse());
            }
        }
        for (String secret : SECRETS) {
            assertThat(read.text()).as(user + " reads " + secret).doesNotContain(secret);
        }
    }

    /**
     * What the enterprise or the town reads that could name a panel member: tasks, the engine's history of tasks,
     * activities, identity links, operations and variables, the live variables, Tasklist's task list, and the
     * project with its history over /api.
     */
    List<Response> memberReads(String user, long projectId) {
        List<Response> reads = new ArrayList<>();
        for (String path : List.of("/engine-rest/task", "/engine-rest/history/task", "/engine-rest/history/activity-instance",
                "/engine-rest/history/identity-link-log", "/engine-rest/history/user-operation",
                "/engine-rest/history/variable-instance", "/engine-rest/variable-instance",
                "/engine-rest/history/process-instance", "/api/projects/" + projectId, "/api/projects")) {
            Response r = rest.get(user, path);
            assertThat(r.status()).as(user + " " + path + ": " + r.text()).isIn(200, 403, 404);
            reads.add(r);
        }
        assertThat(reads.get(8).status()).as(user + " reads its project").isEqualTo(200);
        assertThat(reads.get(8).body().get("history").findValuesAsText("action")).contains("PANEL_DRAWN");
        WebappSession tasklist = WebappSession.signIn(port, user);
        reads.add(tasklist.post("/task", Map.of()));
        reads.add(tasklist.post("/history/task", Map.of()));
        return reads;
    }

    /** Process instance ids of the tasks a user sees through the named Tasklist filter. */
    List<String> filterTasks(String user, String filterName) {
        Response filters = rest.get(user, "/engine-rest/filter?name=" + java.net.URLEncoder.encode(filterName,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(filters.body()).hasSize(1);
        Response list = rest.post(user, "/engine-rest/filter/" + filters.body().get(0).get("id").asText() + "/list", Map.of());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().forEach(t -> ids.add(t.get("processInstanceId").asText()));
        return ids;
    }

    /** The masked payee that finance's payment form shows, as Tasklist loads it. */
    String payeeSummary(String payTask) {
        Response r = rest.get(FINANCE, "/engine-rest/task/" + payTask + "/form-variables?variableNames=payeeSummary");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().at("/payeeSummary/value").asText();
    }

    String roundStatus(String roundProcessInstanceId) {
        return jdbc.sql("select status from review_round where process_instance_id = :p").param("p", roundProcessInstanceId)
                .query(String.class).single();
    }

    String stage(long id) {
        return jdbc.sql("select stage from project where id = :id").param("id", id).query(String.class).single();
    }

    JsonNode tasks(String user, String processInstanceId) {
        return rest.tasks(user, processInstanceId);
    }

    String taskOf(String user, String processInstanceId, String taskKey) {
        return rest.taskOf(user, processInstanceId, taskKey);
    }

    Response complete(String user, String taskId, Object... keyValues) {
        return rest.complete(user, taskId, keyValues);
    }
}

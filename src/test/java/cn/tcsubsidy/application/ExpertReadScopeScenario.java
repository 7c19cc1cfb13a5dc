package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.process.TcProjectProcess.Elements;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.support.PanelRest;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Experts read over /api/projects only the projects whose review panel they sit on, or sat on and scored: a pool
 * member who was not drawn, or not seated, reads nothing of the project, under review or after. A member reads the
 * material under review, never another member's name, score or opinion, nor the panel's outcome, before the panel
 * closes or after; payment details only for the bureau, finance and administrators. On the demo data: Jiyuan's
 * finished 2022 round, whose paid 25,000,000 project a panel of 5 scored, and this year's round, whose first project
 * (12,000,000) goes to a panel of 3.
 */
abstract class ExpertReadScopeScenario {

    static final String BUREAU = "jiyuan-bureau";
    /** What finance recorded on the 2022 project (DemoProjects). */
    static final String VOUCHER = "JIYUAN-2022-001";
    /** The new panel's notes, and its weighted totals 87.57, 86.50 and 87.50 (mean 87.19). */
    static final List<String> NOTES = List.of("甲席:数字化方案可行,建议支持", "乙席:车间改造投入真实", "丙席:效益测算偏乐观");
    static final List<Map<String, Object>> SHEETS = List.of(
            PanelRest.sheet("RECOMMEND", NOTES.get(0), 86.36, 91.4, 83.64, 87.2),
            PanelRest.sheet("RECOMMEND", NOTES.get(1), 85.56, 89.8, 82.76, 86.6),
            PanelRest.sheet("RECOMMEND", NOTES.get(2), 88.2, 90.2, 84.4, 85.2));
    /** What the demo's 2022 panel wrote (DemoProjects). */
    static final List<String> DEMO_NOTES = List.of("技术先进,投资真实", "效益明显,带动就业", "工艺先进,节能降耗",
            "智能化水平较高", "投资强度大,示范性强");
    /** The history an expert reads of a project: the material under review, nothing of the panel's work. */
    static final List<String> MATERIAL = List.of("FILED", "POOL_ENTERED", "COMPLETION_REPORTED", "RECOMMENDATION_OPENED",
            "RECOMMENDED");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.tcsubsidy.round.process.RoundJobs roundJobs;

    @Test
    void shouldScopeExpertsToThePanelsTheySitOnAndHideOtherMembersWork() {
        Rest rest = new Rest(port);
        PanelRest panel = new PanelRest(rest, "jiyuan", roundJobs);
        long paid = projectIn("FOLLOW_UP");
        List<String> paidPanel = seated(paid, "SCORED");
        assertThat(paidPanel).as("the demo's 2022 panel of 5 scored the paid project").hasSize(5);

        // This year's round: the town recommends one of the two projects completed last year; its panel is drawn.
        Response round = rest.post(BUREAU, "/engine-rest/process-definition/key/tc-annual-round/tenant-id/jiyuan/start",
                variables("roundYear", LocalDate.now(ClockConfiguration.BEIJING).getYear()));
        assertThat(round.status()).as(round.text()).isEqualTo(200);
        // The towns' tasks are created in each project's own job (the job executor is off in this test).
        roundJobs.runDueWithoutFailures("jiyuan");
        long roundId = jdbc.sql("select id from review_round where process_instance_id = :p")
                .param("p", round.body().get("id").asText()).query(Long.class).single();
        long underReview = jdbc.sql("select min(id) from project where jurisdiction_code = 'jiyuan' and stage = 'RECOMMENDATION'")
                .query(Long.class).single();
        String town = "jiyuan-town-" + column(underReview, "unit_code");
        assertThat(complete(rest, town, underReview, Elements.RECOMMEND, "recommendationDecision", "RECOMMEND",
                "recommendationOpinion", "同意推荐", "investmentAssessment", "投资到位", "technologyAssessment", "国内先进",
                "benefitAssessment", "效益良好", "authenticityConfirmed", true, "formalitiesComplete", true).status())
                .isEqualTo(204);
        assertThat(column(underReview, "stage")).isEqualTo("EXPERT_REVIEW");
        List<String> pool = panel.pool();
        assertThat(pool).allSatisfy(member -> assertThat(rest.get(member, "/api/projects/" + underReview).status())
                .as(member + ", before the panel is drawn").isEqualTo(404));
        panel.runJobs();
        List<String> reviewing = new ArrayList<>(panel.openTasks(underReview).keySet());
        assertThat(reviewing).hasSize(3);
        assertThat(seated(underReview, "ACTIVE")).containsExactlyInAnyOrderElementsOf(reviewing);
        // At least two experts sit on both panels (3 of 5 and 2 of 3 out of the pool's 3 experts), so at least two
        // pool members sit on neither.
        List<String> outsiders = pool.stream().filter(u -> !reviewing.contains(u) && !paidPanel.contains(u)).toList();
        assertThat(outsiders).isNotEmpty();

        // A pool member on neither panel reads neither project: absent, exactly like a missing id.
        for (String outsider : outsiders) {
            Response refused = rest.get(outsider, "/api/projects/" + paid);
            assertThat(refused.status()).as(outsider).isEqualTo(404);
            assertThat(refused.body().get("message").asText()).isEqualTo("项目不存在:" + paid);
            assertThat(rest.get(outsider, "/api/projects/" + underReview).status()).as(outsider).isEqualTo(404);
            assertThat(ids(rest.get(outsider, "/api/projects?size=200"))).as(outsider).isEmpty();
        }
        assertThat(rest.get(outsiders.get(0), "/api/projects/999999").body().get("message").asText())
                .isEqualTo("项目不存在:999999");

        // Each member of the new panel reads the material under review, without a score; the paid project only if it
        // sat on that panel too. A member of the 2022 panel reads that project, but neither the panel's outcome nor
        // the voucher number; a pool member who did not sit on it does not read it.
        List<Response> memberReads = new ArrayList<>();
        for (String member : reviewing) {
            Response material = rest.get(member, "/api/projects/" + underReview);
            assertThat(actions(material)).as(member).containsExactlyElementsOf(MATERIAL);
            assertThat(material.body().get("project").has("expertScore")).isFalse();
            List<Long> expected = paidPanel.contains(member) ? List.of(underReview, paid) : List.of(underReview);
            Response list = rest.get(member, "/api/projects?jurisdiction=jiyuan&size=200");
            assertThat(ids(list)).as(member).containsExactlyElementsOf(expected);
            assertThat(rest.get(member, "/api/projects?stage=FOLLOW_UP").body().get("total").asLong())
                    .isEqualTo(paidPanel.contains(member) ? 1 : 0);
            Response evidence = rest.get(member, "/api/projects/" + underReview + "/evidence");
            assertThat(evidence.status()).as(member + " reads the evidence under its review").isEqualTo(200);
            memberReads.add(material);
            memberReads.add(list);
        }
        for (String outsider : outsiders) {
            assertThat(rest.get(outsider, "/api/projects/" + underReview + "/evidence").status()).isEqualTo(404);
        }
        for (String member : pool) {
            Response own = rest.get(member, "/api/projects/" + paid);
            if (!paidPanel.contains(member)) {
                assertThat(own.status()).as(member + " did not sit on the 2022 panel").isEqualTo(404);
                continue;
            }
            assertThat(actions(own)).as(member).containsExactlyElementsOf(MATERIAL);
            assertThat(own.body().get("project").has("expertScore")).isFalse();
            assertThat(own.text()).doesNotContain(VOUCHER);
            memberReads.add(own);
        }

        // The new panel scores; its members keep reading the reviewed project, still without its score; the pool
        // members not on it never read it.
        for (int i = 0; i < reviewing.size(); i++) {
            panel.score(reviewing.get(i), underReview, SHEETS.get(i));
        }
        assertThat(column(underReview, "stage")).isEqualTo("REVIEWED");
        for (String member : pool) {
            Response reviewed = rest.get(member, "/api/projects/" + underReview);
            if (!reviewing.contains(member)) {
                assertThat(reviewed.status()).as(member + " is not on its panel").isEqualTo(404);
                continue;
            }
            assertThat(actions(reviewed)).as(member).containsExactlyElementsOf(MATERIAL);
            assertThat(reviewed.body().get("project").has("expertScore")).isFalse();
            memberReads.add(reviewed);
            memberReads.add(rest.get(member, "/api/projects?size=200"));
        }

        // Nowhere in what a member reads is another member's name, a score, an opinion or a comment of the panel.
        Set<String> members = new LinkedHashSet<>(reviewing);
        members.addAll(paidPanel);
        List<String> names = jdbc.sql("select distinct member_name from panel_seat").query(String.class).list();
        for (Response r : memberReads) {
            for (String member : members) {
                assertThat(r.text()).doesNotContain(member);
            }
            assertThat(r.text()).doesNotContain(names.toArray(String[]::new));
            assertThat(r.text()).doesNotContain(NOTES.toArray(String[]::new));
            assertThat(r.text()).doesNotContain(DEMO_NOTES.toArray(String[]::new));
            assertThat(r.text()).doesNotContain("87.19").doesNotContain("评审小组");
        }

        // The bureau reads each project's final score, who sat on the panels (the round's draws), and the payment's
        // voucher; so does finance the voucher; no member reads the draws.
        BigDecimal paidScore = jdbc.sql("select coalesce(agreed_score, aggregate_score) from panel_outcome where project_id = :p")
                .param("p", paid).query(BigDecimal.class).single();
        Response bureau = rest.get(BUREAU, "/api/projects/" + paid);
        assertThat(bureau.body().at("/project/expertScore").decimalValue()).isEqualByComparingTo(paidScore);
        assertThat(bureau.text()).contains(VOUCHER);
        assertThat(rest.get(BUREAU, "/api/projects/" + underReview).body().at("/project/expertScore").decimalValue())
                .isEqualByComparingTo("87.19");
        assertThat(rest.get(BUREAU, "/api/projects?jurisdiction=jiyuan&size=200").text())
                .contains(paidScore.toPlainString()).contains("87.19");
        Response draws = rest.get(BUREAU, "/api/rounds/" + roundId + "/draws");
        assertThat(draws.status()).isEqualTo(200);
        assertThat(draws.text()).contains(reviewing.toArray(String[]::new));
        for (String member : reviewing) {
            assertThat(rest.get(member, "/api/rounds/" + roundId + "/draws").status()).isEqualTo(404);
        }
        assertThat(rest.get("jiyuan-finance", "/api/projects/" + paid).text()).contains(VOUCHER);

        // The enterprise reads that its award was paid, without the voucher number.
        Response enterprise = rest.get("jiyuan-ent-1", "/api/projects/" + paid);
        assertThat(actions(enterprise)).contains("REVIEW_PASSED", "PAID");
        assertThat(enterprise.text()).doesNotContain(VOUCHER);
    }

    long projectIn(String stage) {
        return jdbc.sql("select id from project where jurisdiction_code = 'jiyuan' and stage = :s").param("s", stage)
                .query(Long.class).single();
    }

    String column(long projectId, String column) {
        return jdbc.sql("select " + column + " from project where id = :id").param("id", projectId).query(String.class).single();
    }

    /** The project's panel members whose seat is in {@code status}, in the order they took their seats. */
    List<String> seated(long projectId, String status) {
        return jdbc.sql("select member_user_id from panel_seat where project_id = :p and status = :s order by id")
                .param("p", projectId).param("s", status).query(String.class).list();
    }

    static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.body().get("items").forEach(i -> ids.add(i.at("/project/id").asLong()));
        assertThat(list.body().get("total").asLong()).isEqualTo(ids.size());
        return ids;
    }

    static List<String> actions(Response project) {
        assertThat(project.status()).as(project.text()).isEqualTo(200);
        return project.body().get("history").findValuesAsText("action");
    }

    /** Completes the project's task with the given key as the user, as Tasklist does. */
    Response complete(Rest rest, String user, long projectId, String taskKey, Object... keyValues) {
        Response tasks = rest.get(user, "/engine-rest/task?processInstanceId=" + column(projectId, "process_instance_id")
                + "&taskDefinitionKey=" + taskKey);
        assertThat(tasks.body()).as(tasks.text()).hasSize(1);
        return rest.post(user, "/engine-rest/task/" + tasks.body().get(0).get("id").asText() + "/complete", variables(keyValues));
    }
}

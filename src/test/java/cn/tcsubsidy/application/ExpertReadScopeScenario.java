package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.process.TcProjectProcess.Elements;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Experts read over /api/projects only the projects they review, and never another reviewer's name, score or
 * opinion; payment details only for the bureau, finance and administrators. On the demo data: Jiyuan's finished 2022
 * round, reviewed by {@code jiyuan-expert-1} and paid, and this year's round, whose first project goes to review.
 */
abstract class ExpertReadScopeScenario {

    static final String EXPERT_1 = "jiyuan-expert-1";
    static final String EXPERT_2 = "jiyuan-expert-2";
    static final String BUREAU = "jiyuan-bureau";
    /** What the demo's expert-1 wrote and what finance recorded on the 2022 project (DemoProjects). */
    static final String EXPERT_1_OPINION = "技术先进,投资真实,效益明显";
    static final String VOUCHER = "JIYUAN-2022-001";
    static final String EXPERT_2_OPINION = "数字化方案可行,建议支持";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.tcsubsidy.round.process.RoundJobs roundJobs;

    @Test
    void shouldScopeExpertsToTheirReviewsAndHideOtherReviewersWork() {
        Rest rest = new Rest(port);
        long paid = projectIn("FOLLOW_UP");

        // This year's round: the town recommends one of the two projects completed last year; it awaits review.
        Response round = rest.post(BUREAU, "/engine-rest/process-definition/key/tc-annual-round/tenant-id/jiyuan/start",
                variables("roundYear", LocalDate.now(ClockConfiguration.BEIJING).getYear()));
        assertThat(round.status()).as(round.text()).isEqualTo(200);
        // The towns' tasks are created in each project's own job (the job executor is off in this test).
        roundJobs.runDueWithoutFailures("jiyuan");
        long underReview = jdbc.sql("select min(id) from project where jurisdiction_code = 'jiyuan' and stage = 'RECOMMENDATION'")
                .query(Long.class).single();
        String town = "jiyuan-town-" + column(underReview, "unit_code");
        assertThat(complete(rest, town, underReview, Elements.RECOMMEND, "recommendationDecision", "RECOMMEND",
                "recommendationOpinion", "同意推荐", "investmentAssessment", "投资到位", "technologyAssessment", "国内先进",
                "benefitAssessment", "效益良好", "authenticityConfirmed", true, "formalitiesComplete", true).status())
                .isEqualTo(204);
        assertThat(column(underReview, "stage")).isEqualTo("EXPERT_REVIEW");

        // Expert-2 never reviewed the paid project and it is not under review: absent, exactly like a missing id.
        Response refused = rest.get(EXPERT_2, "/api/projects/" + paid);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().get("message").asText()).isEqualTo("项目不存在:" + paid);
        assertThat(rest.get(EXPERT_2, "/api/projects/999999").body().get("message").asText()).isEqualTo("项目不存在:999999");
        assertThat(ids(rest.get(EXPERT_2, "/api/projects?size=200"))).containsExactly(underReview);
        assertThat(rest.get(EXPERT_2, "/api/projects?stage=FOLLOW_UP").body().get("total").asLong()).isZero();
        Response material = rest.get(EXPERT_2, "/api/projects/" + underReview);
        assertThat(material.status()).isEqualTo(200);
        assertThat(actions(material)).containsExactly("FILED", "POOL_ENTERED", "COMPLETION_REPORTED",
                "RECOMMENDATION_OPENED", "RECOMMENDED");

        // Expert-1 reads its own 2022 review, but neither the aggregated score nor the voucher number.
        Response own = rest.get(EXPERT_1, "/api/projects/" + paid);
        assertThat(own.status()).isEqualTo(200);
        assertThat(actions(own)).containsExactly("FILED", "POOL_ENTERED", "COMPLETION_REPORTED",
                "RECOMMENDATION_OPENED", "RECOMMENDED", "REVIEW_PASSED");
        JsonNode review = own.body().get("history").get(5);
        assertThat(review.get("actor").asText()).isEqualTo(EXPERT_1);
        assertThat(review.get("summary").asText()).isEqualTo("专家评审通过,得分 91.5:" + EXPERT_1_OPINION);
        assertThat(own.body().get("project").has("expertScore")).isFalse();
        assertThat(own.text()).doesNotContain(VOUCHER);
        assertThat(ids(rest.get(EXPERT_1, "/api/projects?jurisdiction=jiyuan&size=200"))).containsExactly(underReview, paid);

        // Expert-2 scores the project under review; expert-1 then no longer reads it, expert-2 reads its own review.
        assertThat(complete(rest, EXPERT_2, underReview, "Task_ReviewProject", "expertScore", 77.5, "reviewConclusion", "PASS",
                "reviewOpinion", EXPERT_2_OPINION).status()).isEqualTo(204);
        assertThat(rest.get(EXPERT_1, "/api/projects/" + underReview).status()).isEqualTo(404);
        assertThat(ids(rest.get(EXPERT_1, "/api/projects?size=200"))).containsExactly(paid);
        Response reviewed = rest.get(EXPERT_2, "/api/projects/" + underReview);
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.body().get("history").get(5).get("summary").asText()).contains(EXPERT_2_OPINION);
        assertThat(reviewed.body().get("project").has("expertScore")).isFalse();

        // Nowhere in what either expert reads is the other's name, score or opinion.
        for (Response r : List.of(material, reviewed, rest.get(EXPERT_2, "/api/projects?size=200"))) {
            assertThat(r.text()).doesNotContain(EXPERT_1).doesNotContain("91.5").doesNotContain(EXPERT_1_OPINION);
        }
        for (Response r : List.of(own, rest.get(EXPERT_1, "/api/projects?size=200"))) {
            assertThat(r.text()).doesNotContain(EXPERT_2).doesNotContain("77.5").doesNotContain(EXPERT_2_OPINION);
        }

        // The bureau still reads every score, opinion and reviewer, and the payment's voucher; so does finance.
        Response bureau = rest.get(BUREAU, "/api/projects/" + paid);
        assertThat(bureau.body().at("/project/expertScore").decimalValue()).isEqualByComparingTo("91.5");
        assertThat(bureau.text()).contains(EXPERT_1).contains(EXPERT_1_OPINION).contains(VOUCHER);
        Response bureauReviewed = rest.get(BUREAU, "/api/projects/" + underReview);
        assertThat(bureauReviewed.body().at("/project/expertScore").decimalValue()).isEqualByComparingTo("77.5");
        assertThat(bureauReviewed.text()).contains(EXPERT_2).contains(EXPERT_2_OPINION);
        assertThat(rest.get(BUREAU, "/api/projects?jurisdiction=jiyuan&size=200").text()).contains("91.5").contains("77.5");
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

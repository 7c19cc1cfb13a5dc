package cn.tcsubsidy.application;

import static cn.tcsubsidy.support.Rest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.round.process.RoundJobs;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The drawn panel of a project scores it over REST, as each member does in Tasklist: every member with an open
 * Task_ScoreProject of the project declares no conflict and scores each criterion; the project's jobs (a seat's end,
 * the aggregation) run after each sheet, as the job executor would run them.
 */
final class PanelScoring {

    private PanelScoring() {
    }

    /** @return the members who scored */
    static List<String> score(Rest rest, RoundJobs jobs, String tenant, long projectId, int score) {
        List<String> scored = new java.util.ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            Response open = rest.post("admin", "/engine-rest/task", Map.of("taskDefinitionKey", "Task_ScoreProject",
                    "processVariables", List.of(Map.of("name", "projectId", "operator", "eq", "value", projectId))));
            assertThat(open.status()).as(open.text()).isEqualTo(200);
            if (open.body().isEmpty()) {
                break;
            }
            for (JsonNode t : open.body()) {
                String member = t.get("assignee").asText();
                Response r = rest.post(member, "/engine-rest/task/" + t.get("id").asText() + "/complete", variables(
                        "conflictDeclaration", "NO_CONFLICT",
                        "score_INVESTMENT", score, "comment_INVESTMENT", "投资真实",
                        "score_TECHNOLOGY", score, "comment_TECHNOLOGY", "技术先进",
                        "score_ECONOMIC", score, "comment_ECONOMIC", "效益明显",
                        "score_SOCIAL", score, "comment_SOCIAL", "带动就业",
                        "opinion", "RECOMMEND", "overallComment", "同意推荐"));
                assertThat(r.status()).as(member + ": " + r.text()).isEqualTo(204);
                scored.add(member);
                jobs.runDueWithoutFailures(tenant);
            }
        }
        assertThat(scored).as("the panel scored").isNotEmpty();
        return scored;
    }
}

package cn.tcsubsidy.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.demo.DemoExpertPool;
import cn.tcsubsidy.panel.process.TcPanelProcesses;
import cn.tcsubsidy.round.process.RoundJobs;
import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's review panel driven over {@code /engine-rest} as its members drive it from Tasklist, each with its own
 * login: a member finds its own {@code Task_ScoreProject} (a task of a called process, so found by the project id the
 * called instances carry, never by the project's instance), declares a conflict or none and hands in its score sheet
 * with {@code submit-form}; the due jobs (the draw, the aggregate) run as the scenarios run them, as the system.
 */
public final class PanelRest {

    public static final String SCORE_TASK = TcPanelProcesses.Elements.SCORE_PROJECT;
    /** The shipped tables' criteria (tc-score-criteria of every jurisdiction), each scored 0 … 100. */
    public static final List<String> CRITERIA = List.of("INVESTMENT", "TECHNOLOGY", "ECONOMIC", "SOCIAL");

    private final Rest rest;
    private final String tenant;
    private final RoundJobs jobs;

    public PanelRest(Rest rest, String tenant, RoundJobs jobs) {
        this.rest = rest;
        this.tenant = tenant;
        this.jobs = jobs;
    }

    /** The jurisdiction's demo pool: {@code J-expert-1 … J-expert-8}, each a user of the experts' group. */
    public List<String> pool() {
        List<String> pool = new ArrayList<>();
        for (int i = 1; i <= DemoExpertPool.MEMBERS_PER_JURISDICTION; i++) {
            pool.add(tenant + "-expert-" + i);
        }
        return pool;
    }

    /** Runs the tenant's due jobs (the draw, a seat's next step, the aggregate and conclusion), failing on a failure. */
    public void runJobs() {
        jobs.runDueWithoutFailures(tenant);
    }

    /**
     * The score tasks of the project that {@code user} sees, by the project id its panel's instances carry: a query
     * posted as JSON, as Tasklist posts it, so that the id is a number (the GET form's text never equals it).
     */
    public JsonNode scoreTasks(String user, long projectId) {
        Response r = rest.post(user, "/engine-rest/task", Map.of("taskDefinitionKey", SCORE_TASK,
                "processVariables", List.of(Map.of("name", "projectId", "operator", "eq", "value", projectId))));
        assertThat(r.status()).as(user + ": " + r.text()).isEqualTo(200);
        return r.body();
    }

    /** Every task {@code user} sees, whatever its project or kind. */
    public JsonNode allTasks(String user) {
        Response r = rest.get(user, "/engine-rest/task");
        assertThat(r.status()).as(user + ": " + r.text()).isEqualTo(200);
        return r.body();
    }

    /**
     * The members with an open score task on the project, each with its task id, in pool order: found by asking every
     * pool member, as itself, for its own tasks (nobody else could list them).
     */
    public Map<String, String> openTasks(long projectId) {
        Map<String, String> open = new LinkedHashMap<>();
        for (String member : pool()) {
            JsonNode own = scoreTasks(member, projectId);
            if (!own.isEmpty()) {
                open.put(member, taskOf(member, projectId));
            }
        }
        return open;
    }

    /** The member's own score task of the project: exactly one, assigned to the member, of the project's tenant. */
    public String taskOf(String member, long projectId) {
        JsonNode own = scoreTasks(member, projectId);
        assertThat(own).as(member + " sees its score task of project " + projectId).hasSize(1);
        assertThat(own.get(0).get("assignee").asText()).isEqualTo(member);
        assertThat(own.get(0).get("tenantId").asText()).isEqualTo(tenant);
        return own.get(0).get("id").asText();
    }

    /** Submits the task's form as {@code user}, as Tasklist does ({@code POST …/submit-form}). */
    public Response submit(String user, String taskId, Map<String, Object> values) {
        Object[] keyValues = new Object[values.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            keyValues[i++] = e.getKey();
            keyValues[i++] = e.getValue();
        }
        return rest.post(user, "/engine-rest/task/" + taskId + "/submit-form", Rest.variables(keyValues));
    }

    /** The member scores the project with {@code sheet} (accepted: 204), then the due jobs run. */
    public void score(String member, long projectId, Map<String, Object> sheet) {
        Response r = submit(member, taskOf(member, projectId), sheet);
        assertThat(r.status()).as(member + ": " + r.text()).isEqualTo(204);
        runJobs();
    }

    /**
     * A score sheet declaring no conflict: the four criteria's scores in the order of {@link #CRITERIA}, each
     * commented with {@code note} and the criterion, the opinion and {@code note} as the overall comment.
     */
    public static Map<String, Object> sheet(String opinion, String note, double... scores) {
        if (scores.length != CRITERIA.size()) {
            throw new IllegalArgumentException("one score per criterion: " + CRITERIA);
        }
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("conflictDeclaration", "NO_CONFLICT");
        for (int i = 0; i < scores.length; i++) {
            sheet.put("score_" + CRITERIA.get(i), scores[i]);
            sheet.put("comment_" + CRITERIA.get(i), note + "(" + CRITERIA.get(i) + ")");
        }
        sheet.put("opinion", opinion);
        sheet.put("overallComment", note);
        return sheet;
    }

    /** A recommending sheet with the same score on every criterion: its weighted total is that score. */
    public static Map<String, Object> uniform(double score, String note) {
        return sheet("RECOMMEND", note, score, score, score, score);
    }

    /** A conflict declaration (申请回避) with its reason. */
    public static Map<String, Object> conflict(String reason) {
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("conflictDeclaration", "CONFLICT");
        declaration.put("conflictReason", reason);
        return declaration;
    }
}

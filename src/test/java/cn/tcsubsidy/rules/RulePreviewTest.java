package cn.tcsubsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.project.domain.ProjectHistory;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.support.StageFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * {@code POST /api/rules/{j}/preview}: the guardrails and the what-if over the last completed and the open round,
 * on seeded Liaocheng projects; nothing is deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-rule-preview;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RulePreviewTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProjectHistory history;
    @Autowired
    JdbcClient jdbc;

    static long closedProject;
    static long openSmall;
    static long openLarge;

    @BeforeEach
    void seed() {
        if (jdbc.sql("select count(*) from review_round where jurisdiction_code = 'liaocheng'").query(Long.class).single() > 0) {
            return;
        }
        StageFixture fixture = new StageFixture(projects, history, jdbc);
        long closed = fixture.round("CLOSED");
        long open = fixture.round("REVIEW");
        closedProject = fixture.project(Stage.CLOSED, closed);
        openSmall = fixture.project(Stage.AWARD_DECISION, open);
        openLarge = fixture.project(Stage.AWARD_DECISION, open);
        jdbc.sql("update project set actual_total_investment = 9000000, actual_equipment_investment = 8000000 where id = :p")
                .param("p", openLarge).update();
        fixture.project(Stage.REJECTED, open);
    }

    static String liaocheng(String from, String to) throws IOException {
        return Files.readString(Path.of("dmn/liaocheng/liaocheng-award.dmn"), StandardCharsets.UTF_8).replace(from, to);
    }

    ResponseEntity<JsonNode> preview(String user, String name, String table) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new HttpEntity<>(new ByteArrayResource(table.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/api/rules/liaocheng/preview", new HttpEntity<>(form, headers),
                JsonNode.class);
    }

    long versions() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("tc-award").tenantIdIn("liaocheng").count();
    }

    static List<Long> ids(JsonNode changes) {
        List<Long> ids = new ArrayList<>();
        changes.forEach(c -> ids.add(c.get("projectId").asLong()));
        return ids;
    }

    @Test
    void shouldListExactlyTheProjectsALowerEnterpriseCapChanges() throws IOException {
        long before = versions();
        ResponseEntity<JsonNode> r = preview("liaocheng-rules", "liaocheng-award.dmn",
                liaocheng("<text>2000000</text>", "<text>500000</text>"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode body = r.getBody();
        assertThat(body.get("passed").asBoolean()).isTrue();
        JsonNode whatIf = body.get("whatIf");
        assertThat(whatIf.get("rounds")).hasSize(2);
        assertThat(whatIf.get("examined").asInt()).as("the rejected project is not quoted").isEqualTo(3);
        assertThat(ids(whatIf.get("projects"))).containsExactly(openLarge);
        JsonNode change = whatIf.get("projects").get(0);
        assertThat(change.get("oldAmount").decimalValue()).isEqualByComparingTo("800000");
        assertThat(change.get("newAmount").decimalValue()).isEqualByComparingTo("500000");
        assertThat(whatIf.get("oldTotal").decimalValue()).isEqualByComparingTo("1600000");
        assertThat(whatIf.get("newTotal").decimalValue()).isEqualByComparingTo("1300000");
        assertThat(versions()).as("nothing deployed").isEqualTo(before);
    }

    @Test
    void shouldShowTheViolationsAndTheMoneyOfARateAboveTheCeiling() throws IOException {
        ResponseEntity<JsonNode> r = preview("liaocheng-rules", "liaocheng-award.dmn",
                liaocheng("<text>0.10</text>", "<text>0.12</text>"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody().get("passed").asBoolean()).isFalse();
        assertThat(r.getBody().get("violations").findValuesAsText("invariant"))
                .contains("设备奖补不超过设备(含软件)实际购置金额的10%,单户企业最高200万元");
        assertThat(r.getBody().get("diff").findValuesAsText("text")).singleElement().asString().contains("10% → 12%");
        JsonNode whatIf = r.getBody().get("whatIf");
        assertThat(ids(whatIf.get("projects"))).containsExactlyInAnyOrder(closedProject, openSmall, openLarge);
        assertThat(whatIf.get("newTotal").decimalValue()).isEqualByComparingTo("1920000");
    }

    @Test
    void shouldRefuseOtherRolesOtherJurisdictionsAndFilesThatAreNotTables() throws IOException {
        String table = liaocheng("<text>0.10</text>", "<text>0.08</text>");
        assertThat(preview("hekou-rules", "liaocheng-award.dmn", table).getStatusCode().value()).isEqualTo(403);
        assertThat(preview("liaocheng-ent-1", "liaocheng-award.dmn", table).getStatusCode().value()).isEqualTo(403);
        assertThat(preview("liaocheng-bureau", "liaocheng-award.dmn", table).getStatusCode().value()).isEqualTo(403);
        assertThat(preview("liaocheng-head", "liaocheng-award.dmn", table).getStatusCode().value()).as("the approver").isEqualTo(200);
        ResponseEntity<JsonNode> txt = preview("liaocheng-rules", "notes.txt", "hello");
        assertThat(txt.getStatusCode().value()).isEqualTo(400);
        assertThat(txt.getBody().toString()).contains("只能上传决策表文件(.dmn)");
        ResponseEntity<JsonNode> juel = preview("liaocheng-rules", "liaocheng-award.dmn",
                table.replaceFirst("<decision ", "<decision expressionLanguage=\"juel\" "));
        assertThat(juel.getStatusCode().value()).isEqualTo(400);
        assertThat(juel.getBody().get("message").asText()).contains("只能使用 FEEL 表达式");
    }
}

package cn.tcsubsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The guardrails hold on every path into the engine: a Hekou direct-subsidy rate of 9 % (000 三(一) allows at most
 * 6 %) is refused through the engine REST API as Camunda Modeler sends it and through the Java API, the old table
 * keeps quoting; a rate within the ceiling takes effect at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-rule-guardrails;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RuleGuardrailDeploymentTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;

    static String hekouAward(String rate) throws IOException {
        return Files.readString(Path.of("dmn/hekou/hekou-award.dmn"), StandardCharsets.UTF_8)
                .replace("<text>0.06</text>", "<text>" + rate + "</text>");
    }

    ResponseEntity<JsonNode> deploy(String user, String table) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "hekou-rules-change");
        form.add("tenant-id", "hekou");
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_XML);
        form.add("data", new HttpEntity<>(new ByteArrayResource(table.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "hekou-award.dmn";
            }
        }, fileHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(form, headers), JsonNode.class);
    }

    java.math.BigDecimal quote() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> r = http.withBasicAuth("hekou-ent-1", "hekou-ent-1").postForEntity("/api/award-quotes",
                new HttpEntity<>(Map.of("jurisdiction", "hekou", "category", "DIRECT_SUBSIDY", "applicationDate", "2021-05-10",
                        "totalInvestment", 9000000, "equipmentInvestment", 7000000), headers), JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody().get("amount").decimalValue();
    }

    int awardVersions() {
        return (int) repository.createDecisionDefinitionQuery().decisionDefinitionKey("tc-award").tenantIdIn("hekou").count();
    }

    @Test
    void shouldRefuseNinePercentOnEveryPathAndTakeFivePercentAtOnce() throws IOException {
        assertThat(quote()).isEqualByComparingTo("420000.00");
        int versions = awardVersions();

        ResponseEntity<JsonNode> refused = deploy("hekou-rules", hekouAward("0.09"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        String message = refused.getBody().get("message").asText();
        assertThat(message).contains("不符合政策约束,未部署").contains("直接奖补不超过实际设备投资额的6%")
                .contains("最高不超过6%").contains("例:类别 DIRECT_SUBSIDY");

        assertThatThrownBy(() -> repository.createDeployment().tenantId("hekou").name("java-api")
                .addString("hekou-award.dmn", hekouAward("0.09")).deploy())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("DIRECT_SUBSIDY 的比例不得超过 6%");
        assertThat(awardVersions()).as("nothing deployed").isEqualTo(versions);
        assertThat(quote()).as("the old table keeps quoting").isEqualByComparingTo("420000.00");

        ResponseEntity<JsonNode> lower = deploy("hekou-rules", hekouAward("0.05"));
        assertThat(lower.getStatusCode().value()).isEqualTo(200);
        assertThat(awardVersions()).isEqualTo(versions + 1);
        assertThat(quote()).as("7,000,000 × 5 %").isEqualByComparingTo("350000.00");
    }
}

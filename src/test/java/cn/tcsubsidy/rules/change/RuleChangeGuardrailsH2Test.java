package cn.tcsubsidy.rules.change;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.rules.change.RuleChangeClient.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upload asks the policy guardrails about the very files before storing anything: a Hekou direct subsidy of 9 %
 * (000 三(一): 最高不超过6%) answers 400 with each violated invariant, its source and an example case, and nothing is
 * stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-rule-change-guardrails;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RuleChangeGuardrailsH2Test {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldStoreNothingThatBreaksAGuardrailAndNameEachViolation() throws Exception {
        String table = Files.readString(Path.of("dmn/hekou/hekou-award.dmn"), StandardCharsets.UTF_8)
                .replace("<text>0.06</text>", "<text>0.09</text>");

        Answer refused = new RuleChangeClient(rest).upload("hekou-rules", "hekou", "调整奖补比例", null,
                Map.of("hekou-award.dmn", table.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("规则表违反政策约束 2 项,未予受理");
        assertThat(refused.body().get("violations")).hasSize(2);
        assertThat(refused.body().at("/violations/0/table").asText()).isEqualTo("tc-award");
        assertThat(refused.body().at("/violations/0/invariant").asText()).isEqualTo("直接奖补不超过实际设备投资额的6%,单个项目不超过100万元");
        assertThat(refused.body().at("/violations/0/source").asText()).contains("最高不超过6%");
        assertThat(refused.body().at("/violations/0/example").asText()).startsWith("类别 DIRECT_SUBSIDY");
        assertThat(refused.body().at("/violations/1/invariant").asText()).isEqualTo("DIRECT_SUBSIDY 的比例不得超过 6%");
        assertThat(jdbc.sql("select count(*) from rule_change").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from rule_change_file").query(Long.class).single()).isZero();
    }
}

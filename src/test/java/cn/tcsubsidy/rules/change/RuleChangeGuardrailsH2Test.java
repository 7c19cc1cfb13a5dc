package cn.tcsubsidy.rules.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tcsubsidy.rules.change.RuleChangeClient.Answer;
import cn.tcsubsidy.rules.guardrail.RuleGuardrails;
import cn.tcsubsidy.rules.guardrail.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The upload asks the policy guardrails about the very files before storing anything; their violations answer 400
 * with each invariant, and nothing is stored. (The guardrails' own grid is tested with their implementation; here
 * they answer what the test says.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-rule-change-guardrails;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RuleChangeGuardrailsH2Test {

    @MockitoBean
    RuleGuardrails guardrails;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void shouldStoreNothingThatBreaksAGuardrailAndNameEachViolation() throws Exception {
        String table = RuleChangeClient.pipelineWithNoticeDays("hekou", 7);
        Violation cap = new Violation("tc-award", "直接奖补比例不得超过设备投资额的6%", "东河政发〔2020〕5号 三(一)",
                "类别 DIRECT_SUBSIDY、设备投资 7,000,000.00 元:测算 630,000.00 元,政策上限 420,000.00 元");
        when(guardrails.check(eq("hekou"), any())).thenReturn(List.of(cap));

        Answer refused = new RuleChangeClient(rest).upload("hekou-rules", "hekou", "调整奖补比例", null,
                "hekou-pipeline.dmn", table);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("规则表违反政策约束 1 项,未予受理");
        assertThat(refused.body().get("violations")).hasSize(1);
        assertThat(refused.body().at("/violations/0/table").asText()).isEqualTo("tc-award");
        assertThat(refused.body().at("/violations/0/invariant").asText()).isEqualTo("直接奖补比例不得超过设备投资额的6%");
        assertThat(refused.body().at("/violations/0/source").asText()).isEqualTo("东河政发〔2020〕5号 三(一)");
        assertThat(refused.body().at("/violations/0/example").asText()).startsWith("类别 DIRECT_SUBSIDY");
        assertThat(refused.body().at("/violations/0/text").asText()).isEqualTo(cap.text());
        assertThat(jdbc.sql("select count(*) from rule_change").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from rule_change_file").query(Long.class).single()).isZero();

        ArgumentCaptor<Map<String, byte[]>> files = ArgumentCaptor.forClass(Map.class);
        verify(guardrails).check(eq("hekou"), files.capture());
        assertThat(files.getValue()).containsOnlyKeys("hekou-pipeline.dmn");
        assertThat(new String(files.getValue().get("hekou-pipeline.dmn"), StandardCharsets.UTF_8)).isEqualTo(table);
    }
}

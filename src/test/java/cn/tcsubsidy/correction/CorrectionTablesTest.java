package cn.tcsubsidy.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.correction.process.CamundaCorrectionRules;
import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each jurisdiction's tc-correction-deadline ({@code dmn/<tenant>/<tenant>-correction.dmn}), deployed per tenant and
 * evaluated through the engine by {@link CamundaCorrectionRules}: every stage's rule, the default row, the latest
 * version after a redeployment (only in its tenant), the caller's authentication restored, and the label 常见做法
 * on every rule.
 */
class CorrectionTablesTest {

    static ProcessEngine engine;
    static CamundaCorrectionRules rules;

    @BeforeAll
    static void deploy() {
        engine = ProcessTestEngine.configuration("tc-correction-tables-test").buildProcessEngine();
        for (String t : Tenants.ALL) {
            ProcessTestEngine.deploy(engine, t, "dmn/" + t + "/" + t + "-correction.dmn");
        }
        rules = new CamundaCorrectionRules(engine.getDecisionService(), engine.getRepositoryService(),
                engine.getIdentityService());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    static List<String> tenants() {
        return Tenants.ALL;
    }

    @ParameterizedTest(name = "{0}: five working days at every stage")
    @MethodSource("tenants")
    void shouldGiveFiveWorkingDaysAtEachStage(String tenant) {
        assertThat(rules.workingDays(tenant, Stage.RECOMMENDATION)).isEqualTo(5);
        assertThat(rules.workingDays(tenant, Stage.EXPERT_REVIEW)).isEqualTo(5);
        assertThat(rules.workingDays(tenant, Stage.AWARD_DECISION)).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}: any other stage takes the default row")
    @MethodSource("tenants")
    void shouldFallBackToTheDefaultRowForAnyOtherStage(String tenant) {
        assertThat(rules.workingDays(tenant, Stage.PUBLIC_NOTICE)).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}: every rule labelled common practice")
    @MethodSource("tenants")
    void shouldLabelEveryRuleCommonPractice(String tenant) throws Exception {
        String xml;
        try (var in = getClass().getResourceAsStream("/dmn/" + tenant + "/" + tenant + "-correction.dmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long rulesCount = xml.split("<rule ", -1).length - 1;
        long labelled = xml.split("常见做法", -1).length - 1;
        assertThat(rulesCount).isEqualTo(4);
        assertThat(labelled).isGreaterThanOrEqualTo(rulesCount);
    }

    @Test
    void shouldUseTheLatestVersionOfTheTenantsOwnTable() {
        String changed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_changed" name="changed" namespace="http://tcsubsidy.cn/dmn/test">
                  <decision id="tc-correction-deadline" name="changed" camunda:historyTimeToLive="3650">
                    <decisionTable id="DecisionTable_Changed" hitPolicy="FIRST">
                      <input id="Input_Stage" label="stage"><inputExpression id="InputExpression_Stage" typeRef="string"><text>stage</text></inputExpression></input>
                      <output id="Output_WorkingDays" name="workingDays" typeRef="integer"/>
                      <rule id="Rule_Award"><inputEntry id="In_Award"><text>"AWARD_DECISION"</text></inputEntry><outputEntry id="Out_Award"><text>3</text></outputEntry></rule>
                      <rule id="Rule_Default"><inputEntry id="In_Default"><text>-</text></inputEntry><outputEntry id="Out_Default"><text>7</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        engine.getRepositoryService().createDeployment().tenantId("jiyuan")
                .addString("jiyuan-correction.dmn", changed).deploy();

        assertThat(rules.workingDays("jiyuan", Stage.AWARD_DECISION)).isEqualTo(3);
        assertThat(rules.workingDays("jiyuan", Stage.RECOMMENDATION)).isEqualTo(7);
        assertThat(rules.workingDays("yanzhou", Stage.AWARD_DECISION)).as("another tenant's table is untouched")
                .isEqualTo(5);
    }

    @Test
    void shouldRestoreTheCallersAuthentication() {
        engine.getIdentityService().setAuthentication("hekou-town-yihe-1", List.of("hekou-town-yihe"), List.of("hekou"));

        rules.workingDays("hekou", Stage.RECOMMENDATION);

        assertThat(engine.getIdentityService().getCurrentAuthentication().getUserId()).isEqualTo("hekou-town-yihe-1");
    }

    @Test
    void shouldFailClearlyWithoutATableForTheTenant() {
        assertThatThrownBy(() -> rules.workingDays("nowhere", Stage.RECOMMENDATION))
                .hasMessageContaining("no decision tc-correction-deadline deployed for tenant nowhere");
    }
}

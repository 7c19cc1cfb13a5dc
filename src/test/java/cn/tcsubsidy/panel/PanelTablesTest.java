package cn.tcsubsidy.panel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.panel.domain.ConsensusRule;
import cn.tcsubsidy.panel.domain.Criterion;
import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.domain.PanelComposition;
import cn.tcsubsidy.panel.domain.PanelRule;
import cn.tcsubsidy.panel.process.CamundaPanelRules;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each jurisdiction's panel tables (tc-panel-size, tc-score-criteria, tc-panel-consensus), deployed per tenant and
 * evaluated through the engine by {@link CamundaPanelRules}: every rule, the 20,000,000 boundary, the latest version
 * after an administrator's redeployment, and the caller's authentication restored.
 */
class PanelTablesTest {

    static ProcessEngine engine;
    static CamundaPanelRules rules;

    @BeforeAll
    static void deploy() {
        engine = ProcessTestEngine.configuration("tc-panel-tables-test").buildProcessEngine();
        for (String t : Tenants.ALL) {
            ProcessTestEngine.deploy(engine, t, "dmn/" + t + "/" + t + "-panel.dmn");
        }
        rules = new CamundaPanelRules(engine.getDecisionService(), engine.getRepositoryService(),
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

    @ParameterizedTest(name = "{0}: total {1} -> {2} members, {3} experts")
    @CsvSource({
        "hekou, 0, 3, 2", "hekou, 19999999.99, 3, 2", "hekou, 20000000, 5, 3", "hekou, 20000000.01, 5, 3",
        "huanggang, 19999999.99, 3, 2", "huanggang, 20000000, 5, 3",
        "yanzhou, 19999999.99, 3, 2", "yanzhou, 20000000, 5, 3",
        "jiyuan, 19999999.99, 3, 2", "jiyuan, 20000000, 5, 3",
        "liaocheng, 19999999.99, 3, 2", "liaocheng, 80000000, 5, 3"})
    void shouldDrawThreeMembersBelowTwentyMillionAndFiveFromIt(String tenant, String total, int size, int experts) {
        PanelComposition c = rules.composition(tenant, new BigDecimal(total), "EQUIPMENT");
        PanelRule r = c.rule();
        assertThat(r.size()).isEqualTo(size);
        assertThat(r.minimum(MemberKind.EXPERT)).isEqualTo(experts);
        assertThat(r.minimum(MemberKind.ENTREPRENEUR)).isZero();
        assertThat(r.minimum(MemberKind.THIRD_PARTY)).isZero();
        assertThat(r.minimum(MemberKind.DEPARTMENT_HEAD)).isZero();
        assertThat(c.minNonExperts()).as("at least one non-expert").isEqualTo(1);
        assertThat(c.nonExpertsNeeded()).isEqualTo(1);
        assertThat(r.reserves()).isEqualTo(2);
        assertThat(r.dueWorkingDays()).isEqualTo(5);
        assertThat(rules.rule(tenant, new BigDecimal(total), "EQUIPMENT")).isEqualTo(r);
    }

    @Test
    void shouldRefuseToSizeAPanelWithoutTheTotalInvestment() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.rule("hekou", null, "DIRECT_SUBSIDY"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void shouldScoreInvestmentTechnologyEconomicAndSocialBenefitWeightedToOneHundred(String tenant) {
        List<Criterion> criteria = rules.criteria(tenant);
        assertThat(criteria).extracting(Criterion::key)
                .containsExactly("INVESTMENT", "TECHNOLOGY", "ECONOMIC", "SOCIAL");
        assertThat(criteria).extracting(Criterion::label).containsExactly("投资", "技术水平", "经济效益", "社会效益");
        assertThat(criteria).extracting(c -> c.maxScore().compareTo(BigDecimal.valueOf(100))).containsOnly(0);
        assertThat(criteria).extracting(Criterion::weight).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.25"), new BigDecimal("0.35"), new BigDecimal("0.25"),
                        new BigDecimal("0.15"));
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void shouldCallForConsensusAboveTwentyPointsAndTrimFromFiveSheets(String tenant) {
        ConsensusRule c = rules.consensus(tenant);
        assertThat(c.spreadThreshold()).isEqualByComparingTo("20");
        assertThat(c.trimAtLeast()).isEqualTo(5);
        assertThat(c.passScore()).as("pass mark").isEqualByComparingTo("60");
        assertThat(c.passes(new BigDecimal("60"), 2, 3)).as("60 with 2 of 3 recommending").isTrue();
        assertThat(c.passes(new BigDecimal("59.99"), 3, 3)).as("a fen under the mark").isFalse();
        assertThat(c.passes(new BigDecimal("90"), 2, 4)).as("half is not a majority").isFalse();
    }

    @Test
    void shouldRestoreTheCallersAuthentication() {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication("hekou-expert-1", List.of("hekou-experts"), List.of("hekou"));
        rules.criteria("liaocheng");
        assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("hekou-expert-1");
        assertThat(identity.getCurrentAuthentication().getTenantIds()).containsExactly("hekou");
        identity.clearAuthentication();
        rules.consensus("hekou");
        assertThat(identity.getCurrentAuthentication()).isNull();
    }

    @Test
    void shouldAskTheLatestVersionAnAdministratorDeployed() {
        String deployment = engine.getRepositoryService().createDeployment().tenantId("jiyuan").name("test-jiyuan-v2")
                .addString("jiyuan-panel.dmn", new String(readPanel("jiyuan"), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("<text>20</text>", "<text>15</text>"))
                .deploy().getId();
        try {
            assertThat(rules.consensus("jiyuan").spreadThreshold()).isEqualByComparingTo("15");
            assertThat(rules.consensus("yanzhou").spreadThreshold()).as("other tenants unchanged").isEqualByComparingTo("20");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private static byte[] readPanel(String tenant) {
        try (var in = PanelTablesTest.class.getClassLoader().getResourceAsStream("dmn/" + tenant + "/" + tenant + "-panel.dmn")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package cn.tcsubsidy.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.payment.domain.AdvanceRules.AdvanceRule;
import cn.tcsubsidy.payment.process.CamundaAdvanceRules;
import cn.tcsubsidy.support.ProcessTestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Huanggang's table of 先期预拨+年终结算 (tc-payment-advance), deployed for its tenant only and read through the engine
 * as the payment service reads it: investment subsidies advance half, loan interest is paid at once, any other
 * jurisdiction has no table and pays at once; a table giving a share outside (0, 1) fails loudly.
 */
class PaymentAdvanceRulesTest {

    static final String SOURCE = "鼓励采取投资奖补、贷款贴息、“先期预拨+年终结算”等方式支持企业技改。";

    static ProcessEngine engine;
    static CamundaAdvanceRules rules;

    @BeforeAll
    static void deploy() {
        engine = ProcessTestEngine.configuration("tc-payment-advance-test").buildProcessEngine();
        ProcessTestEngine.deploy(engine, "huanggang", "dmn/huanggang/huanggang-payment.dmn");
        rules = new CamundaAdvanceRules(engine.getDecisionService(), engine.getRepositoryService(),
                engine.getIdentityService());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void shouldAdvanceHalfOfAHuanggangInvestmentSubsidyAndSettleOnTheFifteenthOfJanuary() {
        AdvanceRule r = rules.advance("huanggang", "INVESTMENT_SUBSIDY").orElseThrow();
        assertThat(r.share()).isEqualByComparingTo("0.5");
        assertThat(r.settlementMonth()).isEqualTo(1);
        assertThat(r.settlementDay()).isEqualTo(15);
        assertThat(r.note()).contains("四(二)", "先期预拨 50%", "示例", "tc-payment-advance v1 huanggang");
        assertThat(r.decisionRef()).isEqualTo("tc-payment-advance v1 huanggang");
    }

    @Test
    void shouldPayLoanInterestAndEveryOtherJurisdictionAtOnce() {
        assertThat(rules.advance("huanggang", "LOAN_INTEREST")).isEmpty();
        for (String other : new String[] {"hekou", "yanzhou", "jiyuan", "liaocheng"}) {
            assertThat(rules.advance(other, "INVESTMENT_SUBSIDY")).as(other).isEqualTo(Optional.empty());
        }
    }

    @Test
    void shouldQuoteTheSourceSentenceAndKeepItsHistory() {
        DecisionDefinition d = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(CamundaAdvanceRules.DECISION).tenantIdIn("huanggang").singleResult();
        assertThat(d.getHistoryTimeToLive()).isEqualTo(3650);
        String table = read();
        assertThat(table).contains("黄冈市新一轮技术改造三年行动方案 四(二)“" + SOURCE + "”", "常见做法,非文件原文")
                .doesNotContain("expressionLanguage");
    }

    @Test
    void shouldRefuseATableWhoseShareIsNotBetweenZeroAndOne() {
        String broken = read().replace("<text>0.5</text>", "<text>1.2</text>");
        String deployment = engine.getRepositoryService().createDeployment().tenantId("yanzhou")
                .addString("huanggang-payment.dmn", broken).deploy().getId();
        try {
            assertThatThrownBy(() -> rules.advance("yanzhou", "INVESTMENT_SUBSIDY")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1.2").hasMessageContaining("between 0 and 1");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private static String read() {
        try {
            return Files.readString(Path.of("dmn/huanggang/huanggang-payment.dmn"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

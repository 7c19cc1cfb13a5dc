package cn.tcsubsidy.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.payment.domain.AdvanceRules;
import cn.tcsubsidy.support.Rest.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Payment orders, four eyes and duplicate approvals on the embedded H2 database; the advance table's deployment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-payment;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PaymentH2Test extends PaymentScenario {

    @Autowired
    AdvanceRules advanceRules;

    /**
     * tc-payment-advance is a key the app ships for Huanggang only: Huanggang's rule administrator deploys a new version
     * (used at once), Hekou's may not deploy it for Hekou, nor may anyone but a rule administrator.
     */
    @Test
    void shouldLetOnlyHuanggangsRuleAdministratorChangeTheAdvanceTable() throws Exception {
        String shipped = Files.readString(Path.of("dmn/huanggang/huanggang-payment.dmn"));
        String changed = shipped.replace("<text>0.5</text>", "<text>0.4</text>");
        assertThat(changed).isNotEqualTo(shipped);
        Response foreign = rest.deploy("hekou-rules", "hekou", "hekou-payment.dmn", changed);
        assertThat(foreign.status()).as(foreign.text()).isEqualTo(403);
        assertThat(foreign.text()).contains("tc-payment-advance");
        assertThat(rest.deploy(FINANCE, "huanggang", "huanggang-payment.dmn", changed).status()).isEqualTo(403);
        assertThat(rest.deploy("huanggang-finance", "huanggang", "huanggang-payment.dmn", changed).status()).isEqualTo(403);
        assertThat(advanceRules.advance("hekou", "DIRECT_SUBSIDY")).isEmpty();
        assertThat(advanceRules.advance("huanggang", "INVESTMENT_SUBSIDY").orElseThrow().share()).isEqualByComparingTo("0.5");

        Response deployed = rest.deploy("huanggang-rules", "huanggang", "huanggang-payment.dmn", changed);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        assertThat(advanceRules.advance("huanggang", "INVESTMENT_SUBSIDY").orElseThrow().share()).isEqualByComparingTo("0.4");
        assertThat(rest.deploy("huanggang-rules", "huanggang", "huanggang-payment.dmn", shipped).status()).isEqualTo(200);
        assertThat(advanceRules.advance("huanggang", "INVESTMENT_SUBSIDY").orElseThrow().share()).isEqualByComparingTo("0.5");
    }
}

package cn.tcsubsidy.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.panel.domain.MemberKind;
import cn.tcsubsidy.panel.process.CamundaPanelRules;
import cn.tcsubsidy.shared.Roles;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The panel tables in the running application: deployed per tenant at start (ModelDeployer), read by whoever runs
 * the draw or the scoring as the rule evaluator (authorizations on), and accepted by the deployment guard when the
 * jurisdiction's rule administrator deploys a new version.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-panel-scores;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PanelRulesApplicationTest {

    @Autowired CamundaPanelRules rules;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void shouldReadTheTablesForAnExpertAndRestoreTheExpertsAuthentication() {
        identity.setAuthentication("hekou-expert-1", List.of(Roles.experts("hekou")), List.of("hekou"));
        assertThat(rules.rule("yanzhou", new BigDecimal("20000000"), "EQUIPMENT").minimum(MemberKind.EXPERT)).isEqualTo(3);
        assertThat(rules.criteria("hekou")).hasSize(4);
        assertThat(rules.consensus("jiyuan").trimAtLeast()).isEqualTo(5);
        assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("hekou-expert-1");
        assertThat(identity.getCurrentAuthentication().getTenantIds()).containsExactly("hekou");
    }

    @Test
    void shouldLetTheRuleAdministratorDeployANewVersionOfThePanelTables() throws Exception {
        String table = Files.readString(Path.of("dmn/liaocheng/liaocheng-panel.dmn"))
                .replace("<outputEntry id=\"OutputEntry_PanelSize_Large_Size\"><text>5</text>",
                        "<outputEntry id=\"OutputEntry_PanelSize_Large_Size\"><text>7</text>");
        identity.setAuthentication("liaocheng-rules", List.of(Roles.rules("liaocheng")), List.of("liaocheng"));
        String deployment = repository.createDeployment().tenantId("liaocheng").name("liaocheng-rules-panel")
                .addString("liaocheng-panel.dmn", table).deploy().getId();
        try {
            assertThat(rules.rule("liaocheng", new BigDecimal("30000000"), "EQUIPMENT").size()).isEqualTo(7);
            assertThat(rules.rule("hekou", new BigDecimal("30000000"), "EQUIPMENT").size()).isEqualTo(5);
            String other = table.replace("id=\"tc-panel-consensus\"", "id=\"tc-panel-other\"");
            assertThatThrownBy(() -> repository.createDeployment().tenantId("liaocheng").name("liaocheng-rules-other")
                    .addString("liaocheng-panel.dmn", other).deploy())
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("tc-panel-other");
        } finally {
            identity.clearAuthentication();
            repository.deleteDeployment(deployment, true);
        }
        assertThat(rules.rule("liaocheng", new BigDecimal("30000000"), "EQUIPMENT").size()).isEqualTo(5);
    }
}

package cn.tcsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The engine's own guards, asked directly: what an expression reaches, what a rule table may contain. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-engine-guards;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=false",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class EngineGuardsTest {

    @Autowired
    ProcessEngine engine;

    Object evaluate(String expression) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        ExpressionManager expressions = configuration.getExpressionManager();
        Expression e = expressions.createExpression(expression);
        AbstractVariableScope scope = new ExecutionEntity();
        return configuration.getCommandExecutorTxRequired().execute(ctx -> e.getValue(scope));
    }

    @Test
    void shouldResolveTheModelsDelegatesButNoOtherBean() {
        assertThat(evaluate("${taskSubmissionListener}")).isInstanceOf(TaskSubmissionListener.class);
        assertThat(evaluate("${registerProjectDelegate}")).isNotNull();
        for (String bean : new String[] {"identityService", "dataSource", "jdbcClient", "processEngine", "runtimeService"}) {
            assertThatThrownBy(() -> evaluate("${" + bean + "}")).as(bean).isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Unknown property used in expression");
        }
    }

    @Test
    void shouldRefuseATableInJuelOrAScriptLanguageEvenFromTheApplicationItself() throws Exception {
        String table = Files.readString(Path.of("dmn/hekou/hekou-pipeline.dmn"));
        for (String language : new String[] {"juel", "javascript", "groovy"}) {
            String foreign = table.replaceFirst("<outputEntry id=\"([^\"]+)\"><text>",
                    "<outputEntry id=\"$1\" expressionLanguage=\"" + language + "\"><text>");
            assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().tenantId("hekou")
                    .addString("hekou-pipeline.dmn", foreign).deploy())
                    .as(language).hasMessageContaining("只能使用 FEEL").hasMessageContaining(language);
        }
        String defaultForAll = table.replaceFirst("<definitions ", "<definitions expressionLanguage=\"juel\" ");
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().tenantId("hekou")
                .addString("hekou-pipeline.dmn", defaultForAll).deploy()).hasMessageContaining("只能使用 FEEL");
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + table.substring(table.indexOf("?>") + 2);
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().tenantId("hekou")
                .addString("hekou-pipeline.dmn", doctype).deploy()).hasMessageContaining("DOCTYPE");
        String huge = table.replace("</definitions>", "<!--" + "x".repeat(1024 * 1024) + "--></definitions>");
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().tenantId("hekou")
                .addString("hekou-pipeline.dmn", huge).deploy()).hasMessageContaining("超过上限");
    }

    @Test
    void shouldNotLetFeelCallJava() throws Exception {
        String table = Files.readString(Path.of("dmn/hekou/hekou-pipeline.dmn"));
        String external = table.replaceFirst("(<outputEntry id=\"[^\"]+\"><text>)[^<]*(</text>)",
                "$1{f: function(a, b) external {java: {class: \"java.lang.Math\", method signature: \"max(int, int)\"}}, r: f(1, 2)}.r$2");
        assertThat(external).contains("external");
        // A jurisdiction's table is tried by the guardrails first, on a FEEL engine without external functions too.
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().tenantId("hekou").name("feel-external-probe")
                .addString("hekou-pipeline.dmn", external).deploy()).hasMessageContaining("External functions are disabled");
        // A shared table (no jurisdiction, so no guardrails) reaches the engine's own FEEL engine: it does not call Java.
        engine.getRepositoryService().createDeployment().name("feel-external-probe")
                .addString("hekou-pipeline.dmn", external).deploy();
        try {
            Object out;
            try {
                out = engine.getDecisionService().evaluateDecisionByKey("tc-pool-entry").decisionDefinitionWithoutTenantId()
                        .variables(Variables.createVariables().putValue("plannedTotalInvestment", 30_000_000.0))
                        .evaluate().getSingleResult();
            } catch (ProcessEngineException refused) {
                assertThat(refused).rootCause().hasMessageNotContaining("failed to parse");
                out = null;
            }
            assertThat(String.valueOf(out)).as("an external Java function is not called").doesNotContain("=2");
        } finally {
            engine.getRepositoryService().createDeploymentQuery().deploymentName("feel-external-probe").list()
                    .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
        }
    }
}

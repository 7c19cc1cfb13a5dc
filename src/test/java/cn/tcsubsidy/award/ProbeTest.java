package cn.tcsubsidy.award;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.datasource.url=jdbc:h2:mem:tc-award;DB_CLOSE_DELAY=-1", "tc.demo.projects=false", "camunda.bpm.job-execution.enabled=false"})
class ProbeTest {
    @Autowired DecisionService decisions;

    @Test
    void probe() {
        for (Object[] c : new Object[][] {{"2021-05-10", "9000000.12"}, {"2019-01-01", "100"}, {"2021-05-10", "100"}}) {
            var r = decisions.evaluateDecisionByKey("probe-award").decisionDefinitionTenantId("hekou")
                    .variables(Variables.createVariables().putValue("applicationDate", c[0]).putValue("totalInvestment", new BigDecimal((String) c[1])))
                    .evaluate();
            for (Map<String, Object> row : r.getResultList()) {
                row.forEach((k, v) -> System.out.println("PROBE " + c[0] + " " + k + " = " + v + " : " + (v == null ? null : v.getClass())));
            }
        }
    }
}

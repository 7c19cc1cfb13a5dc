package cn.tcsubsidy.rules.change;

import org.springframework.boot.test.context.SpringBootTest;

/** Rule changes on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-rule-change;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RuleChangeH2Test extends RuleChangeScenario {
}

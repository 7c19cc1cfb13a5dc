package cn.tcsubsidy.application;

import org.springframework.boot.test.context.SpringBootTest;

/** Experts' read scope on the embedded H2 database, with the demo identities and projects. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-expert-scope;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class ExpertReadScopeH2Test extends ExpertReadScopeScenario {
}

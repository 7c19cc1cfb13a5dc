package cn.tcsubsidy.application;

import org.springframework.boot.test.context.SpringBootTest;

/** Objections during the notice on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-objection;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class ObjectionH2Test extends ObjectionScenario {
}

package cn.tcsubsidy.correction;

import org.springframework.boot.test.context.SpringBootTest;

/** Return for correction on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-correction;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class CorrectionH2Test extends CorrectionScenario {
}

package cn.tcsubsidy.evidence;

import org.springframework.boot.test.context.SpringBootTest;

/** The completion report on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-completion-report;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class CompletionReportH2Test extends CompletionReportScenario {
}

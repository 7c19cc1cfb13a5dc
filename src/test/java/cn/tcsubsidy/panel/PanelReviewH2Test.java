package cn.tcsubsidy.panel;

import org.springframework.boot.test.context.SpringBootTest;

/** The expert panel at work on the embedded H2 database, with the demo pool and without the demo projects. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-panel-review;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PanelReviewH2Test extends PanelReviewScenario {
}

package cn.tcsubsidy.panel;

import org.springframework.boot.test.context.SpringBootTest;

/** The panel's scores on the embedded H2 database. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-panel-scores;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class ScoresH2Test extends ScoresScenario {
}

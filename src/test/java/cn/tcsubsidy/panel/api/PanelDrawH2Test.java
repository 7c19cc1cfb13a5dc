package cn.tcsubsidy.panel.api;

import org.springframework.boot.test.context.SpringBootTest;

/** Panel draws on the embedded H2 database (the context the pool's API test uses too). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-panel;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PanelDrawH2Test extends PanelDrawScenario {
}

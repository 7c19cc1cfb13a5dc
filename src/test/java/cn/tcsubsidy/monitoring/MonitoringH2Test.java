package cn.tcsubsidy.monitoring;

import org.springframework.boot.test.context.SpringBootTest;

/** /actuator on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-monitoring;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false",
    "tc.security.trusted-proxies=127.0.0.1"})
class MonitoringH2Test extends MonitoringScenario {

    @Override
    String database() {
        return "H2";
    }
}

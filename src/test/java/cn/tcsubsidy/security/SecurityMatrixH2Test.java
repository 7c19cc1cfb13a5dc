package cn.tcsubsidy.security;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/** The role × action matrix on the embedded H2 database, against the demo data. */
// Metrics export on (Spring Boot tests switch it off): the matrix tries /actuator/prometheus too.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-security;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class SecurityMatrixH2Test extends SecurityMatrixScenario {
}

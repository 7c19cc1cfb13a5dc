package cn.tcsubsidy.security;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same matrix on PostgreSQL, in a database the test creates. */
@RequiresPostgres
@ActiveProfiles("postgres")
// Metrics export on (Spring Boot tests switch it off): the matrix tries /actuator/prometheus too.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=true",
    "camunda.bpm.job-execution.enabled=false"})
class SecurityMatrixPostgresTest extends SecurityMatrixScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.useFreshDatabase(registry, "tc_security_test");
    }
}

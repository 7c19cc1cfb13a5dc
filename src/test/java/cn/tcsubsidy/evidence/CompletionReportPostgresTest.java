package cn.tcsubsidy.evidence;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The completion report on PostgreSQL (invoice numbers kept unique under concurrency), in a database of its own. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class CompletionReportPostgresTest extends CompletionReportScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.useFreshDatabase(registry, "tc_completion_report_test");
    }
}

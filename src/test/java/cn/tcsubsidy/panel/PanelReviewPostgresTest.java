package cn.tcsubsidy.panel;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The expert panel at work on PostgreSQL, in a database the test creates (V24 on PostgreSQL). */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PanelReviewPostgresTest extends PanelReviewScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.useFreshDatabase(registry, "tc_panel_review_test");
    }
}

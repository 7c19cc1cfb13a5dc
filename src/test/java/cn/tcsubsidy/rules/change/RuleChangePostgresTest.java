package cn.tcsubsidy.rules.change;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on PostgreSQL (bytea, the check constraints, row locks), in a database of its own. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RuleChangePostgresTest extends RuleChangeScenario {

    private static String url;

    /** Created once: the registry may ask for the URL more than once, and each call would drop the database. */
    private static synchronized String url() {
        if (url == null) {
            url = Postgres.freshDatabase("tc_rule_change_test");
        }
        return url;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", RuleChangePostgresTest::url);
        registry.add("spring.datasource.username", () -> Postgres.USER);
        registry.add("spring.datasource.password", () -> Postgres.PASSWORD);
    }
}

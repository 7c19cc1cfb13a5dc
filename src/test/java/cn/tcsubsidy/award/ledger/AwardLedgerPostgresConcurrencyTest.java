package cn.tcsubsidy.award.ledger;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The concurrency scenario on PostgreSQL at its default READ COMMITTED, in a database of its own. The pool holds more
 * connections than there are threads, so all sixteen transactions really run at once.
 */
@RequiresPostgres
@SpringBootTest(properties = {
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.hikari.maximum-pool-size=24"})
class AwardLedgerPostgresConcurrencyTest extends AwardLedgerConcurrencyScenario {

    private static String url;

    /** Created once: the registry may ask for the URL more than once, and each call would drop the database. */
    private static synchronized String url() {
        if (url == null) {
            url = Postgres.freshDatabase("tc_ledger_test");
        }
        return url;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", AwardLedgerPostgresConcurrencyTest::url);
        registry.add("spring.datasource.username", () -> Postgres.USER);
        registry.add("spring.datasource.password", () -> Postgres.PASSWORD);
    }

    @Override
    String database() {
        return "PostgreSQL";
    }
}

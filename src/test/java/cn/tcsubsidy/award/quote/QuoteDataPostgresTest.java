package cn.tcsubsidy.award.quote;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The quote's data on PostgreSQL at READ COMMITTED, in a database the test creates. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(properties = {
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.hikari.maximum-pool-size=16"})
class QuoteDataPostgresTest extends QuoteDataScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.useFreshDatabase(registry, "tc_quote_data_test");
    }
}

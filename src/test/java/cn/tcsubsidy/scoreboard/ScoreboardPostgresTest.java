package cn.tcsubsidy.scoreboard;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same scoreboard on PostgreSQL, in a database the test creates. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class ScoreboardPostgresTest extends ScoreboardScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.useFreshDatabase(registry, "tc_scoreboard_test");
    }
}

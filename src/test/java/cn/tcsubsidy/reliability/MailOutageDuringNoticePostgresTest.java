package cn.tcsubsidy.reliability;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mail server down during notice publication, on PostgreSQL. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "tc.mail.retry-delays=1m,5m"})
class MailOutageDuringNoticePostgresTest extends MailOutageDuringNoticeScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.useFreshDatabase(registry, "tc_mail_outage_test");
    }
}

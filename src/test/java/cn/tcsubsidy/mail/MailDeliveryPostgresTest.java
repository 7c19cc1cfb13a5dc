package cn.tcsubsidy.mail;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on PostgreSQL: the FAILED mark in a transaction of its own while the job's transaction rolls back. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "tc.mail.retry-delays=1m,5m"})
class MailDeliveryPostgresTest extends MailDeliveryScenario {

    private static String url;

    private static synchronized String url() {
        if (url == null) {
            url = Postgres.freshDatabase("tc_mail_test");
        }
        return url;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", MailDeliveryPostgresTest::url);
        registry.add("spring.datasource.username", () -> Postgres.USER);
        registry.add("spring.datasource.password", () -> Postgres.PASSWORD);
    }
}

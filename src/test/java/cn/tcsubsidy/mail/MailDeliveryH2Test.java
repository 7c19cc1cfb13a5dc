package cn.tcsubsidy.mail;

import org.springframework.boot.test.context.SpringBootTest;

/** The outbox and its jobs on the embedded H2 database. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-mail;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "tc.mail.retry-delays=1m,5m"})
class MailDeliveryH2Test extends MailDeliveryScenario {
}

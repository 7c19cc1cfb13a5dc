package cn.tcsubsidy.reliability;

import org.springframework.boot.test.context.SpringBootTest;

/** The mail server down during notice publication, on the embedded H2 database. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-mail-outage;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "tc.mail.retry-delays=1m,5m"})
class MailOutageDuringNoticeH2Test extends MailOutageDuringNoticeScenario {
}

package cn.tcsubsidy.application;

import org.springframework.boot.test.context.SpringBootTest;

/** Payment orders, four eyes and duplicate approvals on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-payment;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PaymentH2Test extends PaymentScenario {
}

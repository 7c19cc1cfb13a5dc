package cn.tcsubsidy.award.ledger;

import org.springframework.boot.test.context.SpringBootTest;

/** The concurrency scenario on the embedded H2 default, so its locking is proved there too. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-ledger;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class AwardLedgerH2ConcurrencyTest extends AwardLedgerConcurrencyScenario {

    @Override
    String database() {
        return "H2";
    }
}

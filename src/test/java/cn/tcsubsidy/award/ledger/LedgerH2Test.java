package cn.tcsubsidy.award.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.ledger.AwardRefusedException.Reason;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.shared.Actor;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's H2 tests: one application context (and database) for all of them, a fresh fixture per test. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-ledger;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
abstract class LedgerH2Test {

    @Autowired
    AwardLedger ledger;
    @Autowired
    ProjectRepository projects;
    @Autowired
    JdbcClient jdbc;

    LedgerFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new LedgerFixture(projects, jdbc);
    }

    Reservation reserve(LedgerFixture.Claim claim) {
        return ledger.reserve(claim.build(), Actor.system());
    }

    static void assertRefused(ThrowingCallable call, Reason reason, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwardRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.explanation()).contains(messageParts);
        });
    }
}

package cn.tcsubsidy.award.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.award.ledger.LedgerFixture.TestProject;
import cn.tcsubsidy.shared.Actor;
import cn.tcsubsidy.shared.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Several payments of one award (a payment order per paying fund, an advance and the rest): each fund pays within its
 * part of the grant, all together within the grant, which the database holds too; the award stays proposed, its grant
 * committed, until its payments are closed, then it is charged what was paid. A partly paid award is not cancelled.
 */
class AwardLedgerPaymentsH2Test extends LedgerH2Test {

    /** Years no other test enters Huanggang's budgets for, one per award. */
    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(2060);
    private int year;

    @Autowired
    Payers payers;

    Reservation splitAward(String amount) {
        year = YEARS.incrementAndGet();
        fixture.budget("huanggang", "huanggang", year, "10000000");
        fixture.budget("huanggang", "huangzhou", year, "10000000");
        TestProject p = fixture.project(fixture.enterprise("huanggang"), "huangzhou");
        List<FundShare> split = payers.of("huanggang", "huangzhou");
        return ledger.reserve(fixture.claim(p).payers(split, year).amount(amount).build(), Actor.system());
    }

    @Test
    void shouldRecordEachFundsPaymentsWithinItsPartAndCloseTheAwardAtTheirSum() {
        Reservation r = splitAward("100000.01");
        long id = r.awardId();
        assertThat(ledger.split(id, new BigDecimal("60000.01"))).containsExactly(
                Map.entry("huanggang", new BigDecimal("30000.01")), Map.entry("huangzhou", new BigDecimal("30000.00")));

        // An advance from each fund, then the city's rest: still proposed, the grant committed in both budgets.
        ledger.recordPayment(id, "huanggang", new BigDecimal("25000.00"), Actor.system());
        ledger.recordPayment(id, "huangzhou", new BigDecimal("25000.00"), Actor.system());
        Award partly = ledger.recordPayment(id, "huanggang", new BigDecimal("25000.01"), Actor.system());
        assertThat(partly.status()).isEqualTo(AwardStatus.PROPOSED);
        assertThat(partly.paidAmount()).isEqualTo(new BigDecimal("75000.01"));
        assertThat(partly.committedAmount()).isEqualTo(new BigDecimal("100000.01"));
        assertThat(ledger.fundPayments(id)).extracting(FundPayment::fundCode, FundPayment::committed, FundPayment::paid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("huanggang", new BigDecimal("50000.01"), new BigDecimal("50000.01")),
                        org.assertj.core.groups.Tuple.tuple("huangzhou", new BigDecimal("50000.00"), new BigDecimal("25000.00")));
        assertThat(ledger.budget("huanggang", "huangzhou", year).committed()).isEqualTo(new BigDecimal("50000.00"));

        // A fund beyond its part, or a fund that is not a payer, is refused and nothing is written.
        assertThatThrownBy(() -> ledger.recordPayment(id, "huanggang", new BigDecimal("0.01"), Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("拨付金额超出核定奖补")
                .hasMessageContaining("该资金分担 50,000.01 元,已拨付 50,000.01 元");
        assertThatThrownBy(() -> ledger.recordPayment(id, "macheng", BigDecimal.ONE, Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("不承担奖补");
        assertThatThrownBy(() -> ledger.recordPayment(id, "huangzhou", BigDecimal.ZERO, Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("应大于 0");
        assertThat(ledger.get(id).paidAmount()).isEqualTo(new BigDecimal("75000.01"));

        // Partly paid: neither cancelled nor paid in one go.
        assertThatThrownBy(() -> ledger.cancel(id, "公示期异议成立", Actor.system())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("奖补已拨付 75,000.01 元,不能撤销");
        assertThatThrownBy(() -> ledger.markPaid(id, new BigDecimal("100000.01"), Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("其余部分按拨付单拨付");

        // Closed at what was paid: each fund charged what it paid, the rest of the grant freed.
        Award closed = ledger.settlePaid(id, Actor.system());
        assertThat(closed.status()).isEqualTo(AwardStatus.PAID);
        assertThat(closed.paidAmount()).isEqualTo(new BigDecimal("75000.01"));
        assertThat(closed.fundShares()).containsExactly(Map.entry("huanggang", new BigDecimal("50000.01")),
                Map.entry("huangzhou", new BigDecimal("25000.00")));
        assertThat(ledger.budget("huanggang", "huangzhou", year).committed()).isEqualTo(new BigDecimal("25000.00"));
        assertThatThrownBy(() -> ledger.recordPayment(id, "huangzhou", BigDecimal.ONE, Actor.system()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("不能登记拨付");
        assertThatThrownBy(() -> ledger.settlePaid(id, Actor.system())).isInstanceOf(ValidationException.class);

        // A recovery (the settlement found the advance too high) is within what was paid.
        Award recovered = ledger.recover(id, new BigDecimal("5000.00"), "年终结算多拨追回", Actor.system());
        assertThat(recovered.recoveredAmount()).isEqualTo(new BigDecimal("5000.00"));
    }

    @Test
    void shouldLetTheDatabaseKeepThePaymentsOfAnAwardWithinItsGrantAndEachFundWithinItsPart() {
        Reservation r = splitAward("1000.00");
        long id = r.awardId();
        assertThatThrownBy(() -> jdbc.sql("update award set paid_amount = 1000.01 where id = :id").param("id", id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update award_fund_share set paid_amount = amount + 0.01 where award_id = :id")
                .param("id", id).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update award set status = 'CANCELLED', live = null, paid_amount = 1 where id = :id")
                .param("id", id).update()).as("a cancelled award has paid nothing").isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("update award set paid_amount = 500 where id = :id").param("id", id).update();
        assertThat(ledger.get(id).status()).as("a proposed award may be partly paid").isEqualTo(AwardStatus.PROPOSED);
    }
}

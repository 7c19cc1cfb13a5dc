package cn.tcsubsidy.award.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EnterpriseCapTest {

    private static final BigDecimal CAP = new BigDecimal("3000000");

    @Test
    void shouldGrantTheRequestWhenThereIsNoCap() {
        EnterpriseCap.Cut cut = EnterpriseCap.apply(new BigDecimal("4200000"), null, new BigDecimal("9000000"));

        assertThat(cut.granted()).isEqualByComparingTo("4200000.00");
        assertThat(cut.reason()).isNull();
    }

    @Test
    void shouldGrantTheWholeRequestBelowTheCap() {
        EnterpriseCap.Cut cut = EnterpriseCap.apply(new BigDecimal("1000000"), CAP, new BigDecimal("1000000"));

        assertThat(cut.granted()).isEqualByComparingTo("1000000");
        assertThat(cut.reason()).isNull();
    }

    @Test
    void shouldGrantTheWholeRequestThatReachesTheCapExactly() {
        EnterpriseCap.Cut cut = EnterpriseCap.apply(new BigDecimal("1000000"), CAP, new BigDecimal("2000000"));

        assertThat(cut.granted()).isEqualByComparingTo("1000000");
        assertThat(cut.reason()).isNull();
    }

    @Test
    void shouldCutARequestOneFenOverTheCapByOneFen() {
        EnterpriseCap.Cut cut = EnterpriseCap.apply(new BigDecimal("1000000.01"), CAP, new BigDecimal("2000000"));

        assertThat(cut.granted()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(cut.reason()).isEqualTo(
                "单个企业奖补累计不超过300万元,已获奖补 2,000,000.00 元,本次申请 1,000,000.01 元,核减为 1,000,000.00 元");
    }

    @Test
    void shouldCutToWhatIsLeftAndSayWhy() {
        EnterpriseCap.Cut cut = EnterpriseCap.apply(new BigDecimal("500000"), CAP, new BigDecimal("2800000"));

        assertThat(cut.granted()).isEqualTo(new BigDecimal("200000.00"));
        assertThat(cut.exhausted()).isFalse();
        assertThat(cut.reason()).isEqualTo(
                "单个企业奖补累计不超过300万元,已获奖补 2,800,000.00 元,本次申请 500,000.00 元,核减为 200,000.00 元");
    }

    @Test
    void shouldGrantNothingOnceTheCapIsUsedUp() {
        EnterpriseCap.Cut cut = EnterpriseCap.apply(new BigDecimal("100000"), new BigDecimal("500000"),
                new BigDecimal("500000"));

        assertThat(cut.exhausted()).isTrue();
        assertThat(cut.granted()).isEqualTo(new BigDecimal("0.00"));
        assertThat(cut.reason()).isEqualTo(
                "单个企业奖补累计不超过50万元,已获奖补 500,000.00 元,额度已用完,本次申请 100,000.00 元 不予奖补");
    }

    @Test
    void shouldGrantNothingWhenEarlierAwardsExceedALoweredCap() {
        EnterpriseCap.Cut cut = EnterpriseCap.apply(new BigDecimal("1"), new BigDecimal("1000000"),
                new BigDecimal("1200000"));

        assertThat(cut.exhausted()).isTrue();
    }

    @Test
    void shouldRoundHalfUpToTheFen() {
        EnterpriseCap.Cut uncapped = EnterpriseCap.apply(new BigDecimal("100.005"), null, BigDecimal.ZERO);
        EnterpriseCap.Cut capped = EnterpriseCap.apply(new BigDecimal("100.005"), new BigDecimal("100.004"),
                new BigDecimal("0.004"));

        assertThat(uncapped.granted()).isEqualTo(new BigDecimal("100.01"));
        assertThat(capped.granted()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void shouldWriteCapsInWanAsThePoliciesDo() {
        assertThat(EnterpriseCap.wan(new BigDecimal("3000000"))).isEqualTo("300万元");
        assertThat(EnterpriseCap.wan(new BigDecimal("500000.00"))).isEqualTo("50万元");
        assertThat(EnterpriseCap.wan(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89 元");
    }
}

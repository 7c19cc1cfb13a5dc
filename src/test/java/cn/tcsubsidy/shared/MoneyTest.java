package cn.tcsubsidy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts as people read them: thousands separators, half-up to 0.01, and 万元. */
class MoneyTest {

    @Test
    void shouldGroupThousandsAndRoundHalfUp() {
        assertThat(Money.grouped(new BigDecimal("12000000"))).isEqualTo("12,000,000.00");
        assertThat(Money.grouped(new BigDecimal("7600000.455"))).isEqualTo("7,600,000.46");
        assertThat(Money.grouped(new BigDecimal("0.005"))).isEqualTo("0.01");
        assertThat(Money.grouped(new BigDecimal("999.994"))).isEqualTo("999.99");
        assertThat(Money.grouped(BigDecimal.ZERO)).isEqualTo("0.00");
        assertThat(Money.grouped(Money.MAX)).isEqualTo("999,999,999,999.99");
    }

    @Test
    void shouldWriteTextAmountsGroupedWithTheirUnit() {
        assertThat(Money.format(new BigDecimal("720000"))).isEqualTo("720,000.00 元");
        assertThat(Money.format(new BigDecimal("6999999.995"))).as("half-up to the cent").isEqualTo("7,000,000.00 元");
        assertThat(Money.format(new BigDecimal("999.994"))).isEqualTo("999.99 元");
        assertThat(Money.format(new BigDecimal("1000"))).isEqualTo("1,000.00 元");
        assertThat(Money.format(BigDecimal.ZERO)).isEqualTo("0.00 元");
        assertThat(Money.format(new BigDecimal("-50000.5"))).as("a negative difference keeps its sign").isEqualTo("-50,000.50 元");
        assertThat(Money.format(new BigDecimal("9999999999999999.99"))).as("no precision lost on a huge amount")
                .isEqualTo("9,999,999,999,999,999.99 元");
    }

    @Test
    void shouldKeepCommaAndDotWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Money.grouped(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.50");
            assertThat(Money.format(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.50 元");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shouldWriteTenThousandsHalfUpToTheCent() {
        assertThat(Money.toWan(new BigDecimal("12000000"))).isEqualByComparingTo("1200.00");
        assertThat(Money.toWan(new BigDecimal("12000000")).scale()).isEqualTo(2);
        assertThat(Money.toWan(new BigDecimal("150000"))).isEqualByComparingTo("15.00");
        assertThat(Money.toWan(new BigDecimal("12345"))).as("1.2345 万元, half-up").isEqualByComparingTo("1.23");
        assertThat(Money.toWan(new BigDecimal("12350"))).as("1.235 万元, half-up").isEqualByComparingTo("1.24");
        assertThat(Money.groupedWan(new BigDecimal("123456789.00"))).isEqualTo("12,345.68 万元");
    }
}

package cn.tcsubsidy.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** lpr-1y as deployed for Hekou and Huanggang: the 1-year LPR in force on a date. */
class LprTableTest extends AwardEngineSupport {

    /** Effective date and rate, newest first (the digest's list). */
    private static final String[][] LPR = {
            {"2025-05-20", "0.0300"}, {"2024-10-21", "0.0310"}, {"2024-07-22", "0.0335"}, {"2023-08-21", "0.0345"},
            {"2023-06-20", "0.0355"}, {"2022-08-22", "0.0365"}, {"2022-01-20", "0.0370"}, {"2021-12-20", "0.0380"},
            {"2020-04-20", "0.0385"}, {"2020-02-20", "0.0405"}, {"2019-11-20", "0.0415"}, {"2019-09-20", "0.0420"},
            {"2019-08-20", "0.0425"}};

    static Stream<Arguments> effectiveDates() {
        List<Arguments> cases = new ArrayList<>();
        for (String tenant : new String[] {"hekou", "huanggang"}) {
            for (String[] row : LPR) {
                cases.add(Arguments.of(tenant, row[0], row[1]));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> daysBeforeEffectiveDates() {
        List<Arguments> cases = new ArrayList<>();
        for (String tenant : new String[] {"hekou", "huanggang"}) {
            for (int i = 0; i < LPR.length - 1; i++) {
                cases.add(Arguments.of(tenant, LocalDate.parse(LPR[i][0]).minusDays(1).toString(), LPR[i + 1][1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("effectiveDates")
    void shouldApplyNewRateFromItsEffectiveDate(String tenant, String date, String rate) {
        assertThat(table(tenant).lpr(date)).isEqualByComparingTo(rate);
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("daysBeforeEffectiveDates")
    void shouldKeepPreviousRateOnDayBeforeEffectiveDate(String tenant, String date, String rate) {
        assertThat(table(tenant).lpr(date)).isEqualByComparingTo(rate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hekou", "huanggang"})
    void shouldFindRateOfWorkedExample(String tenant) {
        assertThat(table(tenant).lpr("2021-03-01")).isEqualByComparingTo("0.0385");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hekou", "huanggang"})
    void shouldHaveNoRateBeforeLprReform(String tenant) {
        assertThat(table(tenant).lpr("2019-08-19")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hekou", "huanggang"})
    void shouldKeepLatestRateUntilAdministratorAddsNewOne(String tenant) {
        assertThat(table(tenant).lpr("2030-01-01")).isEqualByComparingTo("0.0300");
    }
}

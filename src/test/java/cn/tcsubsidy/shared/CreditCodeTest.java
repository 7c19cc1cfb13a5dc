package cn.tcsubsidy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void shouldAcceptCodeWithCorrectCheckCharacter() {
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("91370503MA3C5X7Q3G")).isTrue();
    }

    @Test
    void shouldRefuseWrongCheckCharacterLengthOrAlphabet() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100I43")).as("I is not in the alphabet").isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void shouldRefuseCodesNoAuthorityIssuesEvenWithAMatchingCheckCharacter() {
        assertThat(CreditCode.isValid("000000000000000000")).as("all zeros").isFalse();
        assertThat(CreditCode.isValid(CreditCode.withCheckCharacter("91000000MA3C5X7Q3"))).as("no division").isFalse();
        assertThat(CreditCode.isValid(CreditCode.withCheckCharacter("9137050300000000" + "0"))).as("no entity").isFalse();
        assertThat(CreditCode.isValid(CreditCode.withCheckCharacter("B1370503MA3C5X7Q3"))).as("no such authority").isFalse();
        assertThat(CreditCode.isValid(CreditCode.withCheckCharacter("9137A503MA3C5X7Q3"))).as("division not digits").isFalse();
        assertThat(CreditCode.isValid(CreditCode.withCheckCharacter("91370503MA3C5X7Q3"))).isTrue();
    }

    @Test
    void shouldCompleteCodeWithItsCheckCharacter() {
        assertThat(CreditCode.withCheckCharacter("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
    }
}

package cn.tcsubsidy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValuesTest {

    @Test
    void shouldRoundMoneyHalfUpToTheFen() {
        FormValues f = new FormValues(Map.of("a", 7_600_000.455, "b", "0.005", "c", 12L));
        assertThat(f.money("a", "A", true)).isEqualByComparingTo("7600000.46");
        assertThat(f.money("b", "B", true)).isEqualByComparingTo("0.01");
        assertThat(f.money("c", "C", true)).isEqualByComparingTo("12.00");
        assertThat(f.valid()).isTrue();
    }

    @Test
    void shouldCountAbsentOptionalMoneyAsZeroAndRefuseAbsentRequiredMoney() {
        FormValues f = new FormValues(new HashMap<>());
        assertThat(f.money("x", "X", false)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(f.money("y", "计划总投资", true)).isNull();
        assertThat(f.errors()).extracting(FieldError::message).containsExactly("计划总投资不能为空");
    }

    @Test
    void shouldNameEveryRefusedField() {
        Map<String, Object> v = new HashMap<>();
        v.put("neg", -1);
        v.put("nan", Double.NaN);
        v.put("text", "abc");
        v.put("date", "2025-02-30");
        FormValues f = new FormValues(v);
        f.money("neg", "金额", true);
        f.money("nan", "比例", true);
        f.money("text", "数值", true);
        f.date("date", "日期", true);
        assertThat(f.errors()).extracting(FieldError::field).containsExactly("neg", "nan", "text", "date");
        assertThatThrownBy(f::throwIfInvalid).isInstanceOf(ValidationException.class).hasMessageContaining("金额不能为负数");
    }

    @Test
    void shouldReadDatesFromTheDatePickerAndBounds() {
        FormValues f = new FormValues(Map.of("d", "2025-09-30", "t", "2025-09-30T00:00:00", "s", 101, "j", 3.5));
        assertThat(f.date("d", "D", true)).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(f.date("t", "T", true)).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(f.bounded("s", "得分", true, BigDecimal.ZERO, BigDecimal.valueOf(100))).isNull();
        assertThat(f.wholeNumber("j", "人数", true, 0, 10)).isNull();
        assertThat(f.errors()).extracting(FieldError::message).containsExactly("得分应在 0 至 100 之间", "人数应为整数");
    }
}

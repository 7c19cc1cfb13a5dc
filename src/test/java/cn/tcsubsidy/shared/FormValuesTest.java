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

    @Test
    void shouldRefuseAmountsAboveTheBoundWithoutExpandingThem() {
        Map<String, Object> v = new HashMap<>();
        v.put("max", "999999999999.99");
        v.put("over", "999999999999.995");
        v.put("huge", "1e999999999");
        v.put("double", 1e308);
        v.put("integer", new java.math.BigInteger("9".repeat(400)));
        FormValues f = new FormValues(v);
        assertThat(f.money("max", "金额", true)).isEqualByComparingTo(Money.MAX);
        assertThat(f.money("over", "超额", true)).isNull();
        assertThat(f.money("huge", "巨额", true)).isNull();
        assertThat(f.money("double", "双精度", true)).isNull();
        assertThat(f.money("integer", "整数", true)).isNull();
        assertThat(f.errors()).extracting(FieldError::message).containsExactly(
                "超额数额过大(不能超过 999,999,999,999.99 元)", "巨额数额过大(不能超过 999,999,999,999.99 元)",
                "双精度数额过大(不能超过 999,999,999,999.99 元)", "整数数额过大(不能超过 999,999,999,999.99 元)");
    }

    @Test
    void shouldReadOnlyAsciiDigits() {
        FormValues f = new FormValues(Map.of("arabic", "١٢٣", "fullWidth", "１２３", "devanagari", "१२३", "ascii", " 123.5 ",
                "exponent", "1.5e3"));
        assertThat(f.money("arabic", "A", true)).isNull();
        assertThat(f.money("fullWidth", "B", true)).isNull();
        assertThat(f.wholeNumber("devanagari", "C", true, 0, 1000)).isNull();
        assertThat(f.money("ascii", "D", true)).isEqualByComparingTo("123.50");
        assertThat(f.money("exponent", "E", true)).isEqualByComparingTo("1500.00");
        assertThat(f.errors()).extracting(FieldError::message).containsExactly(
                "A不是有效数字(只接受半角数字 0-9)", "B不是有效数字(只接受半角数字 0-9)", "C不是有效数字(只接受半角数字 0-9)");
    }

    @Test
    void shouldTreatInvisibleTextAsEmptyAndRefuseControlCharacters() {
        Map<String, Object> v = new HashMap<>();
        v.put("controls", "\u0000\u0007");
        v.put("spaces", "\u3000\u00a0 ");
        v.put("zeroWidth", "\u200b\ufeff");
        v.put("bell", "企业\u0007");
        v.put("override", "企业\u202e");
        v.put("opinion", "第一行\n第二行\t完");
        v.put("multiLineName", "第一行\n第二行");
        v.put("punctuation", "……");
        v.put("padded", "\u3000 河口区示例企业 ");
        FormValues f = new FormValues(v);
        assertThat(f.has("controls")).isFalse();
        assertThat(f.text("controls", "甲", true, 10)).isNull();
        assertThat(f.text("spaces", "乙", true, 10)).isNull();
        assertThat(f.name("zeroWidth", "丙", true, 10)).isNull();
        assertThat(f.name("bell", "丁", true, 10)).isNull();
        assertThat(f.text("override", "戊", true, 10)).isNull();
        assertThat(f.text("opinion", "意见", true, 100)).isEqualTo("第一行\n第二行\t完");
        assertThat(f.name("multiLineName", "己", true, 100)).isNull();
        assertThat(f.name("punctuation", "庚", true, 100)).isNull();
        assertThat(f.name("padded", "名称", true, 100)).isEqualTo("河口区示例企业");
        assertThat(f.errors()).extracting(FieldError::message).containsExactly("甲不能为空", "乙不能为空", "丙不能为空",
                "丁含有控制字符或不可见字符,请删除后重新填写", "戊含有控制字符或不可见字符,请删除后重新填写",
                "己含有控制字符或不可见字符,请删除后重新填写", "庚应包含文字或数字");
    }

    @Test
    void shouldReadATypedDateAsItsDayInBeijingWhateverTheJvmsZone() {
        java.util.TimeZone jvm = java.util.TimeZone.getDefault();
        try {
            for (String zone : java.util.List.of("UTC", "America/Los_Angeles", "Asia/Tokyo", "Asia/Shanghai")) {
                java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
                // 2025-03-01 00:30 in Beijing is still 2025-02-28 in UTC and Los Angeles.
                java.util.Date justAfterMidnight = java.util.Date.from(java.time.OffsetDateTime
                        .parse("2025-03-01T00:30:00+08:00").toInstant());
                java.util.Date justBeforeMidnight = java.util.Date.from(java.time.OffsetDateTime
                        .parse("2025-02-28T23:30:00+08:00").toInstant());
                FormValues f = new FormValues(Map.of("a", justAfterMidnight, "b", justBeforeMidnight));
                assertThat(f.date("a", "A", true)).as(zone).isEqualTo(LocalDate.of(2025, 3, 1));
                assertThat(f.date("b", "B", true)).as(zone).isEqualTo(LocalDate.of(2025, 2, 28));
            }
        } finally {
            java.util.TimeZone.setDefault(jvm);
        }
    }

    @Test
    void shouldRefuseDatesOutsideTheCenturyAndImpossibleTimes() {
        Map<String, Object> v = new HashMap<>();
        v.put("first", "2000-01-01");
        v.put("last", "2100-12-31T23:59:59");
        v.put("before", "1999-12-31");
        v.put("after", "2101-01-01");
        v.put("legacy", new java.util.Date(0));
        v.put("noSuchDay", "2025-02-30");
        v.put("noSuchHour", "2025-01-01T25:00:00");
        v.put("zoned", "2025-01-01T00:00:00+08:00");
        FormValues f = new FormValues(v);
        assertThat(f.date("first", "A", true)).isEqualTo(FormValues.EARLIEST);
        assertThat(f.date("last", "B", true)).isEqualTo(FormValues.LATEST);
        assertThat(f.date("before", "C", true)).isNull();
        assertThat(f.date("after", "D", true)).isNull();
        assertThat(f.date("legacy", "E", true)).isNull();
        assertThat(f.date("noSuchDay", "F", true)).isNull();
        assertThat(f.date("noSuchHour", "G", true)).isNull();
        assertThat(f.date("zoned", "H", true)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(f.errors()).extracting(FieldError::message).containsExactly(
                "C应在 2000-01-01 至 2100-12-31 之间", "D应在 2000-01-01 至 2100-12-31 之间",
                "E应在 2000-01-01 至 2100-12-31 之间", "F不是有效日期(应为 yyyy-MM-dd):2025-02-30",
                "G不是有效日期(应为 yyyy-MM-dd):2025-01-01T25:00:00");
    }
}

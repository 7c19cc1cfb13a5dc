package cn.tcsubsidy.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readable view of the shipped Hekou award tables, cell by cell. */
class DmnTablesTest {

    static ReadableTable table(List<ReadableTable> tables, String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    static ReadableRow row(ReadableTable t, String ruleId) {
        return t.rows().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    static String cell(ReadableTable t, String ruleId, String labelStart) {
        List<String> columns = new java.util.ArrayList<>(t.inputs());
        columns.addAll(t.outputs());
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).startsWith(labelStart)) {
                return row(t, ruleId).cells().get(i);
            }
        }
        throw new AssertionError("no column " + labelStart + " in " + columns);
    }

    @Test
    void shouldReadTheHekouTermsAsABureauReadsThem() throws Exception {
        List<ReadableTable> tables = DmnTables.read(Files.readAllBytes(Path.of("dmn/hekou/hekou-award.dmn")), "hekou");
        assertThat(tables).extracting(ReadableTable::key).containsExactly("tc-award", "tc-award-refusals", "tc-award-terms");
        ReadableTable terms = table(tables, "tc-award-terms");
        assertThat(terms.name()).isEqualTo("河口区奖补方案(比例、基数、定额、上限)");
        assertThat(terms.hitPolicy()).isEqualTo("FIRST");
        assertThat(terms.inputs()).containsExactly("奖补类别", "认定级别", "总投资(元)");

        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "奖补类别")).isEqualTo("直接奖补(DIRECT_SUBSIDY)");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "认定级别")).isEqualTo("任意");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "奖补比例")).isEqualTo("6%");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "定额奖励")).isEqualTo("—");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "单个项目上限")).isEqualTo("1,000,000 元(100万元)");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "单个企业上限的累计范围")).isEqualTo("该企业本类别累计(CATEGORY)");
        assertThat(cell(terms, "Rule_Terms_DirectSubsidy", "比例为上限")).isEqualTo("是");
        assertThat(cell(terms, "Rule_Terms_LoanInterest", "奖补比例")).isEqualTo("lpr * 0.25");
        assertThat(cell(terms, "Rule_Terms_StatsEntryTwentyMillion", "总投资")).isEqualTo("≥ 20,000,000 元(2000万元)");
        assertThat(cell(terms, "Rule_Terms_StatsEntryFiveMillion", "总投资"))
                .isEqualTo("5,000,000 元(500万元)(含)至 20,000,000 元(2000万元)(不含)");
        assertThat(cell(terms, "Rule_Terms_PilotDemo", "认定级别")).isEqualTo("市级(CITY)、省级(PROVINCE)、国家级(NATIONAL)");
        assertThat(row(terms, "Rule_Terms_DirectSubsidy").source()).startsWith("东河政发〔2020〕5号 三(一):“给予直接奖补的");
        assertThat(row(terms, "Rule_Terms_UnknownCategory").source()).isEqualTo("河口区政策未设该奖补类别");

        ReadableTable refusals = table(tables, "tc-award-refusals");
        assertThat(cell(refusals, "Rule_Refusals_OutsideValidity", "政策适用日"))
                .isEqualTo("不在 2020年9月21日 至 2022年12月31日 之间");
        assertThat(cell(refusals, "Rule_Refusals_UnderTotalInvestment", "奖补类别"))
                .isEqualTo("直接奖补(DIRECT_SUBSIDY)、贷款贴息(LOAN_INTEREST)");
        assertThat(cell(refusals, "Rule_Refusals_UnderTotalInvestment", "总投资")).isEqualTo("< 5,000,000 元(500万元)");
        assertThat(cell(refusals, "Rule_Refusals_PolicyDateMissing", "政策适用日")).isEqualTo("空");
        assertThat(row(refusals, "Rule_Refusals_OutsideValidity").source()).contains("本意见自2020年9月21日起施行");
    }

    @Test
    void shouldWriteMoneyAndRatesExactly() {
        assertThat(ReadableCells.money(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89 元(123.456789万元)");
        assertThat(ReadableCells.money(new BigDecimal("500"))).isEqualTo("500 元");
        assertThat(ReadableCells.money(new BigDecimal("1000"))).isEqualTo("1,000 元(0.1万元)");
        assertThat(ReadableCells.number(new BigDecimal("0.0385"), ReadableCells.Kind.RATIO)).isEqualTo("3.85%");
        ReadableCells cells = new ReadableCells(null);
        assertThat(cells.input("< 0.5", ReadableCells.Kind.RATIO, true)).isEqualTo("< 50%");
        assertThat(cells.input("<= 2027", ReadableCells.Kind.OTHER, true)).isEqualTo("≤ 2027");
        assertThat(cells.output("1", ReadableCells.Kind.RATIO, true)).isEqualTo("100%");
        assertThat(cells.output("\"2025-05-20\"", ReadableCells.Kind.OTHER, true)).isEqualTo("2025年5月20日");
        assertThat(cells.input("[date(\"2021-01-01\")..date(\"2021-12-31\")]", ReadableCells.Kind.OTHER, true))
                .isEqualTo("2021年1月1日(含)至 2021年12月31日(含)");
        assertThat(cells.input("not(\"A\", \"B\")", ReadableCells.Kind.OTHER, true)).isEqualTo("不是 A、B");
        assertThat(cells.input("sum([a, b]) > 3", ReadableCells.Kind.OTHER, true)).isEqualTo("sum([a, b]) > 3");
    }
}

package cn.tcsubsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.EngineConfiguration;
import cn.tcsubsidy.engine.guard.DecisionTableCheck;
import cn.tcsubsidy.rules.guardrail.Violation;
import cn.tcsubsidy.rules.process.TableGuardrails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy guardrails tried on the shipped tables and on tables an administrator broke. */
class RuleGuardrailsTest {

    static final DecisionTableCheck LANGUAGE = DecisionTableCheck.forShippedTables(List.of("hekou", "huanggang", "yanzhou",
            "jiyuan", "liaocheng"));
    static final TableGuardrails GUARDRAILS = new TableGuardrails(EngineConfiguration.feelOnlyDmnEngine().buildEngine(),
            LANGUAGE);

    static String table(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    static List<Violation> check(String tenant, String name, String xml) {
        return new TableGuardrails(GUARDRAILS.dmn(), LANGUAGE).check(tenant, Map.of(name, xml.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng"})
    void shouldPassEveryShippedTableOfTheJurisdiction(String tenant) throws IOException {
        try (var files = Files.list(Path.of("dmn", tenant))) {
            for (Path f : files.toList()) {
                long started = System.nanoTime();
                TableGuardrails fresh = new TableGuardrails(GUARDRAILS.dmn(), LANGUAGE);
                List<Violation> found = fresh.check(tenant, Map.of(f.getFileName().toString(), Files.readAllBytes(f)));
                System.out.printf("guardrails %s %s: %d award cases, %d ms%n", tenant, f.getFileName(),
                        fresh.lastCaseCount(), (System.nanoTime() - started) / 1_000_000);
                assertThat(found).as(f.toString()).isEmpty();
            }
        }
    }

    @Test
    void shouldRefuseAHekouDirectSubsidyRateAboveSixPercent() throws IOException {
        String nine = table("dmn/hekou/hekou-award.dmn").replace("<text>0.06</text>", "<text>0.09</text>");
        List<Violation> found = check("hekou", "hekou-award.dmn", nine);
        assertThat(found).extracting(Violation::invariant)
                .contains("直接奖补不超过实际设备投资额的6%,单个项目不超过100万元", "DIRECT_SUBSIDY 的比例不得超过 6%");
        Violation amount = found.stream().filter(v -> v.invariant().startsWith("直接奖补")).findFirst().orElseThrow();
        assertThat(amount.source()).contains("最高不超过6%");
        assertThat(amount.example()).contains("DIRECT_SUBSIDY").contains("政策上限");
    }

    @Test
    void shouldAcceptALowerRateWithinTheCeiling() throws IOException {
        String five = table("dmn/hekou/hekou-award.dmn").replace("<text>0.06</text>", "<text>0.05</text>");
        assertThat(check("hekou", "hekou-award.dmn", five)).isEmpty();
    }

    @Test
    void shouldRefuseATableMissingACategory() throws IOException {
        String xml = table("dmn/liaocheng/liaocheng-award.dmn").replace("<text>\"EQUIPMENT\"</text>", "<text>\"EQUIPMENT_X\"</text>");
        assertThat(check("liaocheng", "liaocheng-award.dmn", xml)).extracting(Violation::invariant)
                .contains("奖补类别 EQUIPMENT 不得缺失:政策规定的类别在规则表中必须仍可获得奖补");
    }

    @Test
    void shouldRefuseAYanzhouTableThatNoLongerRefusesClassD() throws IOException {
        String xml = table("dmn/yanzhou/yanzhou-award.dmn");
        int rule = xml.indexOf("亩产效益评价为D类的企业不予支持");
        int start = xml.lastIndexOf("<rule ", rule);
        int end = xml.indexOf("</rule>", rule) + "</rule>".length();
        List<Violation> found = check("yanzhou", "yanzhou-award.dmn", xml.substring(0, start) + xml.substring(end));
        assertThat(found).extracting(Violation::invariant).contains("亩产效益评价为D类的企业不予支持");
        assertThat(found.stream().filter(v -> v.invariant().startsWith("亩产")).findFirst().orElseThrow().example())
                .contains("D 类");
    }

    @Test
    void shouldRefuseAHuanggangTableThatPaysAboveTheFiledScheme() throws IOException {
        String xml = table("dmn/huanggang/huanggang-award.dmn").replace("<text>schemeRate</text>", "<text>schemeRate * 2</text>");
        assertThat(check("huanggang", "huanggang-award.dmn", xml)).extracting(Violation::invariant)
                .anyMatch(i -> i.startsWith("奖补不超过备案的年度专项奖补方案"));
    }

    @Test
    void shouldRefuseARewrittenPublishedLpr() throws IOException {
        String xml = table("dmn/hekou/lpr-1y.dmn").replace("<text>0.0385</text>", "<text>3.85</text>");
        assertThat(check("hekou", "lpr-1y.dmn", xml)).extracting(Violation::invariant)
                .anyMatch(i -> i.startsWith("已公布的LPR不得改写:2020-04-20 起为 3.85%"));
    }

    @Test
    void shouldRefuseAHuanggangPoolThresholdMovedAndARoundCalendarOutOfNovember() throws IOException {
        String pool = table("dmn/huanggang/huanggang-pipeline.dmn").replace(">= 20000000", ">= 30000000")
                .replace("&lt; 20000000", "&lt; 30000000");
        assertThat(check("huanggang", "huanggang-pipeline.dmn", pool)).extracting(Violation::invariant)
                .contains("总投资2000万元以上纳入市级库(CITY),以下纳入县级库(COUNTY)");
        String calendar = table("dmn/hekou/hekou-pipeline.dmn").replace("date(roundYear, 11, 30)", "date(roundYear, 10, 31)");
        assertThat(check("hekou", "hekou-pipeline.dmn", calendar)).extracting(Violation::invariant)
                .contains("河口区每年11月推荐上年度(1月1日至12月31日)竣工的项目");
    }

    @Test
    void shouldRefuseATableThatDropsAnOutputColumnTheAppReads() throws IOException {
        String xml = table("dmn/liaocheng/liaocheng-award.dmn").replace("name=\"capScope\"", "name=\"capScopeX\"");
        assertThat(check("liaocheng", "liaocheng-award.dmn", xml)).extracting(Violation::invariant)
                .anyMatch(i -> i.startsWith("输出列不得缺失:capScope"));
    }

    @Test
    void shouldNeverEvaluateATableInAnotherExpressionLanguage() throws IOException {
        String juel = table("dmn/liaocheng/liaocheng-award.dmn").replaceFirst("<decision ", "<decision expressionLanguage=\"juel\" ");
        List<Violation> found = check("liaocheng", "liaocheng-award.dmn", juel);
        assertThat(found).singleElement().extracting(Violation::invariant).asString().contains("只能使用 FEEL");
    }
}

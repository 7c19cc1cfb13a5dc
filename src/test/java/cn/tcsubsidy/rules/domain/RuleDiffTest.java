package cn.tcsubsidy.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readable diff on the shipped Hekou award tables. */
class RuleDiffTest {

    static byte[] hekou() throws Exception {
        return Files.readAllBytes(Path.of("dmn/hekou/hekou-award.dmn"));
    }

    static String hekouText() throws Exception {
        return Files.readString(Path.of("dmn/hekou/hekou-award.dmn"));
    }

    @Test
    void shouldNameTheOneChangedRateOfDirectSubsidy() throws Exception {
        String before = "<outputEntry id=\"OutputEntry_Terms_DirectSubsidy_BaseRate\"><text>0.06</text>";
        assertThat(hekouText()).contains(before);
        byte[] changed = hekouText().replace(before,
                "<outputEntry id=\"OutputEntry_Terms_DirectSubsidy_BaseRate\"><text>0.09</text>")
                .getBytes(StandardCharsets.UTF_8);

        List<RuleChange> changes = RuleDiff.between(hekou(), changed);

        assertThat(changes).containsExactly(new RuleChange("tc-award-terms", RuleChange.ROW_CHANGED,
                "Rule_Terms_DirectSubsidy", "tc-award-terms 第1行(直接奖补):奖补比例 6% → 9%"));
    }

    @Test
    void shouldFindNothingBetweenTheSameTables() throws Exception {
        assertThat(RuleDiff.between(hekou(), hekou())).isEmpty();
    }

    @Test
    void shouldNameARemovedRow() throws Exception {
        String text = hekouText();
        int start = text.indexOf("<rule id=\"Rule_Terms_PilotDemoBelowCityLevel\">");
        int end = text.indexOf("</rule>", start) + "</rule>".length();
        byte[] removed = (text.substring(0, start) + text.substring(end)).getBytes(StandardCharsets.UTF_8);

        List<RuleChange> changes = RuleDiff.between(hekou(), removed);

        assertThat(changes).hasSize(1);
        RuleChange c = changes.get(0);
        assertThat(c.kind()).isEqualTo(RuleChange.ROW_REMOVED);
        assertThat(c.table()).isEqualTo("tc-award-terms");
        assertThat(c.ruleId()).isEqualTo("Rule_Terms_PilotDemoBelowCityLevel");
        assertThat(c.text()).isEqualTo("tc-award-terms 删除原第7行(试点示范)");
    }

    @Test
    void shouldNameAnAddedRowAColumnAndTheHitPolicy() throws Exception {
        String text = hekouText();
        String copy = text.substring(text.indexOf("<rule id=\"Rule_Terms_PilotDemo\">"),
                text.indexOf("<rule id=\"Rule_Terms_PilotDemoBelowCityLevel\">"));
        String added = copy.replace("Rule_Terms_PilotDemo", "Rule_Terms_PilotDemoCounty")
                .replace("<text>\"CITY\",\"PROVINCE\",\"NATIONAL\"</text>", "<text>\"COUNTY\"</text>")
                .replace("<text>50000</text>", "<text>20000</text>");
        String changed = text.replace("<rule id=\"Rule_Terms_PilotDemoBelowCityLevel\">",
                added + "<rule id=\"Rule_Terms_PilotDemoBelowCityLevel\">")
                .replace("<decisionTable id=\"DecisionTable_Refusals\" hitPolicy=\"COLLECT\">",
                        "<decisionTable id=\"DecisionTable_Refusals\" hitPolicy=\"RULE ORDER\">");

        List<RuleChange> changes = RuleDiff.between(hekou(), changed.getBytes(StandardCharsets.UTF_8));

        assertThat(changes).extracting(RuleChange::kind)
                .containsExactly(RuleChange.HIT_POLICY_CHANGED, RuleChange.ROW_ADDED);
        assertThat(changes.get(0).text()).isEqualTo("tc-award-refusals 命中策略 COLLECT(全部命中) → RULE ORDER(按规则顺序)");
        assertThat(changes.get(1).ruleId()).isEqualTo("Rule_Terms_PilotDemoCounty");
        assertThat(changes.get(1).text()).startsWith("tc-award-terms 新增第7行(试点示范;县级):")
                .contains("定额奖励 20,000 元(2万元)");
    }

    @Test
    void shouldNameARowMovedUnderTheFirstHitPolicy() throws Exception {
        String text = hekouText();
        int start = text.indexOf("<rule id=\"Rule_Terms_UnknownCategory\">");
        int end = text.indexOf("</rule>", start) + "</rule>".length();
        String row = text.substring(start, end);
        String first = "<rule id=\"Rule_Terms_DirectSubsidy\">";
        String moved = (text.substring(0, start) + text.substring(end)).replace(first, row + first);

        List<RuleChange> changes = RuleDiff.between(hekou(), moved.getBytes(StandardCharsets.UTF_8));

        assertThat(changes).containsExactly(new RuleChange("tc-award-terms", RuleChange.ROW_CHANGED,
                "Rule_Terms_UnknownCategory", "tc-award-terms 第1行(任意条件):顺序 原第8行 → 第1行"));
    }

    @Test
    void shouldNotCountAMoveWhereTheOrderDoesNotDecide() throws Exception {
        String text = hekouText();
        int start = text.indexOf("<rule id=\"Rule_Refusals_PilotDemoCertificateMissing\">");
        int end = text.indexOf("</rule>", start) + "</rule>".length();
        String row = text.substring(start, end);
        String first = "<rule id=\"Rule_Refusals_PolicyDateMissing\">";
        String moved = (text.substring(0, start) + text.substring(end)).replace(first, row + first);

        assertThat(RuleDiff.between(hekou(), moved.getBytes(StandardCharsets.UTF_8))).as("COLLECT").isEmpty();
    }

    @Test
    void shouldAddEveryDecisionWithoutAnOldVersion() throws Exception {
        assertThat(RuleDiff.between(null, hekou())).extracting(RuleChange::table, RuleChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tc-award", RuleChange.DECISION_ADDED),
                org.assertj.core.groups.Tuple.tuple("tc-award-refusals", RuleChange.DECISION_ADDED),
                org.assertj.core.groups.Tuple.tuple("tc-award-terms", RuleChange.DECISION_ADDED));
    }

    @Test
    void shouldRefuseADoctype() {
        byte[] evil = ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\">&x;</definitions>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RuleDiff.between(null, evil)).isInstanceOf(UnreadableTableException.class);
    }
}

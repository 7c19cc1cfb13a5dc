package cn.tcsubsidy.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.jurisdiction.AwardCategories;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * The completion report's form shows a category's own fields (亩产效益, 机器人投资, 认定证书 …) exactly for the
 * jurisdictions and categories whose award tables read them or whose completion rules ask for them, and for no other:
 * every field's FEEL {@code conditional.hide} is evaluated with Camunda's FEEL engine for every jurisdiction × category
 * and compared with what the shipped tables and {@link CompletionRules} say.
 */
class CompletionFormFieldsTest {

    static final Path FORM = Path.of("forms", "report-completion.form");
    static final List<String> JURISDICTIONS = List.of("hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng");

    /** Form component (key, or the group's/list's label start) → the variables the tables read for it. */
    static final Map<String, List<String>> READS = new LinkedHashMap<>();

    static {
        READS.put("robotInvestment", List.of("robotInvestment"));
        READS.put("informatizationInvestment", List.of("informatizationInvestment"));
        READS.put("nationalFunding", List.of("nationalFunding"));
        READS.put("purchasePrice", List.of("purchasePrice"));
        READS.put("mujuanClass", List.of("mujuanClass"));
        READS.put("echelonListed", List.of("echelonListed"));
        READS.put("productionStartDate", List.of("productionStartDate"));
        READS.put("localMade", List.of("localMade"));
        READS.put("listingYear", List.of("listingYear"));
        READS.put("认定证书", List.of("certificationLevel", "certificateNo", "certificateDate"));
        READS.put("贷款贴息", List.of("loanDrawnAmount", "loanContractNo", "loanContractAmount"));
        READS.put("技改共同体", List.of("clusterMembers"));
    }

    final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    /** What the completion rules themselves ask for, beyond what the tables read. */
    static boolean asked(String component, String jurisdiction, String category) {
        return switch (component) {
            case "认定证书" -> CompletionRules.needsCertificate(jurisdiction, category);
            case "productionStartDate" -> CompletionRules.needsProductionStart(jurisdiction, category);
            case "贷款贴息" -> CompletionRules.needsLoan(category);
            case "localMade" -> CompletionRules.FIRST_SET.equals(category);
            case "listingYear" -> CompletionRules.INNOVATION_CENTER.equals(category);
            case "技改共同体" -> CompletionRules.CLUSTER.equals(category);
            default -> false;
        };
    }

    @Test
    void shouldShowEachCategorysFieldsExactlyWhereTheRulesReadThem() throws IOException {
        Map<String, String> hide = hideExpressions();
        assertThat(hide.keySet()).containsExactlyInAnyOrderElementsOf(READS.keySet());
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (String j : JURISDICTIONS) {
            List<DmnModelInstance> tables = awardTables(j);
            for (String category : AwardCategories.of(j).keySet()) {
                for (Map.Entry<String, List<String>> c : READS.entrySet()) {
                    boolean expected = asked(c.getKey(), j, category)
                            || c.getValue().stream().anyMatch(v -> tablesRead(tables, category, v));
                    boolean shown = !hidden(hide.get(c.getKey()), j, category);
                    cases++;
                    if (shown != expected) {
                        wrong.add(j + "/" + category + " " + c.getKey() + (expected ? " 应显示" : " 不应显示"));
                    }
                }
            }
        }
        assertThat(wrong).as("jurisdiction/category fields").isEmpty();
        assertThat(cases).isEqualTo(READS.size() * 25);
    }

    @Test
    void shouldAskTheFilingForTheLoanExactlyWhereTheTablesReadIt() throws IOException {
        Map<String, String> hide = new LinkedHashMap<>();
        collect(new ObjectMapper().readTree(Path.of("forms", "file-project.form").toFile()).get("components"), hide);
        List<String> wrong = new ArrayList<>();
        for (String j : JURISDICTIONS) {
            List<DmnModelInstance> tables = awardTables(j);
            for (String category : AwardCategories.of(j).keySet()) {
                boolean expected = tablesRead(tables, category, "loanAmount");
                for (String key : List.of("loanAmount", "loanBank")) {
                    if (hidden(hide.get(key), j, category) == expected) {
                        wrong.add(j + "/" + category + " " + key + (expected ? " 应显示" : " 不应显示"));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldShowTheSharedFiguresToEveryone() throws IOException {
        JsonNode form = new ObjectMapper().readTree(FORM.toFile());
        Set<String> always = Set.of("completionDate", "actualTotalInvestment", "actualEquipmentInvestment",
                "completionNote");
        for (JsonNode c : form.get("components")) {
            if (c.has("key") && always.contains(c.get("key").asText())) {
                assertThat(c.has("conditional")).as(c.get("key").asText()).isFalse();
            }
        }
    }

    boolean hidden(String expression, String jurisdiction, String category) {
        Object value = feel.evaluateSimpleExpression(expression.substring(1), Variables.createVariables()
                .putValue("jurisdiction", jurisdiction).putValue("category", category).asVariableContext());
        return Boolean.TRUE.equals(value);
    }

    static Map<String, String> hideExpressions() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        collect(new ObjectMapper().readTree(FORM.toFile()).get("components"), out);
        return out;
    }

    static void collect(JsonNode components, Map<String, String> out) {
        for (JsonNode c : components) {
            if (c.has("conditional")) {
                String name = c.has("key") ? c.get("key").asText()
                        : READS.keySet().stream().filter(k -> c.path("label").asText().startsWith(k)).findFirst()
                                .orElse(c.path("label").asText());
                out.put(name, c.get("conditional").get("hide").asText());
            }
            if (c.has("components")) {
                collect(c.get("components"), out);
            }
        }
    }

    static List<DmnModelInstance> awardTables(String jurisdiction) throws IOException {
        List<DmnModelInstance> out = new ArrayList<>();
        try (var files = Files.list(Path.of("dmn", jurisdiction))) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith("-award.dmn")).toList()) {
                out.add(Dmn.readModelFromFile(p.toFile()));
            }
        }
        return out;
    }

    /** Whether a rule that applies to the category reads the variable (in an input it tests, or an output). */
    static boolean tablesRead(List<DmnModelInstance> models, String category, String variable) {
        for (DmnModelInstance model : models) {
            for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
                List<String> inputs = table.getInputs().stream()
                        .map(i -> text(i.getInputExpression() == null ? null : i.getInputExpression().getText()))
                        .toList();
                int categoryColumn = inputs.indexOf("category");
                for (Rule rule : table.getRules()) {
                    List<String> entries = rule.getInputEntries().stream().map(InputEntry::getText)
                            .map(CompletionFormFieldsTest::text).toList();
                    if (categoryColumn >= 0 && !applies(entries.get(categoryColumn), category)) {
                        continue;
                    }
                    for (int i = 0; i < entries.size(); i++) {
                        if (!entries.get(i).isEmpty() && !entries.get(i).equals("-")
                                && (inputs.get(i).contains(variable) || entries.get(i).contains(variable))) {
                            return true;
                        }
                    }
                    for (OutputEntry o : rule.getOutputEntries()) {
                        if (text(o.getText()).contains(variable)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    static boolean applies(String categoryEntry, String category) {
        if (categoryEntry.isEmpty() || categoryEntry.equals("-")) {
            return true;
        }
        Set<String> listed = new TreeSet<>();
        for (String part : categoryEntry.split(",")) {
            listed.add(part.strip().replace("\"", ""));
        }
        return listed.contains(category);
    }

    static String text(org.camunda.bpm.model.dmn.instance.Text t) {
        return t == null || t.getTextContent() == null ? "" : t.getTextContent().strip();
    }

}

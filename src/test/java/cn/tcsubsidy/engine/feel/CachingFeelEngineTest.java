package cn.tcsubsidy.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.engine.EngineConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The caching FEEL engine gives exactly what Camunda's own Scala FEEL engine gives: the same value or the same failure
 * message, for every expression and every unary test of every shipped table, on several inputs; the DMN engine the
 * application builds uses it; custom functions set on the DMN configuration still apply; it is safe on many threads;
 * its cache stays bounded.
 */
class CachingFeelEngineTest {

    private final FeelEngine stock = new ScalaFeelEngine(null);
    private final CachingFeelEngine caching = new CachingFeelEngine(null);

    /** The texts of every shipped table: input expressions and output entries (simple expressions), input entries. */
    record Texts(Set<String> expressions, Set<String> unaryTests) {
    }

    static Texts shippedTexts() throws IOException {
        Set<String> expressions = new LinkedHashSet<>();
        Set<String> unaryTests = new LinkedHashSet<>();
        Pattern cell = Pattern.compile("<(inputExpression|inputEntry|outputEntry)\\b[^>]*>\\s*<text>(.*?)</text>",
                Pattern.DOTALL);
        try (Stream<Path> files = Files.walk(Path.of("dmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                Matcher m = cell.matcher(Files.readString(file));
                while (m.find()) {
                    String text = unescape(m.group(2));
                    if (text.isBlank()) {
                        continue;
                    }
                    (m.group(1).equals("inputEntry") ? unaryTests : expressions).add(text);
                }
            }
        }
        return new Texts(expressions, unaryTests);
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** Inputs as the quote passes them (figures, dates as ISO text, years as Integer), plus empty and odd ones. */
    static List<VariableMap> contexts() {
        List<VariableMap> contexts = new ArrayList<>();
        for (String category : new String[] {"TECH_RETROFIT", "FIRST_SET", "GREEN", "INNOVATION_CENTER", "NOPE"}) {
            contexts.add(Variables.createVariables().putValue("category", category)
                    .putValue("applicationDate", "2018-03-01").putValue("policyDate", "2018-03-01")
                    .putValue("awardYear", 2018).putValue("listingYear", 2016)
                    .putValue("completedInvestmentThisYear", new BigDecimal("4999999.99"))
                    .putValue("totalInvestment", new BigDecimal("30000000")).putValue("equipmentInvestment", 5000000L)
                    .putValue("rdInvestment", new BigDecimal("1000000")).putValue("certificateNo", "  ")
                    .putValue("certificateDate", "2016-12-31").putValue("productionStartDate", "2019-01-01")
                    .putValue("localMade", false).putValue("schemeRate", new BigDecimal("0.03"))
                    .putValue("refusals", List.of("a", "b")).putValue("evidenceRefusals", null)
                    .putValue("termsRefusal", "c").putValue("expertScore", 85).putValue("lpr", new BigDecimal("0.0345")));
        }
        contexts.add(Variables.createVariables());
        contexts.add(Variables.createVariables().putValue("category", null).putValue("policyDate", null)
                .putValue("awardYear", null).putValue("applicationDate", "not a date"));
        return contexts;
    }

    /** Values a table cell's input can have after its type transform. */
    static final Object[] INPUTS = {null, "TECH_RETROFIT", "FIRST_SET", "PROVINCE", "", "TECH_RETROFIT ", "D",
            new BigDecimal("4999999.99"), 5000000L, 0, -1.5d, true, false, LocalDate.of(2017, 8, 1),
            LocalDate.of(2018, 12, 31), 2, List.of("x")};

    /** A failure's message, or the value. */
    private static Object outcome(Callable<Object> evaluation) {
        try {
            return evaluation.call();
        } catch (Exception e) {
            return "failure " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void shouldAgreeWithCamundasEngineOnEveryShippedExpressionAndUnaryTest() throws IOException {
        Texts texts = shippedTexts();
        assertThat(texts.expressions()).hasSizeGreaterThan(100);
        assertThat(texts.unaryTests()).hasSizeGreaterThan(50);
        // Text that does not parse, an external function (refused by validation), a failing call, an assertion.
        List<String> expressions = new ArrayList<>(texts.expressions());
        expressions.addAll(List.of("1 +", "date(", "function(x) external {java:{class:\"java.lang.System\","
                + "method signature:\"exit(int)\"}}", "date(\"x\")", "assert(1, false)", "today() = today()",
                "{a: 1}.a + 1", "[1,2,3][item > 1]", "string(awardYear)", "awardYear - listingYear", "nope"));
        List<String> unaryTests = new ArrayList<>(texts.unaryTests());
        unaryTests.addAll(List.of("< date(", "> 1,", "-", " - ", "not(\"A\")", "null", ">= 0, null"));
        int compared = 0;
        Set<String> failures = new LinkedHashSet<>();
        for (VariableMap vars : contexts()) {
            VariableContext context = vars.asVariableContext();
            for (String e : expressions) {
                Object expected = outcome(() -> stock.evaluateSimpleExpression(e, context));
                if (expected instanceof String m && m.startsWith("failure ")) {
                    failures.add(m);
                }
                // Twice: the first parses, the second reads the cache.
                assertThat(outcome(() -> caching.evaluateSimpleExpression(e, context))).as(e).isEqualTo(expected);
                assertThat(outcome(() -> caching.evaluateSimpleExpression(e, context))).as(e).isEqualTo(expected);
                compared++;
            }
            for (Object input : INPUTS) {
                VariableMap localVars = Variables.createVariables().putValue("inputVariableName", "cellInput")
                        .putValue("cellInput", input);
                localVars.putAll(vars);
                VariableContext local = localVars.asVariableContext();
                for (String t : unaryTests) {
                    Object expected = outcome(() -> stock.evaluateSimpleUnaryTests(t, "cellInput", local));
                    if (expected instanceof String m && m.startsWith("failure ")) {
                        failures.add(m);
                    }
                    assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(t, "cellInput", local)))
                            .as(t + " on " + input).isEqualTo(expected);
                    assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(t, "cellInput", local)))
                            .as(t + " on " + input).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        // Failures were compared too, message by message: parse, validation and assertion failures.
        assertThat(failures).anySatisfy(m -> assertThat(m).contains("failed to parse expression"))
                .anySatisfy(m -> assertThat(m).contains("validation of expression"))
                .anySatisfy(m -> assertThat(m).contains("Assertion failure on evaluate the expression"));
    }

    @Test
    void shouldBeTheFeelEngineOfTheApplicationsDmnEngine() {
        DefaultDmnEngineConfiguration configuration = EngineConfiguration.feelOnlyDmnEngine();
        configuration.buildEngine();
        assertThat(configuration.getFeelEngine()).isInstanceOf(CachingFeelEngine.class);
    }

    @Test
    void shouldCallCustomFunctionsSetOnTheDmnConfigurationAfterIt() {
        DefaultDmnEngineConfiguration configuration = EngineConfiguration.feelOnlyDmnEngine();
        FeelCustomFunctionProvider twice = new FeelCustomFunctionProvider() {
            @Override
            public Optional<CustomFunction> resolveFunction(String name) {
                return name.equals("twice") ? Optional.of(CustomFunction.create().setParams("x")
                        .setFunction(args -> ((Number) args.get(0)).longValue() * 2).build()) : Optional.empty();
            }

            @Override
            public Collection<String> getFunctionNames() {
                return List.of("twice");
            }
        };
        configuration.setFeelCustomFunctionProviders(List.of(twice));
        configuration.buildEngine();
        Object result = configuration.getFeelEngine().evaluateSimpleExpression("twice(21)",
                Variables.createVariables().asVariableContext());
        assertThat(result).isEqualTo(42L);
    }

    @Test
    void shouldGiveEveryThreadTheSameAwardAsOneThread() throws Exception {
        DmnEngine engine = EngineConfiguration.feelOnlyDmnEngine().buildEngine();
        DmnDecision award;
        try (InputStream in = Files.newInputStream(Path.of("dmn/jiyuan/jiyuan-award.dmn"))) {
            award = engine.parseDecision("tc-award", in);
        }
        List<VariableMap> cases = new ArrayList<>();
        for (String category : new String[] {"TECH_RETROFIT", "FIRST_SET", "GREEN", "INNOVATION_CENTER", "NOPE"}) {
            for (String completed : new String[] {"4999999.99", "5000000"}) {
                cases.add(Variables.createVariables().putValue("category", category).putValue("policyDate", "2018-03-01")
                        .putValue("awardYear", 2018).putValue("completedInvestmentThisYear", new BigDecimal(completed))
                        .putValue("totalInvestment", new BigDecimal(completed)).putValue("productionStartDate", "2018-06-01")
                        .putValue("purchasePrice", new BigDecimal("6000000")).putValue("certificationLevel", "PROVINCE")
                        .putValue("certificateNo", "豫工信〔2018〕15号").putValue("certificateDate", "2018-01-15")
                        .putValue("localMade", true).putValue("listingYear", 2016));
            }
        }
        List<Map<String, Object>> expected = new ArrayList<>();
        for (VariableMap c : cases) {
            expected.add(engine.evaluateDecision(award, c).getSingleResult().getEntryMap());
        }
        assertThat(expected).extracting(r -> r.get("eligible")).contains(true, false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = (i + offset) % cases.size();
                        if (!engine.evaluateDecision(award, cases.get(k)).getSingleResult().getEntryMap()
                                .equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldKeepTheCacheBounded() {
        CachingFeelEngine small = new CachingFeelEngine(null, 3);
        VariableContext context = Variables.createVariables().putValue("x", 5).asVariableContext();
        for (int i = 0; i < 50; i++) {
            assertThat((Object) small.evaluateSimpleExpression("x + " + i, context)).isEqualTo(5L + i);
            assertThat(small.evaluateSimpleUnaryTests("< " + i, "x", Variables.createVariables()
                    .putValue("inputVariableName", "x").putValue("x", 5).asVariableContext())).isEqualTo(5 < i);
            assertThat(small.cachedParses()).isLessThanOrEqualTo(6);
        }
    }
}

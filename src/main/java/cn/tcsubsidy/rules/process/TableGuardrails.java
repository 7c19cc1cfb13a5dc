package cn.tcsubsidy.rules.process;

import cn.tcsubsidy.award.quote.AwardCalculator;
import cn.tcsubsidy.award.quote.AwardQuote;
import cn.tcsubsidy.award.quote.AwardTerms;
import cn.tcsubsidy.award.quote.ClusterMember;
import cn.tcsubsidy.award.quote.QuoteRequest;
import cn.tcsubsidy.award.quote.process.TableAwardRules;
import cn.tcsubsidy.engine.guard.DecisionTableCheck;
import cn.tcsubsidy.rules.guardrail.AwardGuard;
import cn.tcsubsidy.rules.guardrail.AwardPolicy;
import cn.tcsubsidy.rules.guardrail.GridCase;
import cn.tcsubsidy.rules.guardrail.PipelineGuard;
import cn.tcsubsidy.rules.guardrail.RuleGuardrails;
import cn.tcsubsidy.rules.guardrail.Violation;
import cn.tcsubsidy.shared.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The guardrails over candidate tables, on a standalone FEEL-only DMN engine (nothing is deployed, no history is
 * written): the candidate's decisions keep every output column the shipped ones have; tc-award is tried on its
 * policy's grid ({@link AwardGuard}), tc-pool-entry, tc-round-calendar, lpr-1y and tc-task-due on theirs
 * ({@link PipelineGuard}; tc-task-due on every user task of the models).
 * Runs only after the FEEL-only check of the deployment ({@code DecisionTableCheck}): a table in another language is
 * never evaluated. A set of tables that passed is remembered by its digest, so the app's own start does not try the
 * shipped tables again in the same JVM.
 */
public final class TableGuardrails implements RuleGuardrails {

    private final DmnEngine dmn;
    private final DecisionTableCheck languageCheck;
    private final AwardCalculator calculator = new AwardCalculator();
    private final Map<String, List<Violation>> checked = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Set<String>>> shippedOutputs = new ConcurrentHashMap<>();
    private volatile int lastCaseCount;

    /**
     * @param languageCheck the deployment's first check (size, no DOCTYPE, FEEL only), run again here before any
     *                      evaluation, so that no caller of the guardrails can have a table of another language run
     */
    public TableGuardrails(DmnEngine dmn, DecisionTableCheck languageCheck) {
        this.dmn = dmn;
        this.languageCheck = languageCheck;
    }

    public DmnEngine dmn() {
        return dmn;
    }

    /** How many award cases the last evaluated check tried (for the benchmark and the note). */
    public int lastCaseCount() {
        return lastCaseCount;
    }

    @Override
    public List<Violation> check(String tenant, Map<String, byte[]> files) {
        String digest = digest(tenant, files);
        List<Violation> known = checked.get(digest);
        if (known != null) {
            return known;
        }
        List<Violation> found = evaluate(tenant, files);
        if (found.isEmpty()) {
            checked.put(digest, List.of());
        }
        return found;
    }

    /** The candidate files' decisions by key; a file that does not parse is a violation of its own. */
    public Map<String, DmnDecision> parse(Map<String, byte[]> files, List<Violation> problems) {
        Map<String, DmnDecision> decisions = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (!name.endsWith(".dmn")) {
                return;
            }
            try {
                for (DmnDecision d : dmn.parseDecisions(new ByteArrayInputStream(bytes))) {
                    decisions.put(d.getKey(), d);
                }
            } catch (RuntimeException e) {
                problems.add(new Violation(name, "规则表须为可解析的 DMN 1.3 决策表", "DMN 1.3", e.getMessage()));
            }
        });
        return decisions;
    }

    private List<Violation> evaluate(String tenant, Map<String, byte[]> files) {
        List<Violation> found = new ArrayList<>();
        try {
            languageCheck.checkTables(tenant, files, null);
        } catch (ProcessEngineException e) {
            found.add(new Violation(String.join("、", files.keySet()), "规则表只能使用 FEEL 表达式,且须为有效的 DMN XML(不接受 DOCTYPE)",
                    "本系统安全要求:规则表不得运行 FEEL 以外的表达式语言", e.getMessage()));
            return found;
        }
        Map<String, DmnDecision> decisions = parse(files, found);
        if (!found.isEmpty()) {
            return found;
        }
        Map<String, Set<String>> shipped = shippedOutputs.computeIfAbsent(tenant, this::shippedOutputs);
        decisions.forEach((key, d) -> {
            Set<String> required = shipped.get(key);
            if (required != null && d.isDecisionTable()) {
                Set<String> present = new java.util.HashSet<>();
                for (DmnDecisionTableOutputImpl o : ((DmnDecisionTableImpl) d.getDecisionLogic()).getOutputs()) {
                    present.add(o.getOutputName());
                }
                List<String> missing = required.stream().filter(n -> !present.contains(n)).sorted().toList();
                if (!missing.isEmpty()) {
                    found.add(new Violation(key, "输出列不得缺失:" + String.join("、", missing), "本系统读取的输出列",
                            "规则表 " + key + " 只有 " + present.stream().sorted().toList()));
                }
            }
        });
        if (!found.isEmpty()) {
            return found;
        }
        AwardPolicy policy = AwardPolicy.of(tenant);
        if (decisions.containsKey(AwardGuard.TABLE) && policy != null) {
            TableAwardRules rules = new TableAwardRules(new CandidateDecisions(dmn, tenant, decisions, null));
            AwardGuard.Result result = AwardGuard.check(policy, c -> outcome(rules, c));
            lastCaseCount = result.cases();
            found.addAll(result.violations());
        }
        DmnDecision pool = decisions.get(PipelineGuard.POOL_ENTRY);
        if (pool != null) {
            found.addAll(PipelineGuard.poolEntry(tenant, total -> single(pool, Map.of("plannedTotalInvestment", total))));
        }
        DmnDecision calendar = decisions.get(PipelineGuard.ROUND_CALENDAR);
        if (calendar != null) {
            found.addAll(PipelineGuard.roundCalendar(tenant, year -> single(calendar, Map.of("roundYear", year))));
        }
        DmnDecision taskDue = decisions.get(PipelineGuard.TASK_DUE);
        if (taskDue != null) {
            found.addAll(PipelineGuard.taskDue(userTaskKeys(),
                    key -> first(taskDue, Map.of("taskKey", key))));
        }
        DmnDecision lpr = decisions.get(PipelineGuard.LPR);
        if (lpr != null) {
            found.addAll(guarded(PipelineGuard.LPR,
                    () -> PipelineGuard.lpr(d -> first(lpr, Map.of("applicationDate", d.toString())))));
        }
        return found;
    }

    /** Every user task id of the models ({@code processes/*.bpmn}), and one no model has: tc-task-due's inputs. */
    private static volatile List<String> userTaskKeys;

    static List<String> userTaskKeys() {
        List<String> known = userTaskKeys;
        if (known != null) {
            return known;
        }
        Set<String> keys = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
                try (InputStream in = r.getInputStream()) {
                    NodeList tasks = SafeXml.parse(in.readAllBytes()).getElementsByTagNameNS("*", "userTask");
                    for (int i = 0; i < tasks.getLength(); i++) {
                        keys.add(((Element) tasks.item(i)).getAttribute("id"));
                    }
                } catch (SAXException e) {
                    throw new IllegalStateException("model " + r + " is no valid XML", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(keys);
        all.add("Task_NotInAnyModel");
        userTaskKeys = List.copyOf(all);
        return userTaskKeys;
    }

    private static List<Violation> guarded(String table, java.util.function.Supplier<List<Violation>> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return List.of(new Violation(table, "规则表必须对每个情形给出结论", "决策表须对全部情形可求值", e.getMessage()));
        }
    }

    private AwardGuard.Outcome outcome(TableAwardRules rules, GridCase c) {
        QuoteRequest r = c.request();
        if (!r.isCluster()) {
            AwardTerms terms = rules.decide(r, c.context(), c.poolLevel(), c.lpr());
            return new AwardGuard.Outcome(terms, calculator.compute(r, c.context(), terms));
        }
        List<AwardTerms> perMember = new ArrayList<>();
        for (ClusterMember m : r.members()) {
            perMember.add(rules.decide(r.forMember(m), c.context(), c.poolLevel(), c.lpr()));
        }
        AwardQuote quote = calculator.computeCluster(r, c.context(), perMember);
        AwardTerms lead = perMember.stream().filter(AwardTerms::eligible).findFirst().orElse(perMember.get(0));
        return new AwardGuard.Outcome(lead, quote);
    }

    private Map<String, Object> single(DmnDecision d, Map<String, Object> inputs) {
        DmnDecisionResultEntries out = dmn.evaluateDecision(d, Variables.fromMap(new HashMap<>(inputs))).getSingleResult();
        return out == null ? null : out.getEntryMap();
    }

    private Map<String, Object> first(DmnDecision d, Map<String, Object> inputs) {
        DmnDecisionResultEntries out = dmn.evaluateDecision(d, Variables.fromMap(new HashMap<>(inputs))).getFirstResult();
        return out == null ? null : out.getEntryMap();
    }

    /** The output columns of each decision the app ships for the tenant ({@code dmn/<tenant>/*.dmn}). */
    private Map<String, Set<String>> shippedOutputs(String tenant) {
        Map<String, Set<String>> outputs = new HashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:dmn/" + tenant + "/*.dmn")) {
                try (InputStream in = r.getInputStream()) {
                    for (DmnDecision d : dmn.parseDecisions(in)) {
                        if (d.isDecisionTable()) {
                            Set<String> names = new java.util.HashSet<>();
                            ((DmnDecisionTableImpl) d.getDecisionLogic()).getOutputs().forEach(o -> names.add(o.getOutputName()));
                            outputs.put(d.getKey(), Set.copyOf(names));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outputs;
    }

    private static String digest(String tenant, Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(tenant.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
                sha.update((byte) 0);
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

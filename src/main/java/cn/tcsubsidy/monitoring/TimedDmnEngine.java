package cn.tcsubsidy.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The process engine's DMN engine with a timer around each evaluation of a deployed decision
 * ({@value #METER}{decision, jurisdiction}). Every evaluation in the engine goes through here: the quote
 * (DecisionService, DeployedDecisions), the rule lookups run as the rule evaluator (RuleEvaluator), business rule
 * tasks; and the previews of the deployed tables evaluated outside the engine (PreviewAwardRules, {@link #timed}).
 * Parsing and anything else is passed on untouched; candidate tables a rule change previews are not timed.
 */
public final class TimedDmnEngine implements DmnEngine {

    static final String METER = "tc.decision.evaluation";
    static final String NO_TENANT = "none";

    private final DmnEngine engine;
    private final ObjectProvider<MeterRegistry> registry;
    /** The registry once found (a lookup per evaluation would cost more than a small table). */
    private volatile MeterRegistry meters;

    TimedDmnEngine(DmnEngine engine, ObjectProvider<MeterRegistry> registry) {
        this.engine = engine;
        this.registry = registry;
    }

    /** {@code engine} with each evaluation of a deployed decision timed in the registry (once there is one). */
    public static DmnEngine timed(DmnEngine engine, ObjectProvider<MeterRegistry> registry) {
        return new TimedDmnEngine(engine, registry);
    }

    private <T> T timed(DmnDecision decision, Supplier<T> evaluation) {
        MeterRegistry r = meters;
        if (r == null) {
            r = meters = registry.getIfAvailable();
        }
        if (r == null) {
            return evaluation.get();
        }
        String tenant = decision instanceof DecisionDefinition d && d.getTenantId() != null ? d.getTenantId() : NO_TENANT;
        Timer timer = Timer.builder(METER).description("决策表求值耗时(引擎内已部署的决策)")
                .tag("decision", String.valueOf(decision.getKey())).tag("jurisdiction", tenant).register(r);
        return timer.record(evaluation);
    }

    @Override
    public DmnDecisionResult evaluateDecision(DmnDecision decision, Map<String, Object> variables) {
        return timed(decision, () -> engine.evaluateDecision(decision, variables));
    }

    @Override
    public DmnDecisionResult evaluateDecision(DmnDecision decision, VariableContext variables) {
        return timed(decision, () -> engine.evaluateDecision(decision, variables));
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(DmnDecision decision, Map<String, Object> variables) {
        return timed(decision, () -> engine.evaluateDecisionTable(decision, variables));
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(DmnDecision decision, VariableContext variables) {
        return timed(decision, () -> engine.evaluateDecisionTable(decision, variables));
    }

    @Override
    public DmnEngineConfiguration getConfiguration() {
        return engine.getConfiguration();
    }

    @Override
    public List<DmnDecision> parseDecisions(InputStream input) {
        return engine.parseDecisions(input);
    }

    @Override
    public List<DmnDecision> parseDecisions(DmnModelInstance model) {
        return engine.parseDecisions(model);
    }

    @Override
    public DmnDecision parseDecision(String key, InputStream input) {
        return engine.parseDecision(key, input);
    }

    @Override
    public DmnDecision parseDecision(String key, DmnModelInstance model) {
        return engine.parseDecision(key, model);
    }

    @Override
    public DmnDecisionRequirementsGraph parseDecisionRequirementsGraph(InputStream input) {
        return engine.parseDecisionRequirementsGraph(input);
    }

    @Override
    public DmnDecisionRequirementsGraph parseDecisionRequirementsGraph(DmnModelInstance model) {
        return engine.parseDecisionRequirementsGraph(model);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(String key, InputStream input, Map<String, Object> variables) {
        return engine.evaluateDecisionTable(key, input, variables);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(String key, InputStream input, VariableContext variables) {
        return engine.evaluateDecisionTable(key, input, variables);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(String key, DmnModelInstance model, Map<String, Object> variables) {
        return engine.evaluateDecisionTable(key, model, variables);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(String key, DmnModelInstance model, VariableContext variables) {
        return engine.evaluateDecisionTable(key, model, variables);
    }

    @Override
    public DmnDecisionResult evaluateDecision(String key, InputStream input, Map<String, Object> variables) {
        return engine.evaluateDecision(key, input, variables);
    }

    @Override
    public DmnDecisionResult evaluateDecision(String key, InputStream input, VariableContext variables) {
        return engine.evaluateDecision(key, input, variables);
    }

    @Override
    public DmnDecisionResult evaluateDecision(String key, DmnModelInstance model, Map<String, Object> variables) {
        return engine.evaluateDecision(key, model, variables);
    }

    @Override
    public DmnDecisionResult evaluateDecision(String key, DmnModelInstance model, VariableContext variables) {
        return engine.evaluateDecision(key, model, variables);
    }
}

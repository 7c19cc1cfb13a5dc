package cn.tcsubsidy.award.quote.process;

import cn.tcsubsidy.award.quote.DecisionRef;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Where a quote's tables come from: the versions deployed in the engine (what every real quote uses), or candidate
 * tables not deployed yet over the deployed ones (a rule administrator's preview of a change).
 */
public interface DecisionSource {

    /** The table {@code key} of {@code tenant} a quote would use, or null when the tenant has none. */
    DecisionRef latest(String key, String tenant);

    /** Evaluates that table with {@code variables}. */
    DmnDecisionResult evaluate(DecisionRef table, VariableMap variables);
}

package cn.tcsubsidy.rules.guardrail;

import java.util.List;
import java.util.Map;

/**
 * The policy invariants over a jurisdiction's candidate rule tables: the tables of a deployment (file name → DMN
 * bytes) are evaluated over a generated grid of cases before anything is deployed, and every invariant they break is
 * returned with one example case. The engine's deployment runs the same check ({@code RuleGuardrailDeployer}), so no
 * path around it exists; the preview and the upload of a rule change call it directly.
 */
public interface RuleGuardrails {

    /** The invariants broken by {@code files} as tables of {@code tenant}; empty when they may be deployed. */
    List<Violation> check(String tenant, Map<String, byte[]> files);
}

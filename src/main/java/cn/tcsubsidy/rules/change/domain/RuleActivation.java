package cn.tcsubsidy.rules.change.domain;

import java.util.List;

/**
 * What puts an approved change in force, implemented by the process side (the engine): a deployment of the change's
 * tables now, or the engine's timer that deploys them on the change's date.
 */
public interface RuleActivation {

    /**
     * Deploys the tables into the change's jurisdiction (the engine's deployment guards check them again) and returns
     * the deployment id; a refusal throws and nothing is deployed.
     */
    String deploy(RuleChange change, List<RuleChangeFile> files);

    /** Starts the wait for {@code change.activateOn()} (00:00 Beijing time); returns the waiting instance's id. */
    String schedule(RuleChange change);
}

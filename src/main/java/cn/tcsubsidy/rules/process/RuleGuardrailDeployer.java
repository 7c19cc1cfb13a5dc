package cn.tcsubsidy.rules.process;

import cn.tcsubsidy.rules.guardrail.RuleGuardrails;
import cn.tcsubsidy.rules.guardrail.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Inside the engine's deployment, for every path (engine REST, Modeler, the app's rule changes, the Java API, the
 * app's own start): a deployment holding decision tables for a jurisdiction is refused with every policy invariant
 * its tables break, before anything of it is stored. Registered after the FEEL-only check, so a table in another
 * expression language never reaches the evaluation.
 */
public final class RuleGuardrailDeployer implements Deployer {

    private final RuleGuardrails guardrails;

    public RuleGuardrailDeployer(RuleGuardrails guardrails) {
        this.guardrails = guardrails;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        String tenant = deployment.getTenantId();
        Map<String, ResourceEntity> resources = deployment.getResources();
        // A stored deployment parsed again into the engine's cache passed when it was made, and is in force.
        if (tenant == null || resources == null || !deployment.isNew()) {
            return;
        }
        Map<String, byte[]> tables = new LinkedHashMap<>();
        resources.forEach((name, r) -> {
            if (name.endsWith(".dmn")) {
                tables.put(name, r.getBytes());
            }
        });
        if (tables.isEmpty()) {
            return;
        }
        List<Violation> violations = guardrails.check(tenant, tables);
        if (!violations.isEmpty()) {
            throw new BadUserRequestException(message(tenant, violations));
        }
    }

    public static String message(String tenant, List<Violation> violations) {
        StringBuilder m = new StringBuilder("辖区 " + tenant + " 的规则表不符合政策约束,未部署(" + violations.size() + " 项):");
        for (int i = 0; i < violations.size(); i++) {
            m.append("\n").append(i + 1).append(". ").append(violations.get(i).text());
        }
        return m.toString();
    }
}

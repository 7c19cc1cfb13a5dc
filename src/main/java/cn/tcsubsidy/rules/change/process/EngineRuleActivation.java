package cn.tcsubsidy.rules.change.process;

import cn.tcsubsidy.filing.domain.FilingFields;
import cn.tcsubsidy.rules.change.domain.RuleActivation;
import cn.tcsubsidy.rules.change.domain.RuleChange;
import cn.tcsubsidy.rules.change.domain.RuleChangeFile;
import cn.tcsubsidy.rules.change.domain.RuleDeploymentRefusedException;
import cn.tcsubsidy.rules.change.process.TcRuleChangeProcess.Vars;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.shared.Roles;
import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The engine side of a rule change.
 * <ul>
 *   <li>Deploy: one deployment {@code rule-change-<id>} (source {@code tc-rule-change:<id>}) of the stored files into
 *       the change's tenant. It runs without authorization checks (the approver needs no DEPLOYMENT CREATE; the
 *       timer has no user at all) but signed in as the uploader restricted to the change's jurisdiction, so the
 *       engine's deployment guards (TenantDeploymentGuard, DecisionTableCheck with the tenant's known keys, and any
 *       guardrail deployer) check the tables again as they would a rule administrator's own deployment. A refusal
 *       is {@link RuleDeploymentRefusedException}: nothing deployed, the change as it was.</li>
 *   <li>Schedule: an instance of tc-rule-change, started as the system, its tenant from the jurisdiction variable
 *       (JurisdictionTenantIdProvider), waiting at Event_ActivationDate for 00:00 Beijing time of the date.</li>
 * </ul>
 */
@Component
public class EngineRuleActivation implements RuleActivation {

    private final ProcessEngine engine;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final IdentityService identity;

    public EngineRuleActivation(ProcessEngine engine, RepositoryService repository, RuntimeService runtime,
                                IdentityService identity) {
        this.engine = engine;
        this.repository = repository;
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public String deploy(RuleChange change, List<RuleChangeFile> files) {
        String j = change.jurisdiction();
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(change.uploadedBy(), List.of(Roles.rules(j)), List.of(j));
        try {
            return ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
                    .execute(ctx -> ctx.runWithoutAuthorization(() -> {
                        DeploymentBuilder builder = repository.createDeployment().tenantId(j)
                                .name(TcRuleChangeProcess.DEPLOYMENT_NAME_PREFIX + change.id())
                                .source(TcRuleChangeProcess.DEPLOYMENT_SOURCE_PREFIX + change.id())
                                .enableDuplicateFiltering(false);
                        for (RuleChangeFile f : files) {
                            builder.addInputStream(f.name(), new ByteArrayInputStream(f.content()));
                        }
                        return builder.deployWithResult().getId();
                    }));
        } catch (ProcessEngineException refused) {
            throw new RuleDeploymentRefusedException(change.title() + " 的决策表部署被拒绝,未生效:" + refused.getMessage(),
                    refused);
        } finally {
            restore(previous);
        }
    }

    @Override
    public String schedule(RuleChange change) {
        Date at = Date.from(change.activateOn().atStartOfDay(ClockConfiguration.BEIJING).toInstant());
        return asSystem(() -> runtime.createProcessInstanceByKey(TcRuleChangeProcess.KEY)
                .businessKey(TcRuleChangeProcess.DEPLOYMENT_NAME_PREFIX + change.id())
                .setVariables(Vars.RULE_CHANGE_ID.entry(change.id()))
                .setVariable(FilingFields.JURISDICTION, change.jurisdiction())
                .setVariables(Vars.ACTIVATION_AT.entry(at))
                .execute().getId());
    }

    /** Without a signed-in user: no business role's authorizations, the tenant from the variables. */
    private <T> T asSystem(Supplier<T> call) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            restore(previous);
        }
    }

    private void restore(Authentication previous) {
        if (previous == null) {
            identity.clearAuthentication();
        } else {
            identity.setAuthentication(previous);
        }
    }
}

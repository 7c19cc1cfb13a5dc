package cn.tcsubsidy.filing.process;

import cn.tcsubsidy.filing.domain.FilingFields;
import cn.tcsubsidy.shared.Actor;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Tags each instance of a shared (tenant-less) process with the jurisdiction it was filed in, so tenant checks and
 * {@code decisionRefTenantId="${execution.tenantId}"} pick that jurisdiction's tables. For a signed-in user other
 * than the administrator the tenant comes from their own tenant membership, never from a variable they send. An
 * unknown jurisdiction yields no tenant; the registration step then refuses the filing with a message naming it.
 */
public class JurisdictionTenantIdProvider implements TenantIdProvider {

    private final Set<String> jurisdictions;

    public JurisdictionTenantIdProvider(Set<String> jurisdictions) {
        this.jurisdictions = Set.copyOf(jurisdictions);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null && ctx.getSuperExecution().getTenantId() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object named = ctx.getVariables() == null ? null : ctx.getVariables().get(FilingFields.JURISDICTION);
        String jurisdiction = named instanceof String j && jurisdictions.contains(j) ? j : null;
        Authentication caller = caller();
        if (caller == null || caller.getUserId() == null
                || (caller.getGroupIds() != null && caller.getGroupIds().contains(Actor.ADMIN_GROUP))) {
            return jurisdiction;
        }
        // A signed-in user files only in a jurisdiction they belong to: the tenant is theirs, whatever the
        // filing names (the registration step then refuses a filing that names another).
        List<String> own = caller.getTenantIds() == null ? List.of()
                : caller.getTenantIds().stream().filter(jurisdictions::contains).toList();
        if (jurisdiction != null && own.contains(jurisdiction)) {
            return jurisdiction;
        }
        return own.size() == 1 ? own.get(0) : null;
    }

    private static Authentication caller() {
        CommandContext ctx = Context.getCommandContext();
        return ctx == null ? null : ctx.getAuthentication();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
    }
}

package cn.tcsubsidy.engine;

import cn.tcsubsidy.filing.domain.FilingFields;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Tags each instance of a shared (tenant-less) process with the jurisdiction it was filed in, so tenant checks and
 * {@code decisionRefTenantId="${execution.tenantId}"} pick that jurisdiction's tables. An unknown jurisdiction
 * yields no tenant; the registration step then refuses the filing with a message naming the field.
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
        Object jurisdiction = ctx.getVariables() == null ? null : ctx.getVariables().get(FilingFields.JURISDICTION);
        return jurisdiction instanceof String j && jurisdictions.contains(j) ? j : null;
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

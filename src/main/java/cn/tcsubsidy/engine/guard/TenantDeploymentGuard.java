package cn.tcsubsidy.engine.guard;

import cn.tcsubsidy.shared.Actor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * The engine lets anyone with DEPLOYMENT CREATE deploy into any tenant. A signed-in user who is not an administrator
 * may deploy only decision tables (*.dmn), and only into a jurisdiction (tenant) they belong to: a rule
 * administrator changes their own jurisdiction's rules and nothing else. Deployments with no signed-in user (the
 * application's own at start) pass.
 */
public class TenantDeploymentGuard implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        // A stored deployment the engine parses again into its cache (after a restart, or when the cache let it go)
        // was checked when it was made; whoever's read brought it back deploys nothing.
        if (!deployment.isNew()) {
            return;
        }
        CommandContext ctx = Context.getCommandContext();
        Authentication auth = ctx == null ? null : ctx.getAuthentication();
        if (auth == null || auth.getUserId() == null
                || (auth.getGroupIds() != null && auth.getGroupIds().contains(Actor.ADMIN_GROUP))) {
            return;
        }
        String tenant = deployment.getTenantId();
        if (tenant == null || auth.getTenantIds() == null || !auth.getTenantIds().contains(tenant)) {
            throw new AuthorizationException("用户 " + auth.getUserId() + " 只能为本辖区部署规则表,不能部署到"
                    + (tenant == null ? "公共(无辖区)部署" : "辖区 " + tenant));
        }
        deployment.getResources().keySet().stream().filter(name -> !name.endsWith(".dmn")).findFirst().ifPresent(name -> {
            throw new AuthorizationException("用户 " + auth.getUserId() + " 只能部署决策表(.dmn),不能部署 " + name);
        });
    }
}

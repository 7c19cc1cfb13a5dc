package cn.tcsubsidy.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.tcsubsidy.award.budget.process.TcFundBudgetProcess;
import cn.tcsubsidy.engine.TaskCardVariables;
import cn.tcsubsidy.jurisdiction.Jurisdiction;
import cn.tcsubsidy.jurisdiction.JurisdictionDirectory;
import cn.tcsubsidy.jurisdiction.RecommendingUnit;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import cn.tcsubsidy.shared.Roles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, once, what every installation needs: a tenant per jurisdiction, its groups (bureau, finance, rules,
 * head, owner, auditor, experts, enterprises, one per recommending unit) as members of the tenant, their authorizations,
 * and the Tasklist filters. With {@code tc.demo.identities} it adds the demo users (password = user name).
 */
@Component
public class IdentitySetup {

    public static final int ORDER = 10;
    public static final int EXPERTS_PER_JURISDICTION = 8;
    public static final int ENTERPRISES_PER_JURISDICTION = 3;

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final JurisdictionDirectory directory;
    private final boolean demoUsers;

    public IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                         TaskService tasks, JurisdictionDirectory directory,
                         @Value("${tc.demo.identities:false}") boolean demoUsers) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.directory = directory;
        this.demoUsers = demoUsers;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    public void setUp() {
        for (Jurisdiction j : directory.all()) {
            setUpJurisdiction(j);
        }
        setUpFilters();
        grantRuleEvaluator();
    }

    /** The quote's identity: reads and evaluates decision tables (every tenant's; the quote names the one). */
    private void grantRuleEvaluator() {
        String user = cn.tcsubsidy.engine.RuleEvaluator.USER;
        Authorization existing = authorizations.createAuthorizationQuery().userIdIn(user)
                .resourceType(Resources.DECISION_DEFINITION).resourceId("*").singleResult();
        Authorization a = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        a.setUserId(user);
        a.setResource(Resources.DECISION_DEFINITION);
        a.setResourceId("*");
        a.setPermissions(new Permission[] {Permissions.READ, Permissions.CREATE_INSTANCE});
        authorizations.saveAuthorization(a);
    }

    private void setUpJurisdiction(Jurisdiction j) {
        String t = j.code();
        if (identity.createTenantQuery().tenantId(t).singleResult() == null) {
            Tenant tenant = identity.newTenant(t);
            tenant.setName(j.name());
            identity.saveTenant(tenant);
        }
        String prefix = j.name();
        Map<String, String> groups = new java.util.LinkedHashMap<>();
        groups.put(Roles.bureau(t), prefix + "工业和信息化局");
        groups.put(Roles.finance(t), prefix + "财政局");
        groups.put(Roles.rules(t), prefix + "奖补规则管理员");
        groups.put(Roles.head(t), prefix + "工信局负责人");
        groups.put(Roles.owner(t), prefix + "流程负责人");
        groups.put(Roles.auditor(t), prefix + "审计监督");
        groups.put(Roles.experts(t), prefix + "评审专家库");
        groups.put(Roles.enterprise(t), prefix + "申报企业");
        for (RecommendingUnit u : directory.units(t)) {
            groups.put(u.groupId(), prefix + u.name());
        }
        groups.forEach((id, name) -> group(id, name, t));

        Grants grants = new Grants();
        for (String g : groups.keySet()) {
            if (g.equals(Roles.auditor(t))) {
                continue; // works no task: no Tasklist, no filters (see below)
            }
            if (g.equals(Roles.head(t))) {
                // Decides rule changes through /api/rules/{j}/changes only (the app checks the role and the tenant
                // membership; the deployment runs as the system): no engine authorization at all.
                continue;
            }
            grants.add(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grants.add(g, Resources.FILTER, "*", Permissions.READ);
            grants.add(g, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grants.add(g, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        for (String g : List.of(Roles.enterprise(t), Roles.bureau(t))) {
            grants.add(g, Resources.PROCESS_DEFINITION, TcProjectProcess.KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
            grants.add(g, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        grants.add(Roles.bureau(t), Resources.PROCESS_DEFINITION, TcAnnualRoundProcess.KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
        // The finance officer enters the fund budgets from Tasklist: reads the definition (its start form) and starts
        // it; the instance ends in the same transaction, so nothing more is needed.
        grants.add(Roles.finance(t), Resources.PROCESS_DEFINITION, TcFundBudgetProcess.KEY, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grants.add(Roles.finance(t), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // The bureau and the process owner follow every project of their tenant in Cockpit: they read instances,
        // their (non-sensitive) variables, tasks and history. Nobody but the administrator updates an instance:
        // the round's steps move the projects as the system (ProjectProcessFacade), not with the bureau's rights.
        for (String g : List.of(Roles.bureau(t), Roles.owner(t))) {
            grants.add(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grants.add(g, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
            grants.add(g, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grants.add(g, Resources.DECISION_DEFINITION, "*", Permissions.READ_HISTORY);
            grants.add(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            grants.add(g, Resources.DEPLOYMENT, "*", Permissions.READ);
            // Cockpit's Human Tasks page counts open tasks per group (the engine's task report): it asks READ on
            // every task. The tenant check keeps the counts to the tenant's; with specific variable permissions on,
            // READ on a task shows none of its variables (READ_VARIABLE would).
            grants.add(g, Resources.TASK, "*", Permissions.READ);
        }
        // The auditor (审计监督) inspects every stage in Cockpit and through the engine's REST API, and changes
        // nothing: it reads definitions, instances, their variables and tasks, their history (variables included:
        // the sensitive ones never reach it, SensitiveVariables), decisions and their history, deployments; no
        // CREATE, UPDATE, DELETE, TASK_WORK or CREATE_INSTANCE anywhere, no Tasklist. Writes it might still send (variables, jobs, modifications) are
        // the administrator's alone in the command layer (CommandGuard).
        String auditor = Roles.auditor(t);
        grants.add(auditor, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.add(auditor, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK);
        grants.add(auditor, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grants.add(auditor, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grants.add(auditor, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grants.add(auditor, Resources.DEPLOYMENT, "*", Permissions.READ);
        grants.add(auditor, Resources.TASK, "*", Permissions.READ);
        // Rule administrators read and deploy new versions of their jurisdiction's tables (tenant checks and the
        // deployment guards keep them to FEEL tables of their own tenant's keys); they see no project.
        grants.add(Roles.rules(t), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.add(Roles.rules(t), Resources.DECISION_DEFINITION, "*", Permissions.READ_HISTORY);
        grants.add(Roles.rules(t), Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grants.add(Roles.rules(t), Resources.DEPLOYMENT, "*", Permissions.READ, Permissions.CREATE);
        grants.saveAll();

        if (demoUsers) {
            user(Roles.bureau(t), prefix + "工信局", "经办人", Roles.bureau(t));
            user(Roles.finance(t), prefix + "财政局", "经办人", Roles.finance(t));
            // A second finance officer: a payment order is prepared by one and approved by the other (四眼原则).
            user(Roles.finance(t) + "-2", prefix + "财政局", "审核人", Roles.finance(t));
            user(Roles.rules(t), prefix + "规则", "管理员", Roles.rules(t));
            // A second rule administrator: a rule change is approved by another one (四眼原则) or by the head.
            user(Roles.rules(t) + "-2", prefix + "规则", "复核人", Roles.rules(t));
            user(Roles.owner(t), prefix + "流程", "负责人", Roles.owner(t));
            // The second pair of eyes on a rule change the rule administrator uploads (四眼原则).
            user(Roles.head(t), prefix + "工信局", "负责人", Roles.head(t));
            user(Roles.auditor(t), prefix + "审计", "监督", Roles.auditor(t));
            for (RecommendingUnit u : directory.units(t)) {
                user(u.groupId(), prefix + u.name(), "经办人", u.groupId());
            }
            for (int i = 1; i <= EXPERTS_PER_JURISDICTION; i++) {
                user(t + "-expert-" + i, prefix + "评审专家", String.valueOf(i), Roles.experts(t));
            }
            for (int i = 1; i <= ENTERPRISES_PER_JURISDICTION; i++) {
                user(t + "-ent-" + i, prefix + "企业", String.valueOf(i), Roles.enterprise(t));
            }
        }
    }

    private void group(String id, String name, String tenant) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType("WORKFLOW");
            identity.saveGroup(g);
            identity.createTenantGroupMembership(tenant, id);
        }
    }

    private void user(String id, String firstName, String lastName, String group) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User u = identity.newUser(id);
            u.setFirstName(firstName);
            u.setLastName(lastName);
            u.setPassword(id);
            u.setEmail(id + "@example.test");
            identity.saveUser(u);
            identity.createMembership(id, group);
        }
    }

    /**
     * The grants of one jurisdiction's groups, saved as exactly these permissions: an installation set up by an
     * earlier release loses what it no longer grants (e.g. the bureau's former UPDATE on instances).
     */
    private final class Grants {
        private record Key(String group, Resource resource, String resourceId) {
        }

        private final Map<Key, java.util.Set<Permission>> wanted = new java.util.LinkedHashMap<>();

        void add(String group, Resource resource, String resourceId, Permission... permissions) {
            wanted.computeIfAbsent(new Key(group, resource, resourceId), k -> new java.util.LinkedHashSet<>())
                    .addAll(List.of(permissions));
        }

        void saveAll() {
            wanted.forEach((key, permissions) -> {
                Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(key.group())
                        .resourceType(key.resource()).resourceId(key.resourceId()).singleResult();
                Authorization a = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                a.setGroupId(key.group());
                a.setResource(key.resource());
                a.setResourceId(key.resourceId());
                a.setPermissions(new Permission[] {Permissions.NONE});
                for (Permission p : permissions) {
                    a.addPermission(p);
                }
                authorizations.saveAuthorization(a);
            });
        }
    }

    private void setUpFilters() {
        // The default (lowest priority, first in Tasklist): all the user's work, whether the task was assigned to
        // them (an expert's scoring) or offered to them or their unit and not yet claimed (an enterprise's report, a
        // town's recommendation, the bureau's and finance's steps), so nobody lands on an empty list with work waiting.
        filter("我的待办", -10, "指派给我的任务,以及我或我所在单位可办理、尚未被他人认领的任务",
                tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}").endOr());
        filter("指派给我", -5, "已指派给我或我已认领的任务", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        // A candidate-user query matches the user's own candidacy (the enterprise that filed) and their groups' (units).
        filter("本单位待办", 0, "我或我所在单位可认领的任务",
                tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks());
        filter("本辖区全部待办", 10, "本辖区内我有权查看的全部任务", tasks.createTaskQuery());
    }

    /** Creates the filter, or brings an existing one of that name up to date (a new release may change it). */
    private void filter(String name, int priority, String description, org.camunda.bpm.engine.task.TaskQuery query) {
        Filter f = filters.createFilterQuery().filterName(name).singleResult();
        if (f == null) {
            f = filters.newTaskFilter(name);
        }
        f.setOwner("admin");
        f.setQuery(query);
        // Tasklist shows these variables on each task card, so a list of identical task names stays readable.
        f.setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                "variables", List.of(
                        Map.of("name", TaskCardVariables.ENTERPRISE_NAME.name(), "label", "企业名称"),
                        Map.of("name", TaskCardVariables.PROJECT_NAME.name(), "label", "项目名称"),
                        Map.of("name", TaskCardVariables.ROUND_YEAR.name(), "label", "评审年度"))));
        filters.saveFilter(f);
    }
}

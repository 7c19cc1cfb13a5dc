package cn.tcsubsidy.filing.process;

import static cn.tcsubsidy.engine.guard.Refusals.refusingBadInput;

import cn.tcsubsidy.engine.Actors;
import cn.tcsubsidy.engine.AsSystem;
import cn.tcsubsidy.engine.guard.SensitiveVariables;
import cn.tcsubsidy.filing.domain.FilingFields;
import cn.tcsubsidy.filing.domain.FilingService;
import cn.tcsubsidy.project.process.TcProjectProcess.Vars;
import cn.tcsubsidy.shared.Roles;
import cn.tcsubsidy.shared.ValidationException;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class FilingDelegates {

    /** Task_RegisterProject: validates the filing again on the server and stores the project and its payee. */
    @Bean
    public JavaDelegate registerProjectDelegate(FilingService filing, Actors actors) {
        return execution -> {
            // The instance's tenant is the filer's own jurisdiction (JurisdictionTenantIdProvider); a filing that
            // names another is refused here, whatever the caller sent.
            Object named = execution.getVariable(FilingFields.JURISDICTION);
            if (named != null && !named.equals(execution.getTenantId())) {
                refusingBadInput(() -> {
                    throw new ValidationException(FilingFields.JURISDICTION, "只能在本人所属辖区备案项目,不能备案到 " + named);
                });
            }
            long id = refusingBadInput(() -> filing.file(execution.getVariables(), actors.current(),
                    execution.getProcessInstanceId()));
            Vars.PROJECT_ID.set(execution, id);
            // Stored in payee_account now; account numbers never stay in the instance (nor reach its history:
            // SensitiveVariables drops their events).
            for (String account : SensitiveVariables.NAMES) {
                execution.removeVariable(account);
            }
            // The project id as business key: Cockpit lists and searches instances by it.
            execution.setProcessBusinessKey(String.valueOf(id));
            grantReadToFilerAndTown(execution);
        };
    }

    /**
     * The filing enterprise and its town read this one project's instance (Tasklist shows its variables on their task
     * cards); a jurisdiction-wide grant would show them other enterprises' projects. Granting is the system's act, not
     * the filer's, who has no right to create authorizations.
     */
    private static void grantReadToFilerAndTown(DelegateExecution execution) {
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        String filer = Vars.FILED_BY.find(execution).orElse(null);
        String town = Roles.town(execution.getTenantId(), (String) execution.getVariable(FilingFields.UNIT_CODE));
        AsSystem.run(() -> {
            if (filer != null) {
                Authorization forFiler = readGrant(authorizations, execution.getProcessInstanceId());
                forFiler.setUserId(filer);
                authorizations.saveAuthorization(forFiler);
            }
            Authorization forTown = readGrant(authorizations, execution.getProcessInstanceId());
            forTown.setGroupId(town);
            authorizations.saveAuthorization(forTown);
        });
    }

    private static Authorization readGrant(AuthorizationService authorizations, String processInstanceId) {
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setResource(Resources.PROCESS_INSTANCE);
        a.setResourceId(processInstanceId);
        a.addPermission(Permissions.READ);
        return a;
    }

    /** Task_EnterPool: records the pool level and the progress-report cycle the jurisdiction's table chose. */
    @Bean
    public JavaDelegate enterPoolDelegate(FilingService filing, Actors actors) {
        return execution -> {
            // The decision's single result carries the same names as the variables it sets.
            Map<String, Object> entry = Vars.POOL_ENTRY.find(execution).orElse(Map.of());
            String progressCycle = Vars.PROGRESS_CYCLE.find(entry).orElseThrow(() -> new IllegalStateException(
                    "decision tc-pool-entry of tenant " + execution.getTenantId() + " gave no progressCycle"));
            String poolLevel = Vars.POOL_LEVEL.find(entry).orElse(null);
            filing.enterPool(Vars.PROJECT_ID.get(execution), poolLevel, actors.current().userId());
            Vars.POOL_LEVEL.set(execution, poolLevel);
            Vars.PROGRESS_CYCLE.set(execution, progressCycle);
            Vars.POOL_ENTRY.remove(execution);
        };
    }
}

package cn.tcsubsidy;

import cn.tcsubsidy.engine.EngineConfiguration;
import cn.tcsubsidy.engine.ModelDeployer;
import cn.tcsubsidy.engine.TaskCardVariables;
import cn.tcsubsidy.engine.TaskQueryAuthorizationJoin;
import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.engine.guard.CommandGuard;
import cn.tcsubsidy.engine.guard.FormFields;
import cn.tcsubsidy.engine.guard.ModelBeans;
import cn.tcsubsidy.engine.guard.SensitiveVariables;
import cn.tcsubsidy.engine.guard.TenantDeploymentGuard;
import cn.tcsubsidy.filing.process.JurisdictionTenantIdProvider;
import cn.tcsubsidy.mail.domain.MailSending;
import cn.tcsubsidy.mail.process.SendMailJobHandler;
import cn.tcsubsidy.mail.process.TaskMails;
import cn.tcsubsidy.rules.process.RuleDeploymentRecorder;
import cn.tcsubsidy.rules.process.RuleGuardrailDeployer;
import cn.tcsubsidy.rules.process.TableGuardrails;
import cn.tcsubsidy.tasks.process.TaskCardNames;
import cn.tcsubsidy.tasks.process.TaskDueDateListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Joins the features' engine extensions (the filing's tenant provider, the rules' deployers and guardrails, the task
 * cards' and mails' parse listeners, the outbox's job handler) to the engine's own guards. It sits beside the
 * application class because it knows every feature; the engine package knows none (docs/architecture.md, Packages).
 */
@Configuration
public class EngineAssembly {

    /**
     * The policy guardrails, on a DMN engine of their own (FEEL only, no history): one instance per JVM, so that the
     * shipped tables, once tried, are not tried again when a test starts another application context.
     */
    static final TableGuardrails GUARDRAILS = new TableGuardrails(EngineConfiguration.feelOnlyDmnEngine().buildEngine(),
            EngineConfiguration.decisionTableCheck());

    /** The guardrails as the preview and the rule changes call them. */
    @Bean
    static TableGuardrails ruleGuardrails() {
        return GUARDRAILS;
    }

    /**
     * Tenant per instance; the guards of the command layer and of deployment; expressions that reach only the
     * models' delegates; FEEL as the only rule language; sensitive values kept out of history; then the models
     * deployed right after the engine is built, before the job executor runs. These are security invariants, set
     * in code rather than in properties an installation could switch off.
     */
    @Bean
    static ProcessEnginePlugin tcSubsidyEnginePlugin(ApplicationContext context) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setTenantIdProvider(new JurisdictionTenantIdProvider(new HashSet<>(Tenants.ALL)));
                // The size and FEEL check first, before any table is parsed into something that could run.
                // Then the policy guardrails: every jurisdiction's tables tried on their policy's grid.
                configuration.setCustomPreDeployers(List.of(EngineConfiguration.decisionTableCheck(),
                        new TenantDeploymentGuard(), new RuleGuardrailDeployer(GUARDRAILS)));
                // Every deployment of a jurisdiction's tables recorded with its readable diff, in its transaction.
                configuration.setCustomPostDeployers(List.of(RuleDeploymentRecorder.of(context)));
                // The Spring factory built an expression manager over the whole application context before the
                // plugins ran; replace it with one that names only the process code.
                configuration.setExpressionManager(new SpringExpressionManager(context, new ModelBeans(context)));
                configuration.setDmnEngineConfiguration(EngineConfiguration.feelOnlyDmnEngine());
                List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
                pre.add(0, new CommandGuard(configuration, FormFields.fromClasspath(), EngineConfiguration.securityLog(context)));
                configuration.setCustomPreCommandInterceptorsTxRequired(pre);
                // A task's candidates work it (claim, complete); they do not rename, reassign or rewrite it.
                configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
                configuration.setEnforceSpecificVariablePermission(true);
                List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> parse =
                        configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
                                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
                parse.add(new TaskCardVariables());
                // Every task's name carries its project, enterprise and unit, for every role's Tasklist card.
                parse.add(new TaskCardNames(context));
                // Every task its model does not date gets its due date from the jurisdiction's tc-task-due.
                parse.add(new TaskDueDateListener(context));
                parse.add(new TaskMails(context));
                configuration.setCustomPreBPMNParseListeners(parse);
                // An uncaught BPMN error thrown at a task fails instead of silently ending the project's execution.
                configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
                // Object variables only of the app's own kinds (maps and lists of the tables' results).
                configuration.setDeserializationTypeValidationEnabled(true);
                configuration.setDeserializationAllowedPackages("");
                configuration.setDeserializationAllowedClasses("java.util.HashMap,java.util.LinkedHashMap,"
                        + "java.util.ArrayList,java.util.LinkedList,java.lang.String,java.lang.Long,java.lang.Integer,"
                        + "java.lang.Double,java.lang.Boolean");
                // The outbox's mail jobs (tc-send-mail), on the project's process instance.
                configuration.setCustomJobHandlers(List.of(new SendMailJobHandler(
                        () -> context.getBean(MailSending.class))));
                configuration.setHistoryEventHandler(new SensitiveVariables(
                        new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers())));
            }

            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                // Task queries join the authorizations as with CMMN on (docs/performance.md §4).
                TaskQueryAuthorizationJoin.install(configuration, context.getEnvironment().getProperty(
                        "tc.performance.task-query-left-join", Boolean.class, true));
            }

            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                new ModelDeployer().deployAll(engine);
            }
        };
    }
}

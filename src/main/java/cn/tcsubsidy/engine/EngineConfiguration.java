package cn.tcsubsidy.engine;

import cn.tcsubsidy.engine.guard.CommandGuard;
import cn.tcsubsidy.engine.guard.DecisionTableCheck;
import cn.tcsubsidy.engine.guard.FormFields;
import cn.tcsubsidy.engine.guard.ModelBeans;
import cn.tcsubsidy.engine.guard.RefusalLog;
import cn.tcsubsidy.engine.guard.SensitiveVariables;
import cn.tcsubsidy.engine.guard.TenantDeploymentGuard;
import cn.tcsubsidy.mail.domain.MailSending;
import cn.tcsubsidy.mail.process.SendMailJobHandler;
import cn.tcsubsidy.mail.process.TaskMails;
import cn.tcsubsidy.rules.feel.CachingFeelEngineFactory;
import cn.tcsubsidy.rules.process.RuleDeploymentRecorder;
import cn.tcsubsidy.rules.process.RuleGuardrailDeployer;
import cn.tcsubsidy.rules.process.TableGuardrails;
import cn.tcsubsidy.tasks.process.TaskCardNames;
import cn.tcsubsidy.tasks.process.TaskDueDateListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class EngineConfiguration {

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
                configuration.setCustomPreDeployers(List.of(TABLE_CHECK,
                        new TenantDeploymentGuard(), new RuleGuardrailDeployer(GUARDRAILS)));
                // Every deployment of a jurisdiction's tables recorded with its readable diff, in its transaction.
                configuration.setCustomPostDeployers(List.of(RuleDeploymentRecorder.of(context)));
                // The Spring factory built an expression manager over the whole application context before the
                // plugins ran; replace it with one that names only the process code.
                configuration.setExpressionManager(new SpringExpressionManager(context, new ModelBeans(context)));
                configuration.setDmnEngineConfiguration(feelOnlyDmnEngine());
                List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
                pre.add(0, new CommandGuard(configuration, FormFields.fromClasspath(), securityLog(context)));
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
                // Task queries join the authorizations as with CMMN on (47x faster on PostgreSQL at 50,000 tasks).
                if (!configuration.isCmmnEnabled()) {
                    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(
                            new TaskQueryAuthorizationJoin(context.getEnvironment().getProperty(
                                    "tc.performance.task-query-left-join", Boolean.class, true)));
                }
            }

            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                new ModelDeployer().deployAll(engine);
            }
        };
    }

    /**
     * The policy guardrails, on a DMN engine of their own (FEEL only, no history): one instance per JVM, so that the
     * shipped tables, once tried, are not tried again when a test starts another application context.
     */
    static final DecisionTableCheck TABLE_CHECK = DecisionTableCheck.forShippedTables(Tenants.ALL);

    /** The size, FEEL-only and shipped-keys check, as a rule change's preview runs it before the guardrails. */
    @Bean
    static DecisionTableCheck decisionTableCheck() {
        return TABLE_CHECK;
    }

    static final TableGuardrails GUARDRAILS = new TableGuardrails(feelOnlyDmnEngine().buildEngine(), TABLE_CHECK);

    /** The guardrails as the preview and the rule changes call them. */
    @Bean
    static TableGuardrails ruleGuardrails() {
        return GUARDRAILS;
    }

    /**
     * The application's security log once the context has it (the engine is built first); the server log before.
     * Every refusal goes to the server log as well.
     */
    static RefusalLog securityLog(ApplicationContext context) {
        return new RefusalLog() {
            @Override
            public void refused(String userId, String what) {
                RefusalLog.SERVER_LOG.refused(userId, what);
                context.getBeanProvider(RefusalLog.class).ifAvailable(log -> log.refused(userId, what));
            }

            @Override
            public void administrativeAction(String userId, String what) {
                RefusalLog.SERVER_LOG.administrativeAction(userId, what);
                context.getBeanProvider(RefusalLog.class).ifAvailable(log -> log.administrativeAction(userId, what));
            }
        };
    }

    /**
     * Every default expression language of the DMN engine is FEEL; a table naming JUEL or a script language is
     * refused at deployment ({@link DecisionTableCheck}), and if one ever got past, the DMN engine has no JUEL
     * provider and no script engine to run it with.
     */
    public static DefaultDmnEngineConfiguration feelOnlyDmnEngine() {
        DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
        dmn.setDefaultInputExpressionExpressionLanguage(feel);
        dmn.setDefaultInputEntryExpressionLanguage(feel);
        dmn.setDefaultOutputEntryExpressionLanguage(feel);
        dmn.setDefaultLiteralExpressionLanguage(feel);
        dmn.setElProvider(expression -> {
            throw new IllegalStateException("rule tables may use FEEL only; refused: " + expression);
        });
        dmn.setScriptEngineResolver(language -> {
            throw new IllegalStateException("rule tables may use FEEL only; refused language " + language);
        });
        // Camunda's Scala FEEL engine, with each expression parsed once and the built-in functions built once.
        // The JVM property tc.feel.engine=stock puts Camunda's own back: a measurement switch (docs/performance.md).
        if ("stock".equals(System.getProperty("tc.feel.engine"))) {
            dmn.setFeelEngineFactory(new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()));
        } else {
            dmn.setFeelEngineFactory(new CachingFeelEngineFactory(dmn::getFeelCustomFunctionProviders));
        }
        return dmn;
    }

    /** The starter ships /engine-rest open; every call must sign in (HTTP Basic) so tenant checks and authorizations apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setName("engine-rest-authentication");
        return registration;
    }
}

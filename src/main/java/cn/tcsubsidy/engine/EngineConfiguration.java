package cn.tcsubsidy.engine;

import cn.tcsubsidy.engine.feel.CachingFeelEngineFactory;
import cn.tcsubsidy.engine.guard.DecisionTableCheck;
import cn.tcsubsidy.engine.guard.RefusalLog;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's own settings that know no feature: the DMN engine (FEEL only), the table check, the security log the
 * guards write to, signing in on /engine-rest. The features' engine extensions are joined to them in
 * {@code cn.tcsubsidy.EngineAssembly}.
 */
@Configuration
public class EngineConfiguration {

    /**
     * The size, FEEL-only and shipped-keys check on a DMN engine of its own (FEEL only, no history): one instance per
     * JVM, so that the shipped tables, once tried, are not tried again when a test starts another application context.
     */
    private static final DecisionTableCheck TABLE_CHECK = DecisionTableCheck.forShippedTables(Tenants.ALL);

    /** The size, FEEL-only and shipped-keys check, as a rule change's preview runs it before the guardrails. */
    @Bean
    public static DecisionTableCheck decisionTableCheck() {
        return TABLE_CHECK;
    }

    /**
     * The application's security log once the context has it (the engine is built first); the server log before.
     * Every refusal goes to the server log as well.
     */
    public static RefusalLog securityLog(ApplicationContext context) {
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

package cn.tcsubsidy.engine;

import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class EngineConfiguration {

    /**
     * Tenant per instance, the deployment guard, then the models deployed right after the engine is built, before
     * the job executor runs.
     */
    @Bean
    static ProcessEnginePlugin tcSubsidyEnginePlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setTenantIdProvider(new JurisdictionTenantIdProvider(new HashSet<>(Tenants.ALL)));
                configuration.setCustomPreDeployers(List.of(new TenantDeploymentGuard()));
            }

            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                new ModelDeployer().deployAll(engine);
            }
        };
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

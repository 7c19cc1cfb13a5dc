package cn.tcsubsidy.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Times the engine's decision evaluations ({@link TimedDmnEngine}). The engine looks its DMN engine up in its
 * configuration on every evaluation, so replacing it once the configuration is initialized is enough. The registry
 * is looked up lazily: the engine is built before most beans, and nothing here should pull the metrics set-up in
 * ahead of it.
 */
@Configuration
class DecisionMetricsPlugin {

    @Bean
    static AbstractProcessEnginePlugin decisionMetricsEnginePlugin(ObjectProvider<MeterRegistry> registry) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setDmnEngine(new TimedDmnEngine(configuration.getDmnEngine(), registry));
            }
        };
    }
}

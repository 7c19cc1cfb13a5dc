package cn.tcsubsidy.support;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.filing.process.JurisdictionTenantIdProvider;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * An in-memory engine for process tests, configured like the application's (tenant per jurisdiction, id whitelist,
 * JSON serialization, history TTL enforced) but with mock-resolvable expressions and model coverage recording.
 */
public final class ProcessTestEngine {

    private ProcessTestEngine() {
    }

    public static ProcessEngineConfiguration configuration(String name) {
        return configure(new ProcessCoverageInMemProcessEngineConfiguration(), name);
    }

    /**
     * The same engine without coverage recording, for a test that builds and closes its engine itself: the coverage
     * recorder needs its JUnit extension, and finds a model by key alone (one tenant per key).
     */
    public static ProcessEngineConfiguration withoutCoverage(String name) {
        return configure(new StandaloneInMemProcessEngineConfiguration(), name);
    }

    private static ProcessEngineConfiguration configure(ProcessEngineConfigurationImpl c, String name) {
        c.setProcessEngineName(name);
        c.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        c.setJobExecutorActivate(false);
        c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        c.setExpressionManager(new MockExpressionManager());
        c.setTenantIdProvider(new JurisdictionTenantIdProvider(new HashSet<>(Tenants.ALL)));
        c.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*|camunda-admin");
        c.setDefaultSerializationFormat("application/json");
        c.setEnforceHistoryTimeToLive(true);
        c.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
        return c;
    }

    /** Deploys classpath models, for one tenant or (tenant null) shared. */
    public static String deploy(ProcessEngine engine, String tenant, String... resources) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("test-" + tenant);
        if (tenant != null) {
            builder.tenantId(tenant);
        }
        for (String r : resources) {
            InputStream in = ProcessTestEngine.class.getClassLoader().getResourceAsStream(r);
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + r);
            }
            builder.addInputStream(r, in);
        }
        return builder.deploy().getId();
    }
}

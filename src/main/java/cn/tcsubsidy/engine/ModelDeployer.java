package cn.tcsubsidy.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the models from the classpath folders processes/, forms/ and dmn/ at start:
 * <ul>
 *   <li>{@code tc-project} (shared by every jurisdiction) with the processes it calls (panel seats and turns,
 *       correction, objection), the system-started rule-change activation (tc-rule-change) and the forms,
 *       tenant-less;</li>
 *   <li>per jurisdiction: {@code tc-annual-round} with the forms, {@code tc-round-opener} (so the November timer
 *       opens one round in each tenant), {@code tc-fund-budget} (the finance officer's budget entry, in the
 *       officer's own tenant) and the jurisdiction's own tables {@code dmn/<jurisdiction>/*.dmn}.</li>
 * </ul>
 * Duplicate filtering keeps a restart from creating new versions of unchanged models, and leaves in force a table
 * an administrator deployed since (it lives in a deployment of another name).
 */
public class ModelDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
    public static final String PROJECT_DEPLOYMENT = "tc-project";
    public static final String TENANT_DEPLOYMENT_PREFIX = "tc-models-";

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public void deployAll(ProcessEngine engine) {
        List<Resource> forms = find("classpath*:forms/*.form");
        List<Resource> project = concat(find("classpath*:processes/tc-project.bpmn"), forms);
        project = concat(project, find("classpath*:processes/tc-panel-seat.bpmn"));
        project = concat(project, find("classpath*:processes/tc-panel-turn.bpmn"));
        project = concat(project, find("classpath*:processes/tc-follow-up.bpmn"));
        project = concat(project, find("classpath*:processes/tc-follow-up-report.bpmn"));
        project = concat(project, find("classpath*:processes/tc-correction.bpmn"));
        project = concat(project, find("classpath*:processes/tc-objection.bpmn"));
        project = concat(project, find("classpath*:processes/tc-rule-change.bpmn"));
        deploy(engine, PROJECT_DEPLOYMENT, null, project);
        for (String tenant : Tenants.ALL) {
            List<Resource> models = concat(find("classpath*:processes/tc-annual-round.bpmn"), forms);
            models = concat(models, find("classpath*:processes/tc-round-opener.bpmn"));
            models = concat(models, find("classpath*:processes/tc-fund-budget.bpmn"));
            models = concat(models, find("classpath*:dmn/" + tenant + "/*.dmn"));
            deploy(engine, TENANT_DEPLOYMENT_PREFIX + tenant, tenant, models);
        }
    }

    private void deploy(ProcessEngine engine, String name, String tenant, List<Resource> resources) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name(name).source("tc-subsidy").enableDuplicateFiltering(false);
        if (tenant != null) {
            builder.tenantId(tenant);
        }
        for (Resource r : resources) {
            try (InputStream in = r.getInputStream()) {
                builder.addInputStream(folderOf(r) + r.getFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read model " + r, e);
            }
        }
        DeploymentWithDefinitions d = builder.deployWithResult();
        LOG.info("Models {} (tenant {}): {} resources, deployment {}", name, tenant, resources.size(), d.getId());
    }

    private static String folderOf(Resource r) {
        try {
            String url = r.getURL().toString();
            for (String folder : new String[] {"processes/", "forms/", "dmn/"}) {
                int i = url.lastIndexOf(folder);
                if (i >= 0) {
                    String path = url.substring(i);
                    return path.substring(0, path.length() - r.getFilename().length());
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Resource> find(String pattern) {
        try {
            return Arrays.stream(resolver.getResources(pattern))
                    .sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pattern, e);
        }
    }

    private static List<Resource> concat(List<Resource> a, List<Resource> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

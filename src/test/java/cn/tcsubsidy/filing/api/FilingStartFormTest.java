package cn.tcsubsidy.filing.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The filing start form offers each user only their own jurisdiction, preselected (Tasklist through the webapps'
 * engine API, and /engine-rest); the administrator all five; other forms are served untouched. The filing's own
 * check still refuses another jurisdiction's filing (the form is no guard).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-error-pages;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class FilingStartFormTest {

    static final String START_FORM = "/process-definition/key/tc-project/deployed-start-form";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    static JsonNode jurisdiction(JsonNode form) {
        List<JsonNode> todo = new ArrayList<>();
        form.get("components").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode c = todo.remove(0);
            if ("jurisdiction".equals(c.path("key").asText())) {
                return c;
            }
            c.path("components").forEach(todo::add);
        }
        throw new AssertionError("no jurisdiction field");
    }

    static List<String> offered(JsonNode field) {
        List<String> out = new ArrayList<>();
        field.get("values").forEach(v -> out.add(v.get("value").asText()));
        return out;
    }

    @Test
    void shouldOfferAJiyuanEnterpriseOnlyJiyuanPreselectedInTasklist() throws Exception {
        WebappSession tasklist = WebappSession.signIn(port, "jiyuan-ent-1");
        Rest.Response r = tasklist.getApp("/camunda/api/engine/engine/default" + START_FORM);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode field = jurisdiction(JSON.readTree(r.text()));
        assertThat(offered(field)).containsExactly("jiyuan");
        assertThat(field.get("defaultValue").asText()).isEqualTo("jiyuan");
        assertThat(field.get("description").asText()).isEqualTo(FilingStartForm.ONE);
        // The rest of the form is the deployed one.
        assertThat(JSON.readTree(r.text()).get("components").size())
                .isEqualTo(JSON.readTree(new Rest(port).get("admin", "/engine-rest" + START_FORM).text())
                        .get("components").size());
    }

    @Test
    void shouldOfferEachUserOwnJurisdictionsOverEngineRest() throws Exception {
        Rest rest = new Rest(port);
        JsonNode hekou = jurisdiction(JSON.readTree(rest.get("hekou-ent-1", "/engine-rest" + START_FORM).text()));
        assertThat(offered(hekou)).containsExactly("hekou");
        JsonNode admin = jurisdiction(JSON.readTree(rest.get("admin", "/engine-rest" + START_FORM).text()));
        assertThat(offered(admin)).containsExactlyInAnyOrder("hekou", "huanggang", "yanzhou", "jiyuan", "liaocheng");
        assertThat(admin.has("defaultValue")).isFalse();
    }

    @Test
    void shouldServeTheFormToAnEnterpriseWhenTheEngineReadsItAgainFromTheDatabase() throws Exception {
        // As after a restart on a kept database: the engine parses the stored deployment again on this read, which
        // runs the deployers; the deployment guards must not take that for the enterprise deploying.
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache().purgeCache();
        Rest.Response r = new Rest(port).get("yanzhou-ent-1", "/engine-rest" + START_FORM);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(offered(jurisdiction(JSON.readTree(r.text())))).containsExactly("yanzhou");
        // A rule table of the tenant, read again by a quote as the bureau, is served too.
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache().purgeCache();
        Rest.Response tables = new Rest(port).get("yanzhou-bureau", "/engine-rest/decision-definition/key/tc-award/tenant-id/yanzhou/xml");
        assertThat(tables.status()).as(tables.text()).isIn(200, 403);
        assertThat(tables.text()).doesNotContain("只能为本辖区部署");
    }

    @Test
    void shouldLeaveOtherFormsAndRefusalsAlone() {
        Rest rest = new Rest(port);
        Rest.Response unknown = rest.get("hekou-ent-1", "/engine-rest/process-definition/key/no-such/deployed-start-form");
        assertThat(unknown.status()).isEqualTo(404);
        Rest.Response anonymous = rest.get(null, "/engine-rest" + START_FORM);
        assertThat(anonymous.status()).isEqualTo(401);
    }
}

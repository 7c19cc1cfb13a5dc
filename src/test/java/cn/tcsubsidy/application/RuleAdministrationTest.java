package cn.tcsubsidy.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rule administrator changes a table over REST, without redeploying the app; the next evaluation uses it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-lifecycle;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class RuleAdministrationTest {

    @LocalServerPort
    int port;
    @Autowired
    DecisionService decisions;

    int noticeDays(String tenant) {
        return ((Number) decisions.evaluateDecisionByKey("tc-round-calendar").decisionDefinitionTenantId(tenant)
                .variables(Map.of("roundYear", 2027)).evaluate().getSingleResult().getEntry("noticeWorkingDays")).intValue();
    }

    int deploy(String user, String tenant, String table) {
        return new Rest(port).deploy(user, tenant, tenant + "-pipeline.dmn", table).status();
    }

    @Test
    void shouldUseANewTableVersionAtOnceAndOnlyInItsOwnJurisdiction() throws Exception {
        String table = Files.readString(Path.of("dmn/yanzhou/yanzhou-pipeline.dmn"))
                .replace("<outputEntry id=\"Output_RoundCalendar_1_NoticeDays\"><text>5</text>",
                        "<outputEntry id=\"Output_RoundCalendar_1_NoticeDays\"><text>7</text>");
        assertThat(noticeDays("yanzhou")).isEqualTo(5);

        assertThat(deploy("hekou-rules", "yanzhou", table)).as("another jurisdiction's administrator").isEqualTo(403);
        assertThat(deploy("yanzhou-ent-1", "yanzhou", table)).as("not a rule administrator").isEqualTo(403);
        assertThat(deploy("yanzhou-rules", null, table)).as("a shared, tenant-less deployment").isEqualTo(403);
        assertThat(noticeDays("yanzhou")).isEqualTo(5);

        assertThat(deploy("yanzhou-rules", "yanzhou", table)).isEqualTo(200);
        assertThat(noticeDays("yanzhou")).isEqualTo(7);
        assertThat(noticeDays("hekou")).as("other tenants keep their table").isEqualTo(5);
    }
}

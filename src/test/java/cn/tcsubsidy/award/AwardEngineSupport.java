package cn.tcsubsidy.award;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application with its engine, tables deployed per tenant by ModelDeployer and demo identities, shared by the
 * award tests (one Spring context for all of them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:tc-award;DB_CLOSE_DELAY=-1",
        "tc.demo.identities=true",
        "tc.demo.projects=false",
        "camunda.bpm.job-execution.enabled=false"})
public abstract class AwardEngineSupport {

    @Autowired
    protected DecisionService decisionService;

    @Autowired
    protected RepositoryService repositoryService;

    @LocalServerPort
    protected int port;

    protected AwardTable table(String tenant) {
        return new AwardTable(decisionService, tenant);
    }
}

package cn.tcsubsidy.notice.publication;

import org.springframework.boot.test.context.SpringBootTest;

/** The published proposed list on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-public-notice;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PublicNoticeH2Test extends PublicNoticeScenario {
}

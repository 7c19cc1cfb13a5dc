package cn.tcsubsidy.scoreboard;

import org.springframework.boot.test.context.SpringBootTest;

/** The scoreboard, its targets, its workbook and the year at a glance on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-scoreboard;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class ScoreboardH2Test extends ScoreboardScenario {
}

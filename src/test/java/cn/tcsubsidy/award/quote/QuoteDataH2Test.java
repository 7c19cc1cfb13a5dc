package cn.tcsubsidy.award.quote;

import org.springframework.boot.test.context.SpringBootTest;

/** The quote's data on the embedded H2 default, so its constraints and locks are proved there too. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-quote-data;DB_CLOSE_DELAY=-1",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class QuoteDataH2Test extends QuoteDataScenario {
}

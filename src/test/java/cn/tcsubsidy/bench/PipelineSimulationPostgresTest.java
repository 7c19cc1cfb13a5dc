package cn.tcsubsidy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.Postgres;
import cn.tcsubsidy.support.RequiresPostgres;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A smoke run of the pipeline benchmark on PostgreSQL: {@value #DEFAULT_PROJECTS} projects (two per jurisdiction),
 * filed, reviewed, awarded, paid, accepted and followed up to CLOSED by {@link PipelineSimulation}, with every stage's
 * SQL counted ({@link SqlCounting}). Asserts the run is whole and its figures sane, never a timing; prints the table.
 * {@code -Dbench.projects=N} runs N projects instead (a measurement, not for the build), {@code -Dbench.database=name}
 * in a fresh database of that name, {@code -Dbench.sql.texts=true} prints each stage's most frequent statements.
 */
@RequiresPostgres
@ActiveProfiles("postgres")
@Import(SqlCounting.class)
@SpringBootTest(properties = {
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
class PipelineSimulationPostgresTest {

    static final int DEFAULT_PROJECTS = 10;

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.useFreshDatabase(registry, System.getProperty("bench.database", "tc_pipeline_bench_test"));
    }

    @Test
    void shouldDriveEveryProjectOfEveryJurisdictionThroughTheWholePipelineCountingItsSql() {
        int projects = Integer.getInteger("bench.projects", DEFAULT_PROJECTS);
        assertThat(SqlCounting.installed()).as("the DataSource bean is wrapped").isTrue();

        PipelineSimulation.Result result = new PipelineSimulation(context).run(projects);
        System.out.println(result.toTable());
        System.out.println(result.toCsv());
        if (Boolean.getBoolean("bench.sql.texts")) {
            for (PipelineSimulation.StageResult s : result.stages()) {
                System.out.println("== " + s.stage());
                SqlCounting.topStatements(s.stage(), 12).forEach(e -> System.out.printf("%8d  %s%n", e.getValue(),
                        e.getKey()));
            }
        }

        assertThat(result.projects()).isEqualTo(projects);
        assertThat(result.finalStages()).as("every project paid and its follow-up passed")
                .containsExactly(Map.entry("CLOSED", (long) projects));
        assertThat(jdbc.sql("select jurisdiction_code, count(*) from project where stage = 'CLOSED'"
                + " group by jurisdiction_code").query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .as("spread evenly over the five jurisdictions")
                .containsExactlyInAnyOrderElementsOf(PipelineSimulation.JURISDICTIONS.stream()
                        .map(j -> Map.entry(j, (long) projects / 5)).toList());
        for (String stage : PipelineSimulation.STAGES) {
            PipelineSimulation.StageResult s = result.stage(stage);
            assertThat(s.counts().statements()).as(stage + ": statements").isPositive();
            assertThat(s.counts().allCommits()).as(stage + ": commits").isPositive();
            assertThat(s.nanos()).as(stage).isPositive();
        }
        assertThat(result.stage("filing").counts().inserts()).as("a filing inserts").isGreaterThanOrEqualTo(projects);
        assertThat(result.stage("filing").counts().rowsWritten()).isGreaterThanOrEqualTo(projects);
        assertThat(result.pipelineCounts().statements()).isEqualTo(PipelineSimulation.STAGES.stream()
                .mapToLong(s -> result.stage(s).counts().statements()).sum());
        assertThat(result.stage("panel-scoring").counts().batches()).as("the engine flushes in JDBC batches")
                .isPositive();

        BigDecimal paid = jdbc.sql("select coalesce(sum(amount), 0) from payment").query(BigDecimal.class).single();
        BigDecimal awarded = jdbc.sql("select coalesce(sum(paid_amount), 0) from award").query(BigDecimal.class).single();
        assertThat(paid).as("payments = the awards' paid amounts").isPositive().isEqualByComparingTo(awarded);
        assertThat(jdbc.sql("select count(*) from payment").query(Long.class).single())
                .isGreaterThanOrEqualTo(projects);
        assertThat(runtime.createIncidentQuery().count()).as("no incident").isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("tc-project").count())
                .as("every project's instance ended").isZero();
    }
}

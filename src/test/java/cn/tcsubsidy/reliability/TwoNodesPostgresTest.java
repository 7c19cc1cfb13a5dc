package cn.tcsubsidy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.RequiresPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, two nodes: two app processes (JVMs of their own, {@link ClusterNodes}) on one PostgreSQL database, both
 * job executors on; {@value #DEFAULT_PROJECTS} projects of the five jurisdictions driven from filing to CLOSED by
 * {@code PipelineSimulation} running in node A, every second user's form submission sent to node B over its engine
 * REST API ({@link PeerCompletions}), while both job executors take the continuations, the round's fan-outs and the
 * mails as they come. Afterwards, by SQL on the shared database ({@link ClusterChecks}): every project CLOSED, no job
 * stuck, no incident, the ledger equal to the payments, no enterprise over its cap, no fund over its budget, no
 * payment twice; and each node did a real share of the submissions and of the jobs.
 * {@code -Dreliability.projects=N} drives N projects instead (a manual run).
 */
@RequiresPostgres
class TwoNodesPostgresTest {

    static final int DEFAULT_PROJECTS = 500;

    @Test
    void shouldKeepEveryProjectPaymentAndLimitWhenTwoNodesShareTheWork() throws Exception {
        int projects = Integer.getInteger("reliability.projects", DEFAULT_PROJECTS);
        long t0 = System.nanoTime();
        JsonNode result;
        ClusterChecks checks;
        try (ClusterNodes cluster = new ClusterNodes("tc_two_nodes")) {
            ClusterNodes.Node a = cluster.start("node-a", 300_000);
            ClusterNodes.Node b = cluster.start("node-b", 300_000);
            a.send("run " + projects + " " + b.port.get());
            result = a.awaitResult(90);
            checks = new ClusterChecks(cluster.url);
            // Both still up: the jobs the run left (none due, by the checks below) stay theirs until they are stopped.
            assertThat(b.process.isAlive()).as("node B survived the run").isTrue();
            report(projects, result, checks, System.nanoTime() - t0);

            assertThat(result.path("failure").isMissingNode()).as("the run: " + result.path("failure").asText())
                    .isTrue();
            assertThat(checks.stages()).as("every project CLOSED (final stages: " + ClusterChecks.FINAL_STAGES + ")")
                    .containsExactly(Map.entry("CLOSED", (long) projects));
            assertThat(checks.incidents()).as("incidents").isEmpty();
            assertThat(checks.stuckJobs(120)).as("jobs nobody runs").isEmpty();
            assertThat(checks.payments()).as("payments").isGreaterThanOrEqualTo(projects);
            assertThat(checks.ledgerMismatches()).as("ledger against payments").isEmpty();
            assertThat(checks.capGroups()).as("awards under an enterprise cap").isPositive();
            assertThat(checks.enterprisesOverCap()).as("enterprises over their cap").isEmpty();
            assertThat(checks.fundsOverBudget()).as("funds over their budget").isEmpty();
            assertThat(checks.duplicateOrStrayPayments()).as("payments twice or stray").isEmpty();

            long here = result.path("completionsHere").asLong();
            long peer = result.path("completionsPeer").asLong();
            assertThat(peer).as("submissions node B answered").isGreaterThanOrEqualTo((here + peer) * 2 / 5);
            assertThat(here).as("submissions node A made").isGreaterThanOrEqualTo((here + peer) * 2 / 5);
            Map<String, Long> jobs = checks.jobsByHost(ClusterChecks.JOB_SUCCESSFUL);
            long allJobs = jobs.values().stream().mapToLong(Long::longValue).sum();
            assertThat(jobs.getOrDefault("node-a", 0L)).as("jobs node A ran of " + jobs).isGreaterThan(allJobs / 10);
            assertThat(jobs.getOrDefault("node-b", 0L)).as("jobs node B ran of " + jobs).isGreaterThan(allJobs / 10);
        }
    }

    private static void report(int projects, JsonNode result, ClusterChecks checks, long nanos) {
        System.out.printf("two nodes: %d projects, %.0f s wall (pipeline %.0f s); submissions node A %d, node B %d "
                        + "(B retried %d busy answers); jobs run %s, failed %s; payments %d, %s yuan; stages %s%n",
                projects, nanos / 1e9, result.path("pipelineSeconds").asDouble(),
                result.path("completionsHere").asLong(),
                result.path("completionsPeer").asLong(), result.path("peerBusyRetries").asLong(),
                checks.jobsByHost(ClusterChecks.JOB_SUCCESSFUL), checks.jobsByHost(ClusterChecks.JOB_FAILED),
                checks.payments(), checks.sumOfPayments().toPlainString(), checks.stages());
    }
}

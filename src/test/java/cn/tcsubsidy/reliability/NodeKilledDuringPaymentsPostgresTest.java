package cn.tcsubsidy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.support.RequiresPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, a node killed: two nodes on one database ({@link ClusterNodes}), {@value #DEFAULT_PROJECTS} projects
 * driven through the pipeline from node A with every second submission sent to node B ({@link PeerCompletions}); once
 * a third of the projects' payments are made (finance's approvals, {@code Task_ApprovePayment}, each writing its
 * payment in the approval's transaction), node B gets SIGKILL. The driver re-sends to node A what B never answered
 * (unless B had committed it), node A's job executor takes over B's locked jobs once their locks expire (the nodes run
 * with a lock time of {@value #LOCK_TIME_MILLIS} ms instead of 5 minutes, so the test does not wait that long), and
 * the run goes on to CLOSED on node A alone. Then: every payment exists exactly once, the ledger equals the payments,
 * no job is stuck, no incident, every project CLOSED. {@code -Dreliability.killProjects=N} drives N projects.
 */
@RequiresPostgres
class NodeKilledDuringPaymentsPostgresTest {

    static final int DEFAULT_PROJECTS = 20;
    static final long LOCK_TIME_MILLIS = 15_000;

    @Test
    void shouldPayEveryOrderExactlyOnceWhenANodeIsKilledInTheMiddleOfThePayments() throws Exception {
        int projects = Integer.getInteger("reliability.killProjects", DEFAULT_PROJECTS);
        long t0 = System.nanoTime();
        try (ClusterNodes cluster = new ClusterNodes("tc_node_killed")) {
            ClusterNodes.Node a = cluster.start("node-a", LOCK_TIME_MILLIS);
            ClusterNodes.Node b = cluster.start("node-b", LOCK_TIME_MILLIS);
            ClusterChecks checks = new ClusterChecks(cluster.url);
            a.send("run " + projects + " " + b.port.get());

            // Payments start only after the notice period; wait for a third of them, watching the database.
            long killAt = Math.max(2, projects / 3);
            long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
            long paymentsAtKill;
            while ((paymentsAtKill = checks.payments()) < killAt) {
                assertThat(a.result.isDone()).as("the run ended before " + killAt + " payments: "
                        + (a.result.isDone() && !a.result.isCompletedExceptionally() ? a.result.get() : "")).isFalse();
                assertThat(System.nanoTime()).as("payments reached " + killAt + " within 30 min").isLessThan(deadline);
                Thread.sleep(10);
            }
            // Then kill B while it holds jobs (locked, running or queued in its executor), if it takes one within ten
            // seconds: its job executor's work is to be taken over too, not only the submissions it answers.
            long lockWait = System.nanoTime() + 10_000_000_000L;
            long lockedByB;
            while ((lockedByB = lockedBy(checks, b.lockOwner)) == 0 && System.nanoTime() < lockWait) {
                Thread.sleep(5);
            }
            b.kill();
            long killedAtNanos = System.nanoTime();
            long paymentsAtKillMoment = checks.payments();
            Map<String, Long> jobsBeforeKill = checks.jobsByHost(ClusterChecks.JOB_SUCCESSFUL);

            JsonNode result = a.awaitResult(30);
            long afterKill = System.nanoTime() - killedAtNanos;
            System.out.printf("node killed: %d projects, %.0f s wall, node B killed at %d payments (holding %d "
                            + "jobs; jobs run by then %s); %.0f s after the kill node A finished; submissions node "
                            + "A %d, node B %d, unanswered by B %d (re-sent to A %d, committed by B before it died "
                            + "%d); jobs run %s, failed %s; payments %d, %s yuan; stages %s%n",
                    projects, (System.nanoTime() - t0) / 1e9, paymentsAtKillMoment, lockedByB, jobsBeforeKill,
                    afterKill / 1e9, result.path("completionsHere").asLong(), result.path("completionsPeer").asLong(),
                    result.path("peerUnanswered").asLong(), result.path("resentHere").asLong(),
                    result.path("committedByPeerUnanswered").asLong(), checks.jobsByHost(ClusterChecks.JOB_SUCCESSFUL),
                    checks.jobsByHost(ClusterChecks.JOB_FAILED), checks.payments(),
                    checks.sumOfPayments().toPlainString(), checks.stages());

            assertThat(b.process.isAlive()).as("node B is dead").isFalse();
            assertThat(result.path("failure").isMissingNode()).as("the run: " + result.path("failure").asText())
                    .isTrue();
            assertThat(result.path("peerAliveAtEnd").asBoolean()).as("the driver found node B gone").isFalse();
            assertThat(result.path("completionsPeer").asLong()).as("node B took submissions before").isPositive();
            assertThat(checks.payments()).as("the kill came in the middle of the payments")
                    .isGreaterThan(paymentsAtKillMoment).isGreaterThanOrEqualTo(projects);
            assertThat(lockedBy(checks, b.lockOwner)).as("jobs still locked by the dead node").isZero();
            assertThat(checks.stages()).as("every project CLOSED")
                    .containsExactly(Map.entry("CLOSED", (long) projects));
            assertThat(checks.duplicateOrStrayPayments()).as("payments twice or stray").isEmpty();
            assertThat(checks.ledgerMismatches()).as("ledger against payments").isEmpty();
            assertThat(checks.enterprisesOverCap()).as("enterprises over their cap").isEmpty();
            assertThat(checks.fundsOverBudget()).as("funds over their budget").isEmpty();
            assertThat(checks.incidents()).as("incidents").isEmpty();
            assertThat(checks.stuckJobs(120)).as("jobs nobody runs").isEmpty();
        }
    }

    /** Jobs a node's job executor has locked (the lock owner stays until the job ends or another node takes it). */
    private static long lockedBy(ClusterChecks checks, String lockOwner) {
        return checks.jdbc().sql("select count(*) from act_ru_job where lock_owner_ = :o").param("o", lockOwner)
                .query(Long.class).single();
    }
}

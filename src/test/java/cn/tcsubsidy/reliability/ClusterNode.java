package cn.tcsubsidy.reliability;

import cn.tcsubsidy.TcSubsidyApplication;
import cn.tcsubsidy.bench.BenchNode;
import cn.tcsubsidy.bench.PipelineSimulation;
import cn.tcsubsidy.bench.SqlCounting;
import cn.tcsubsidy.engine.EngineClock;
import cn.tcsubsidy.support.Postgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One node of a two-node cluster, in a JVM of its own, started by {@link ClusterNodes} (not meant to be run by hand):
 * the application as shipped (the {@code tuned} arguments of {@link BenchNode}: demo identities, no demo projects) on
 * the shared PostgreSQL database, job executor on, on a free loopback port, its engine's {@code hostname}
 * ({@code cluster.node}) written into every job log entry it makes.
 *
 * <p>It talks to the test JVM over its standard streams: prints {@value #READY} with its port and its job
 * executor's lock owner once started; reads commands from standard input, one a line:
 * {@code run <projects> <peerPort>} drives the pipeline from this node ({@link PipelineSimulation}, every second form
 * submission sent to the peer node, {@link PeerCompletions}) and prints {@value #RESULT} with its figures as JSON;
 * {@code exit} (or the end of standard input, so a test JVM that dies takes its nodes with it) stops the node.
 *
 * <p>The clock: the simulation moves the app's clock (a notice period, a follow-up year). Each JVM has its own
 * (Camunda's {@code ClockUtil}), so the driving node writes the offset into {@code cluster_test.clock} and waits until
 * the other node has read and applied it (its row {@code applied}); both JVMs share the machine's system clock, so
 * one offset makes one time.
 */
public final class ClusterNode {

    static final String READY = "CLUSTER-READY ";
    static final String RESULT = "CLUSTER-RESULT ";
    static final String CLOCK_TABLE = "cluster_test.clock";

    private ClusterNode() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 3;
        }
        System.out.flush();
        // The app's non-daemon threads (web server, job executor) must not keep a stopped node alive.
        Runtime.getRuntime().halt(status);
    }

    private static int run() throws Exception {
        String node = System.getProperty("cluster.node");
        String database = System.getProperty("cluster.database");
        List<String> appArgs = new ArrayList<>(BenchNode.applicationArguments("tuned", Postgres.SERVER + database));
        appArgs.add("--camunda.bpm.generic-properties.properties.hostname=" + node);
        appArgs.add("--camunda.bpm.job-execution.lock-time-in-millis="
                + System.getProperty("cluster.lockTimeMillis", "300000"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TcSubsidyApplication.class,
                SqlCounting.class).profiles("postgres").run(appArgs.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
        Thread follower = new Thread(() -> followClock(jdbc, node), "cluster-clock-follower");
        follower.setDaemon(true);
        follower.start();
        System.out.println("node " + node + ": " + BenchNode.effectiveSettings(context));
        String lockOwner = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) context
                .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor()
                .getLockOwner();
        System.out.println(READY + port + " " + lockOwner);
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int status = 0;
        while ((line = in.readLine()) != null) {
            String[] command = line.trim().split(" ");
            if ("run".equals(command[0])) {
                status |= drive(context, jdbc, node, Integer.parseInt(command[1]), Integer.parseInt(command[2]));
            } else if ("exit".equals(command[0])) {
                break;
            }
        }
        context.close();
        return status;
    }

    private static int drive(ConfigurableApplicationContext context, JdbcClient jdbc, String node, int projects,
                             int peerPort) throws Exception {
        PeerCompletions completions = new PeerCompletions(context, peerPort);
        Map<String, Object> result = new LinkedHashMap<>();
        int status = 0;
        long t0 = System.nanoTime();
        try {
            PipelineSimulation.Result r = new PipelineSimulation(context).completions(completions)
                    .clock(new SharedClock(jdbc, node, completions)).run(projects);
            System.out.println(r.toTable());
            result.put("finalStages", r.finalStages());
            result.put("pipelineSeconds", r.totalNanos() / 1e9);
        } catch (RuntimeException | AssertionError e) {
            e.printStackTrace();
            result.put("failure", String.valueOf(e));
            status = 2;
        }
        result.put("wallSeconds", (System.nanoTime() - t0) / 1e9);
        result.putAll(completions.figures());
        System.out.println(RESULT + new ObjectMapper().writeValueAsString(result));
        System.out.flush();
        return status;
    }

    /** The non-driving node: applies the offset the driver writes, then says so in its own row. */
    private static void followClock(JdbcClient jdbc, String node) {
        long applied = Long.MIN_VALUE;
        while (true) {
            try {
                Long target = jdbc.sql("select offset_ms from " + CLOCK_TABLE + " where node = 'target'")
                        .query(Long.class).optional().orElse(null);
                if (target != null && target != applied) {
                    if (target == 0) {
                        EngineClock.reset();
                    } else {
                        ClockUtil.offset(target);
                    }
                    applied = target;
                    jdbc.sql("insert into " + CLOCK_TABLE + " (node, offset_ms) values (:n, :o) on conflict (node) "
                            + "do update set offset_ms = excluded.offset_ms").param("n", node).param("o", target)
                            .update();
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The driver may not have written a row yet, or the database blinked: look again.
                try {
                    Thread.sleep(200);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** The driver's clock: this JVM's moved, and the peer's too (waiting until it has applied it, unless dead). */
    private record SharedClock(JdbcClient jdbc, String node, PeerCompletions peer)
            implements PipelineSimulation.ClockMover {

        @Override
        public void moveTo(Instant at) {
            EngineClock.moveTo(at);
            share(at.toEpochMilli() - System.currentTimeMillis());
        }

        @Override
        public void reset() {
            EngineClock.reset();
            share(0);
        }

        private void share(long offset) {
            jdbc.sql("insert into " + CLOCK_TABLE + " (node, offset_ms) values ('target', :o) on conflict (node) "
                    + "do update set offset_ms = excluded.offset_ms").param("o", offset).update();
            long until = System.nanoTime() + 30_000_000_000L;
            while (peer.peerAlive()) {
                long others = jdbc.sql("select count(*) from " + CLOCK_TABLE + " where node not in ('target', :me)"
                        + " and offset_ms = :o").param("me", node).param("o", offset).query(Long.class).single();
                if (others > 0) {
                    return;
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("the peer node has not applied the clock in 30 s");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}

package cn.tcsubsidy.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.TcSubsidyApplication;
import cn.tcsubsidy.support.Rest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives a crash of the embedded default (H2 file database): the real app runs as a child
 * JVM with its default datasource URL (only the file moved to a temporary directory), an enterprise files projects
 * one after another over HTTP, the child is killed with SIGKILL right after the last acknowledgement, and every
 * project answered with 201 must be in the file.
 */
class EmbeddedH2DurabilityTest {

    static final int FILINGS = 80;
    static final String ENTERPRISE = "hekou-ent-1";
    static final Duration STARTUP = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor();
        }
    }

    /** A valid Hekou filing, distinct per index; a new required filing field goes here. */
    static Map<String, Object> filing(int i) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "hekou");
        f.put("unitCode", "yihe");
        f.put("enterpriseName", "东营市河口区示例化工有限公司");
        f.put("creditCode", "91350100M000100Y43");
        f.put("projectName", "智能化改造项目" + i);
        f.put("projectCode", String.format("2025-370503-26-03-%06d", i));
        f.put("category", "DIRECT_SUBSIDY");
        f.put("plannedTotalInvestment", 9_000_000);
        f.put("plannedEquipmentInvestment", 7_000_000);
        f.put("bankName", "中国银行东营分行");
        f.put("bankAccount", "2198000" + String.format("%08d", i));
        f.put("plannedStartDate", "2025-01-01");
        f.put("plannedEndDate", "2025-10-01");
        return f;
    }

    @Test
    void shouldKeepEveryAcknowledgedFilingWhenTheJvmIsKilled() throws Exception {
        Path database = dir.resolve("tc-subsidy");
        int port = freePort();
        // C1 only: the child is up in a fraction of the time, which is what this test mostly waits for.
        app = new ProcessBuilder(javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TcSubsidyApplication.class.getName(),
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                // The app's own datasource URL (application.yml) with only the file moved.
                "--tc.h2.file=" + database,
                "--tc.demo.projects=false",
                "--camunda.bpm.job-execution.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile())
                .start();
        Rest rest = new Rest(port);
        long started = System.nanoTime();
        awaitReady(rest);
        long ready = System.nanoTime();

        List<Long> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 1; i <= FILINGS; i++) {
            Rest.Response r = rest.post(ENTERPRISE, "/api/projects", filing(i));
            if (r.status() == 201) {
                acknowledged.add(r.body().get("projectId").asLong());
            } else {
                refused.add(r.status() + " " + r.text());
            }
        }
        app.destroyForcibly().waitFor();
        System.out.printf("EmbeddedH2DurabilityTest: ready in %d ms, %d filings in %d ms%n",
                (ready - started) / 1_000_000, FILINGS, (System.nanoTime() - ready) / 1_000_000);

        Set<Long> stored = storedProjectIds(database);
        List<Long> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
        System.out.printf("EmbeddedH2DurabilityTest: %d filings acknowledged, %d stored after kill -9, %d lost %s%n",
                acknowledged.size(), stored.size(), lost.size(), lost);
        assertThat(refused).as("every filing is acknowledged").isEmpty();
        assertThat(acknowledged).hasSize(FILINGS);
        assertThat(lost).as("acknowledged filings missing after kill -9").isEmpty();
    }

    private void awaitReady(Rest rest) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited with " + app.exitValue() + ":\n" + log());
            }
            try {
                // 404 once the app is up and the demo enterprise exists (401 before).
                if (rest.get(ENTERPRISE, "/api/projects/0").status() == 404) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused: still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not start within " + STARTUP + ":\n" + log());
    }

    private static Set<Long> storedProjectIds(Path database) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("select id from project")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private String log() throws IOException {
        String all = Files.readString(dir.resolve("app.log"));
        return all.length() > 20_000 ? all.substring(all.length() - 20_000) : all;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package cn.tcsubsidy.reliability;

import cn.tcsubsidy.support.Postgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Two app nodes ({@link ClusterNode}, each a JVM of its own: same java, same class path, {@code -Xmx768m},
 * {@code -XX:+ExitOnOutOfMemoryError}) on one fresh PostgreSQL database, started one after the other (the first
 * migrates the schema and deploys the models; the second finds them). Each node's output goes to
 * {@code target/cluster-logs/<database>-<node>.log}. {@link #close()} kills both (SIGKILL) and waits for them; a node
 * also ends by itself when its standard input closes, i.e. when this JVM dies.
 */
final class ClusterNodes implements AutoCloseable {

    /** One node: its process, its port, and the result line its driver prints. */
    static final class Node {
        final String name;
        final Process process;
        final Path log;
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        /** The job executor's lock owner ({@code ACT_RU_JOB.LOCK_OWNER_} of the jobs it has locked). */
        volatile String lockOwner;
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        private final Writer commands;

        Node(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
            this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::readOutput, "cluster-node-" + name + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void readOutput() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (line.startsWith(ClusterNode.READY)) {
                        String[] ready = line.substring(ClusterNode.READY.length()).trim().split(" ");
                        lockOwner = ready[1];
                        port.complete(Integer.parseInt(ready[0]));
                    } else if (line.startsWith(ClusterNode.RESULT)) {
                        result.complete(new ObjectMapper().readTree(line.substring(ClusterNode.RESULT.length())));
                    }
                }
            } catch (IOException e) {
                // The node was killed while writing: its log ends there.
            } finally {
                port.completeExceptionally(new IllegalStateException("node " + name + " ended before it was ready; "
                        + "see " + log));
                result.completeExceptionally(new IllegalStateException("node " + name + " ended without a result; "
                        + "see " + log));
            }
        }

        void send(String command) throws IOException {
            commands.write(command + "\n");
            commands.flush();
        }

        int awaitPort(long minutes) throws Exception {
            try {
                return port.get(minutes, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                throw new IllegalStateException("node " + name + " not ready in " + minutes + " min; see " + log, e);
            }
        }

        JsonNode awaitResult(long minutes) throws Exception {
            try {
                return result.get(minutes, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                throw new IllegalStateException("node " + name + " gave no result in " + minutes + " min; see " + log,
                        e);
            }
        }

        /** SIGKILL: no shutdown hook, no rollback sent, the sockets just close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    final String database;
    final String url;
    private final List<Node> nodes = new ArrayList<>();

    /** A fresh database {@code database} with the clock table the nodes share (outside the app's schema). */
    ClusterNodes(String database) throws SQLException {
        this.database = database;
        this.url = Postgres.freshDatabase(database);
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("create schema cluster_test");
            s.execute("create table " + ClusterNode.CLOCK_TABLE + " (node varchar(16) primary key, offset_ms bigint)");
        }
    }

    /** Starts node {@code name} and waits (up to 10 minutes: a loaded machine) until it listens. */
    Node start(String name, long lockTimeMillis) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dcluster.node=" + name);
        command.add("-Dcluster.database=" + database);
        command.add("-Dcluster.lockTimeMillis=" + lockTimeMillis);
        // The simulation leaves the continuations to the two job executors and only waits for them.
        command.add("-Dbench.jobs=wait");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterNode.class.getName());
        Path logs = Path.of("target", "cluster-logs");
        Files.createDirectories(logs);
        Node node = new Node(name, new ProcessBuilder(command).redirectErrorStream(true).start(),
                logs.resolve(database + "-" + name + ".log"));
        nodes.add(node);
        node.awaitPort(10);
        return node;
    }

    @Override
    public void close() throws InterruptedException {
        for (Node n : nodes) {
            n.kill();
        }
    }
}

package cn.tcsubsidy.support;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server of a test's own, for faults the machine's shared server must not suffer (a restart during a
 * run): initdb into a temporary directory, trust authentication, user postgres, on a free port of 127.0.0.1, its
 * socket in that directory. The binaries are PostgreSQL's of the machine ({@code /usr/lib/postgresql/<version>/bin},
 * the highest version, or {@code TC_TEST_PG_BIN}). The server refuses to run as root: as root, every command runs as
 * user {@code postgres} ({@code runuser}), which owns the directory.
 * <p>
 * {@link #close()} stops the server (immediate) and deletes its directory; a test calls it in {@code @AfterAll}.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private volatile boolean running;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** The directory of initdb, pg_ctl and postgres, if this machine has them. */
    public static Optional<Path> binaries() {
        String configured = System.getenv("TC_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return hasBinaries(p) ? Optional.of(p) : Optional.empty();
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(PrivatePostgres::hasBinaries)
                    .max(Comparator.comparingInt(PrivatePostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasBinaries(Path bin) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(b -> Files.isExecutable(bin.resolve(b)));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Creates and starts a server; fails when it cannot. */
    public static PrivatePostgres start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL binaries (initdb, pg_ctl, postgres) under /usr/lib/postgresql/*/bin or TC_TEST_PG_BIN"));
        PrivatePostgres pg;
        try {
            Path dir = Files.createTempDirectory("tc-private-pg-");
            pg = new PrivatePostgres(bin, dir, freePort());
            if (asRoot()) {
                pg.run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--locale=C", "--no-sync"), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a private PostgreSQL", e);
        }
        try {
            pg.startServer();
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
        // A JVM that ends without the test's @AfterAll (interrupted, System.exit) still stops its server.
        Runtime.getRuntime().addShutdownHook(new Thread(pg::closeQuietly, "private-postgres-stop"));
        return pg;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of database {@code name} on this server. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Creates database {@code name}; returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on port " + port, e);
        }
        return url(name);
    }

    /** Whether the server accepts a connection now. */
    public boolean answers() {
        DriverManager.setLoginTimeout(2);
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Stops the server ({@code fast}: open transactions roll back, every connection is closed; {@code immediate}:
     * the processes quit at once, recovery at the next start).
     */
    public void stop(String mode) {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "stop"), true);
        running = false;
    }

    /** Starts the stopped server again, on the same port and data; returns when it accepts connections. */
    public void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=50", "start"), true);
        running = true;
    }

    /** The server's log so far (for a failure's message). */
    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (running) {
                stop("immediate");
            }
        } finally {
            deleteDirectory();
        }
    }

    private synchronized void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("private PostgreSQL in " + dir + " not stopped: " + e.getMessage());
        }
    }

    private void deleteDirectory() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }

    private void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres && asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path out = Files.createTempFile("tc-private-pg-cmd-", ".log");
            try {
                Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile())
                        .directory(dir.toFile()).start();
                if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", full) + " did not end in " + COMMAND_LIMIT);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", full) + " failed (" + p.exitValue() + "): "
                            + Files.readString(out, StandardCharsets.UTF_8) + "\n" + log());
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a test class only where the PostgreSQL binaries are. Where they are not, the class is skipped with a
     * printed notice, unless REQUIRE_POSTGRES=1 (as in CI), which makes it fail instead.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Required.Condition.class)
    public @interface Required {

        class Condition implements ExecutionCondition {

            @Override
            public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
                Optional<Path> bin = binaries();
                if (bin.isPresent()) {
                    return ConditionEvaluationResult.enabled("PostgreSQL binaries in " + bin.get());
                }
                String message = "no PostgreSQL binaries (initdb, pg_ctl, postgres) under /usr/lib/postgresql/*/bin"
                        + " or TC_TEST_PG_BIN";
                if ("1".equals(System.getenv("REQUIRE_POSTGRES"))) {
                    throw new IllegalStateException(message + " and REQUIRE_POSTGRES=1");
                }
                System.out.println("NOTICE: " + message + ": skipping " + context.getDisplayName()
                        + " (set REQUIRE_POSTGRES=1 to make this a failure)");
                return ConditionEvaluationResult.disabled(message);
            }
        }
    }
}

package cn.tcsubsidy.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The machine's PostgreSQL for tests: server URL from TC_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/),
 * user from TC_TEST_PG_USER (default postgres), password from TC_TEST_PG_PASSWORD (default empty).
 * Each test class gets a database of its own, dropped and created anew.
 */
public final class Postgres {

    public static final String SERVER = env("TC_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = env("TC_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("TC_TEST_PG_PASSWORD", "");

    private Postgres() {
    }

    public static boolean available() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops and creates database {@code name}; returns its JDBC URL. */
    public static String freshDatabase(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + SERVER, e);
        }
        return SERVER + name;
    }

    /** Points a Spring test's data source at a fresh database {@code name} on the server. */
    public static void useFreshDatabase(org.springframework.test.context.DynamicPropertyRegistry registry, String name) {
        registry.add("spring.datasource.url", () -> freshDatabase(name));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}

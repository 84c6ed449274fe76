package org.relohelp;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the PostgreSQL tests run against, from the environment: RELOHELP_TEST_POSTGRES_URL
 * (a JDBC URL), _USER and _PASSWORD, which {@code .ci/run} sets after starting Debian's server. Without them the
 * tests are skipped with a message, unless RELOHELP_TEST_POSTGRES_REQUIRED=1 (CI sets it): then they fail, so CI
 * can never pass by skipping them. The tests get a schema of their own, dropped and made anew once per run, so
 * every run starts from an empty database and Flyway applies every migration.
 */
public final class PostgresServer {

    /** Not the role's name: PostgreSQL's default search_path ("$user", public) would put anyone's session in it. */
    static final String SCHEMA = "test_run";
    private static String schemaUrl;

    private PostgresServer() {
    }

    private static final String MISSING = "No PostgreSQL server for the PostgreSQL tests: set "
            + "RELOHELP_TEST_POSTGRES_URL, RELOHELP_TEST_POSTGRES_USER and RELOHELP_TEST_POSTGRES_PASSWORD "
            + "(.ci/run does; see docs/testing.md)";

    /**
     * Skips the test class, with the reason in the test report, when no server is configured — unless a server is
     * required, in which case the class runs and {@link #requireConfigured()} fails it.
     */
    public static final class Configured implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return env("URL") != null || required() ? ConditionEvaluationResult.enabled("PostgreSQL configured")
                    : ConditionEvaluationResult.disabled(MISSING);
        }
    }

    /** Fails the calling test class when a server is required (CI) but not configured. */
    public static void requireConfigured() {
        if (env("URL") == null) {
            fail(MISSING + ". RELOHELP_TEST_POSTGRES_REQUIRED=1, so this is a failure, not a skip.");
        }
    }

    private static boolean required() {
        return "1".equals(env("REQUIRED"));
    }

    /** The server's URL pointed at the tests' schema, emptied on first use in this JVM. */
    public static synchronized String url() {
        if (schemaUrl == null) {
            schemaUrl = emptySchema(SCHEMA);
        }
        return schemaUrl;
    }

    /**
     * The server's URL pointed at a schema of the caller's own, dropped and made anew now: for tests whose bots must
     * not share the tables of the context the other PostgreSQL tests keep cached (inbox update ids would collide).
     */
    public static String emptySchema(String schema) {
        try (Connection connection = DriverManager.getConnection(env("URL"), user(), password());
             Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + schema + " cascade");
            sql.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + env("URL") + " cannot be prepared", e);
        }
        return env("URL") + (env("URL").contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String user() {
        return env("USER");
    }

    public static String password() {
        String password = env("PASSWORD");
        return password == null ? "" : password;
    }

    private static String env(String name) {
        String value = System.getenv("RELOHELP_TEST_POSTGRES_" + name);
        return value == null || value.isBlank() ? null : value;
    }
}

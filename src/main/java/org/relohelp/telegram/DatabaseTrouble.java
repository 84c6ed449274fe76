package org.relohelp.telegram;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * "database" in the health: whether storing updates and recording deliveries work. While the database is away the
 * bot waits it out — the intake keeps the batch it could not store and polls no further, the lanes keep their
 * updates, the outbox keeps its outcomes — and this says so, with the reason, until the next success.
 * Also decides which failures are worth waiting out: the database unreachable, a lock or a conflict.
 */
@Component
class DatabaseTrouble implements HealthIndicator {

    private final Clock clock;
    private volatile Failure intake;
    private volatile Failure delivery;

    private record Failure(Instant since, String error) {
    }

    DatabaseTrouble(Clock clock) {
        this.clock = clock;
    }

    void intakeFailed(Throwable e) {
        intake = intake != null ? intake : new Failure(clock.instant(), e.getClass().getSimpleName());
    }

    void intakeRecovered() {
        intake = null;
    }

    void deliveryFailed(Throwable e) {
        delivery = delivery != null ? delivery : new Failure(clock.instant(), e.getClass().getSimpleName());
    }

    void deliveryRecovered() {
        delivery = null;
    }

    boolean intakeFailing() {
        return intake != null;
    }

    @Override
    public Health health() {
        Failure in = intake;
        Failure out = delivery;
        if (in == null && out == null) {
            return Health.up().build();
        }
        Health.Builder down = Health.down();
        if (in != null) {
            down.withDetail("intake", "updates cannot be stored since " + in.since() + " (" + in.error() + "); "
                    + "polling waits and no update is lost");
        }
        if (out != null) {
            down.withDetail("delivery", "the outbox cannot be read or written since " + out.since() + " ("
                    + out.error() + "); messages wait");
        }
        return down.build();
    }

    /**
     * Whether a failure is the database being away or busy (worth waiting out) rather than a bug: Spring's transient
     * and resource-failure exceptions, a transaction that could not begin or end, and any SQL error of class 08
     * (connection), 40 (rollback: deadlock, serialization) or 57 (operator intervention: server shutting down), or
     * that the driver calls transient, recoverable or a broken connection.
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40")
                    || sql.getSQLState().startsWith("57") || sql.getSQLState().startsWith("HYT"))) {
                return true;
            }
        }
        return false;
    }
}

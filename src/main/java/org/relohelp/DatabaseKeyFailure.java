package org.relohelp;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** A database that cannot be opened with the given key gets one clear message instead of a stack trace. */
class DatabaseKeyFailure implements FailureAnalyzer {

    /** H2: wrong user name or password (28000), error while decrypting a file (90049). */
    private static final Set<Integer> KEY_ERRORS = Set.of(28000, 90049);

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && KEY_ERRORS.contains(sql.getErrorCode())) {
                return new FailureAnalysis("Relohelp cannot open its database: the encryption key is wrong, missing, "
                        + "or the database was created without encryption.",
                        "Set RELOHELP_DB_KEY to the key the database was created with (or unset it for an unencrypted "
                                + "database). The key is never stored; without it the data cannot be read.", cause);
            }
        }
        return null;
    }
}

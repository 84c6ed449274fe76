package org.relohelp.users;

import java.time.LocalDateTime;

/** The daily purge: every feature deletes what it keeps about finished business from before {@code cutoff}. */
public record RetentionDue(LocalDateTime cutoff) {
}

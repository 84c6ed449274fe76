package org.relohelp.cluster;

/**
 * Whether this instance is the one that handles updates and runs the singleton jobs (reminders, ticket timers,
 * broadcasts, the daily purge, the weekly stale list). Always true with long polling; with a webhook, true while
 * this instance holds the lease in the database.
 */
public interface Leadership {

    boolean isLeader();

    /**
     * Changes each time this instance becomes the leader: work taken on in an earlier term is not done in a
     * later one (another instance may have done it in between).
     */
    long term();
}

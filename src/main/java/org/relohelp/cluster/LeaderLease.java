package org.relohelp.cluster;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lease row (V11). Taking and renewing are one conditional update, atomic on both databases: it succeeds
 * for the holder, or for anyone once the lease has run out. Times are UTC from the database's clock
 * ({@link DatabaseClock}), so the instances' own clocks and time zones play no part.
 */
@Repository
class LeaderLease {

    static final String BOT = "bot";

    private final JdbcClient jdbc;

    LeaderLease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code holder} holds the lease until {@code now + lease}: it held it, or it had run out. */
    boolean hold(String holder, LocalDateTime now, Duration lease) {
        return jdbc.sql("update leader_lease set holder = ?, expires_at = ? "
                        + "where name = ? and (holder = ? or expires_at < ?)")
                .params(holder, now.plus(lease), BOT, holder, now).update() == 1;
    }

    /** Ends the lease at once if {@code holder} has it, so another instance need not wait for it to run out. */
    void release(String holder, LocalDateTime now) {
        jdbc.sql("update leader_lease set expires_at = ? where name = ? and holder = ?")
                .params(now.minusSeconds(1), BOT, holder).update();
    }

    /** Who holds an unexpired lease. */
    Optional<String> holder(LocalDateTime now) {
        return jdbc.sql("select holder from leader_lease where name = ? and expires_at >= ?").params(BOT, now)
                .query(String.class).optional();
    }
}

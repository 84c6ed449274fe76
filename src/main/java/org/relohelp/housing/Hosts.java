package org.relohelp.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hosts in the database. A removed host is kept inactive and a blocked one also marked blocked: an invitation
 * never makes a blocked host a host again, only an admin's /addhost does. A block is also remembered on its own —
 * the id and the day, nothing else — for {@code block-kept}, even after the person's /forget deleted their host
 * record.
 */
@Repository
class Hosts {

    private static final String COLUMNS = "user_id, display_name, active, blocked";

    private final JdbcClient jdbc;
    private final Clock clock;

    Hosts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whoever was ever a host and is still known (a removed one too: their conversations go on). */
    Optional<Host> find(long userId) {
        return jdbc.sql("select " + COLUMNS + " from housing_host where user_id = ?").param(userId)
                .query((rs, n) -> new Host(rs.getLong("user_id"), rs.getString("display_name"), rs.getBoolean("active"),
                        rs.getBoolean("blocked")))
                .optional();
    }

    boolean isHost(long userId) {
        return find(userId).filter(Host::active).isPresent();
    }

    /**
     * Approves a host (again), which lifts a block; false if they were one already. A returning host keeps their
     * name.
     */
    boolean approve(long userId, String defaultName) {
        if (isHost(userId)) {
            return false;
        }
        jdbc.sql("delete from housing_block where user_id = ?").param(userId).update();
        // standard MERGE: H2 and PostgreSQL (15+) both run it
        jdbc.sql("merge into housing_host h using (select 1 as one) s on h.user_id = :user "
                        + "when matched then update set active = true, blocked = false, added_at = :now "
                        + "when not matched then insert (user_id, display_name, active, blocked, added_at) "
                        + "values (:user, :name, true, false, :now)")
                .param("user", userId).param("name", defaultName).param("now", LocalDateTime.now(clock)).update();
        return true;
    }

    boolean deactivate(long userId) {
        return jdbc.sql("update housing_host set active = false where user_id = ? and active").param(userId)
                .update() == 1;
    }

    /** Blocks a host, or someone not yet a host (so that no invitation makes them one). */
    void block(long userId, String defaultName) {
        jdbc.sql("merge into housing_host h using (select 1 as one) s on h.user_id = :user "
                        + "when matched then update set active = false, blocked = true "
                        + "when not matched then insert (user_id, display_name, active, blocked, added_at) "
                        + "values (:user, :name, false, true, :now)")
                .param("user", userId).param("name", defaultName).param("now", LocalDateTime.now(clock)).update();
        jdbc.sql("merge into housing_block b using (select 1 as one) s on b.user_id = :user "
                        + "when matched then update set blocked_on = :today "
                        + "when not matched then insert (user_id, blocked_on) values (:user, :today)")
                .param("user", userId).param("today", LocalDate.now(clock)).update();
    }

    /** The day an admin blocked this person as a host, while the block is remembered (also after /forget). */
    Optional<LocalDate> blockedOn(long userId) {
        return jdbc.sql("select blocked_on from housing_block where user_id = ?").param(userId)
                .query(LocalDate.class).optional();
    }

    void rename(long userId, String name) {
        jdbc.sql("update housing_host set display_name = ? where user_id = ?").params(name, userId).update();
    }

    List<Host> active() {
        return jdbc.sql("select " + COLUMNS + " from housing_host where active order by added_at")
                .query((rs, n) -> new Host(rs.getLong("user_id"), rs.getString("display_name"), true, false)).list();
    }
}

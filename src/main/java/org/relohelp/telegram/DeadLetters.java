package org.relohelp.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.relohelp.chat.UpdatesSetAside;
import org.relohelp.users.RetentionDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dead-letter table: updates set aside because they could not be stored or their handling failed every time.
 * Only the update id, its kind, the error's class and when — never the words. Logged, counted
 * ({@code relohelp.updates.set.aside}), shown to admins in /stats, and purged with the retention period.
 */
@Repository
class DeadLetters implements UpdatesSetAside {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    DeadLetters(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    void setAside(long updateId, String kind, String error, int attempts) {
        String shortError = error.length() > 200 ? error.substring(0, 200) : error;
        jdbc.sql("insert into dead_letter (update_id, kind, error, attempts, failed_at) select ?, ?, ?, ?, ? "
                        + "where not exists (select 1 from dead_letter where update_id = ?)")
                .params(updateId, kind, shortError, attempts, LocalDateTime.now(clock), updateId).update();
        log.error("Update {} ({}) set aside after {} attempts: {}", updateId, kind, attempts, shortError);
        Counter.builder("relohelp.updates.set.aside").tag("kind", kind.split("/")[0])
                .description("Updates that could not be stored or handled, set aside").register(meters).increment();
    }

    @Override
    public long countSince(LocalDateTime since) {
        return jdbc.sql("select count(*) from dead_letter where failed_at >= ?").param(since).query(Long.class)
                .single();
    }

    @Override
    public List<Entry> latest(int limit) {
        return jdbc.sql("select update_id, kind, error, failed_at from dead_letter order by failed_at desc, "
                        + "update_id desc fetch first " + limit + " rows only")
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class)))
                .list();
    }

    @EventListener
    void purge(RetentionDue event) {
        jdbc.sql("delete from dead_letter where failed_at < ?").param(event.cutoff()).update();
    }
}

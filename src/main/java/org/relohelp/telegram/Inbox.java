package org.relohelp.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.users.RetentionDue;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Received updates in the database. An update is stored before telegrambots confirms its offset, handled from
 * here, and marked handled (its payload cleared) afterwards: a crash loses nothing, and an update Telegram
 * sends again is recognised by its id and not handled twice.
 */
@Repository
class Inbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final WriteAhead writeAhead;

    Inbox(JdbcClient jdbc, Clock clock, TransactionTemplate transaction, WriteAhead writeAhead) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = transaction;
        this.writeAhead = writeAhead;
    }

    /**
     * Stores a batch from one getUpdates call in one transaction, written to the file before this returns (so
     * before the offset is confirmed), and returns the updates not received before, in order.
     */
    List<Update> store(List<Update> updates) {
        List<Update> fresh = transaction.execute(status -> {
            List<Update> stored = new ArrayList<>();
            for (Update update : updates) {
                // a repeat (Telegram sent it again) inserts nothing; catching the duplicate key instead would
                // abort the whole batch's transaction on PostgreSQL
                int inserted = jdbc.sql("insert into inbox (update_id, payload, received_at) select ?, ?, ? "
                                + "where not exists (select 1 from inbox where update_id = ?)")
                        .params(update.getUpdateId(), payload(update), LocalDateTime.now(clock), update.getUpdateId())
                        .update();
                if (inserted == 1) {
                    stored.add(update);
                }
            }
            return stored;
        });
        writeAhead.flush();
        return fresh;
    }

    /** Marks the update handled, clears its words and drops its {@link SendJournal} rows, in one transaction. */
    void handled(int updateId) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("update inbox set handled_at = ?, payload = null where update_id = ?")
                    .params(LocalDateTime.now(clock), updateId).update();
            jdbc.sql("delete from sent where update_id = ?").param(updateId).update();
        });
    }

    /** Updates stored but not handled (the bot stopped or crashed in between), oldest first. */
    List<Update> unhandled() {
        return jdbc.sql("select payload from inbox where handled_at is null order by update_id").query(String.class)
                .list().stream().map(this::update).toList();
    }

    /** The ids of up to {@code limit} unhandled updates, oldest first (the inbox_unhandled index serves it). */
    List<Integer> unhandledIds(int limit) {
        return jdbc.sql("select update_id from inbox where handled_at is null order by update_id fetch first "
                + limit + " rows only").query(Integer.class).list();
    }

    /** The update, unless it has been handled meanwhile. */
    Optional<Update> unhandled(int updateId) {
        return jdbc.sql("select payload from inbox where update_id = ? and handled_at is null").param(updateId)
                .query(String.class).optional().map(this::update);
    }

    @EventListener
    void purge(RetentionDue event) {
        jdbc.sql("delete from inbox where handled_at < ?").param(LocalDateTime.now(clock).minusDays(1)).update();
    }

    private String payload(Update update) {
        try {
            return json.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("update " + update.getUpdateId() + " cannot be stored", e);
        }
    }

    private Update update(String payload) {
        try {
            return json.readValue(payload, Update.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored update cannot be read", e);
        }
    }
}

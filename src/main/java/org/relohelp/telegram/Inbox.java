package org.relohelp.telegram;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.users.RetentionDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Received updates in the database. An update is stored before telegrambots confirms its offset, handled from
 * here, and marked handled (its payload cleared) in the transaction of its handling: a crash loses nothing, and an
 * update Telegram sends again is recognised by its id and not handled twice. An update that cannot be written
 * (something telegrambots could read but not write back) is set aside as a dead letter, never stopping the others.
 */
@Repository
class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /**
     * telegrambots computes each entity's text from the message text when its getter is called, and throws when an
     * entity runs past the text (Telegram never sends that, a client can): the stored form takes the entities as
     * they came.
     */
    abstract static class EntitiesAsReceived {
        @JsonProperty("entities")
        List<MessageEntity> entities;
        @JsonProperty("caption_entities")
        List<MessageEntity> captionEntities;

        @JsonIgnore
        abstract List<MessageEntity> getEntities();

        @JsonIgnore
        abstract List<MessageEntity> getCaptionEntities();
    }

    static final ObjectMapper JSON = new ObjectMapper().addMixIn(Message.class, EntitiesAsReceived.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final WriteAhead writeAhead;
    private final DeadLetters deadLetters;

    Inbox(JdbcClient jdbc, Clock clock, TransactionTemplate transaction, WriteAhead writeAhead,
          DeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = transaction;
        this.writeAhead = writeAhead;
        this.deadLetters = deadLetters;
    }

    /**
     * Stores a batch from one getUpdates call in one transaction, written to the file before this returns (so
     * before the offset is confirmed), and returns the updates not received before, in order. One that cannot be
     * written is set aside in the same transaction. Throws when the database fails: nothing is stored then.
     */
    List<Update> store(List<Update> updates) {
        List<Update> fresh = transaction.execute(status -> {
            List<Update> stored = new ArrayList<>();
            for (Update update : updates) {
                Optional<String> payload = payload(update);
                if (payload.isEmpty()) {
                    deadLetters.setAside(update.getUpdateId(), UpdateKinds.kind(update), "unwritable update", 1);
                    continue;
                }
                // a repeat (Telegram sent it again) inserts nothing; catching the duplicate key instead would
                // abort the whole batch's transaction on PostgreSQL
                int inserted = jdbc.sql("insert into inbox (update_id, payload, received_at) select ?, ?, ? "
                                + "where not exists (select 1 from inbox where update_id = ?)")
                        .params(update.getUpdateId(), payload.get(), LocalDateTime.now(clock), update.getUpdateId())
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

    /** Marks the update handled and clears its words; part of the transaction that handled it. */
    void handled(int updateId) {
        jdbc.sql("update inbox set handled_at = ?, payload = null where update_id = ?")
                .params(LocalDateTime.now(clock), updateId).update();
    }

    /**
     * Updates stored but not handled (the bot stopped or crashed in between), oldest first. One whose stored form
     * cannot be read any more (written by an older version) is set aside instead of blocking every start.
     */
    List<Update> unhandled() {
        record Stored(int id, String payload) {
        }
        List<Update> waiting = new ArrayList<>();
        for (Stored stored : jdbc.sql("select update_id, payload from inbox where handled_at is null order by update_id")
                .query((rs, n) -> new Stored(rs.getInt(1), rs.getString(2))).list()) {
            Optional<Update> update = update(stored.payload());
            if (update.isPresent()) {
                waiting.add(update.get());
            } else {
                transaction.executeWithoutResult(status -> {
                    deadLetters.setAside(stored.id(), "other", "unreadable stored update", 1);
                    handled(stored.id());
                });
            }
        }
        return waiting;
    }

    /** The ids of up to {@code limit} unhandled updates, oldest first (the inbox_unhandled index serves it). */
    List<Integer> unhandledIds(int limit) {
        return jdbc.sql("select update_id from inbox where handled_at is null order by update_id fetch first "
                + limit + " rows only").query(Integer.class).list();
    }

    /** The update, unless it has been handled meanwhile. */
    Optional<Update> unhandled(int updateId) {
        return jdbc.sql("select payload from inbox where update_id = ? and handled_at is null").param(updateId)
                .query(String.class).optional().flatMap(Inbox::update);
    }

    @EventListener
    void purge(RetentionDue event) {
        jdbc.sql("delete from inbox where handled_at < ?").param(LocalDateTime.now(clock).minusDays(1)).update();
    }

    static Optional<String> payload(Update update) {
        try {
            return Optional.of(JSON.writeValueAsString(update));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Update {} ({}) cannot be written: {}", update.getUpdateId(), UpdateKinds.kind(update),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Optional<Update> update(String payload) {
        try {
            return Optional.of(JSON.readValue(payload, Update.class));
        } catch (JsonProcessingException e) {
            log.error("A stored update cannot be read ({}); skipped", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}

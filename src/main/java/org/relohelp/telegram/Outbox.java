package org.relohelp.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.relohelp.chat.Button;
import org.relohelp.chat.Receipt;
import org.relohelp.users.UserForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox table: messages written in the transaction of the state they announce, delivered after the commit by
 * the {@link OutboxDispatcher}. A row is 'queued' until the dispatcher takes it ('sending', just before its call),
 * and deleted once its outcome is recorded. The payload holds the words only until then.
 */
@Repository
class Outbox {

    /** TOPIC: a forum topic call (create, close, reopen), {@link Payload#topic} says which. */
    enum Op { SEND, COPY, EDIT, TOPIC }

    /**
     * What a row asks Telegram to do; the fields an op does not use are null. {@code thread} is the forum topic a
     * message goes to (null: none); a topic call's name goes in {@code html}.
     */
    record Payload(String html, List<List<Button>> buttons, Long fromChat, Integer message, String caption,
                   boolean plain, Integer thread, TopicCall topic) {

        static Payload text(String html, List<List<Button>> buttons) {
            return text(html, buttons, null);
        }

        static Payload text(String html, List<List<Button>> buttons, Integer thread) {
            return new Payload(html, buttons, null, null, null, false, thread, null);
        }

        static Payload copy(long fromChat, int message, String caption) {
            return copy(fromChat, message, caption, null);
        }

        static Payload copy(long fromChat, int message, String caption, Integer thread) {
            return new Payload(null, List.of(), fromChat, message, caption, false, thread, null);
        }

        static Payload edit(int message, String html, List<List<Button>> buttons) {
            return new Payload(html, buttons, null, message, null, false, null, null);
        }

        static Payload topic(TopicCall call, Integer thread, String name) {
            return new Payload(name, List.of(), null, null, null, false, thread, call);
        }

        /** The same words without markup, after Telegram refused the HTML. */
        Payload asPlainText() {
            return new Payload(html, buttons, fromChat, message, caption, true, thread, topic);
        }
    }

    enum TopicCall { CREATE, CLOSE, REOPEN }

    /** Enough to schedule a row without reading its words. */
    record Row(long id, long chatId, boolean bulk, Op op, LocalDateTime notBefore) {
    }

    /** A row taken for sending. */
    record Item(long id, long chatId, Op op, Payload payload, Receipt receipt, int attempts,
                LocalDateTime createdAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    Row add(long chatId, Op op, boolean bulk, Payload payload, Receipt receipt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into outbox (chat_id, op, bulk, payload, receipt_kind, receipt_key, state, attempts, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, 'queued', 0, ?)")
                .params(chatId, op.name(), bulk, json(payload), receipt == null ? null : receipt.kind(),
                        receipt == null ? null : receipt.key(), LocalDateTime.now(clock))
                .update(key, "id");
        return new Row(key.getKey().longValue(), chatId, bulk, op, null);
    }

    /** Queued rows with an id above {@code afterId}, oldest first. */
    List<Row> queued(long afterId, int limit) {
        return jdbc.sql("select id, chat_id, bulk, op, not_before from outbox where state = 'queued' and id > ? "
                        + "order by id fetch first " + limit + " rows only")
                .param(afterId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), Op.valueOf(rs.getString(4)),
                        rs.getObject(5, LocalDateTime.class)))
                .list();
    }

    /**
     * Takes the rows for sending: each is marked 'sending' by a conditional update, so a row is taken once even if
     * two instances try; returns those taken (a row deleted meanwhile, by /forget, is not among them).
     */
    List<Item> take(List<Long> ids) {
        LocalDateTime now = LocalDateTime.now(clock);
        int[] taken = batch.batchUpdate("update outbox set state = 'sending', sending_at = ? where id = ? "
                + "and state = 'queued'", ids.stream().map(id -> new Object[] {now, id}).toList());
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (taken[i] == 1) {
                ours.add(ids.get(i));
            }
        }
        if (ours.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, chat_id, op, payload, receipt_kind, receipt_key, attempts, created_at from outbox "
                        + "where id in (:ids) order by id")
                .param("ids", ours)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), Op.valueOf(rs.getString(3)),
                        payload(rs.getString(4)), rs.getString(5) == null ? null
                        : new Receipt(rs.getString(5), rs.getString(6)), rs.getInt(7),
                        rs.getObject(8, LocalDateTime.class)))
                .list();
    }

    void delete(long id) {
        jdbc.sql("delete from outbox where id = ?").param(id).update();
    }

    /** Back to the queue, to be tried again not before the given time (null: as soon as its turn comes). */
    void retry(long id, LocalDateTime notBefore, int attempts, Payload payload) {
        jdbc.sql("update outbox set state = 'queued', sending_at = null, not_before = ?, attempts = ?, payload = ? "
                + "where id = ?").params(notBefore, attempts, json(payload), id).update();
    }

    /** Rows marked 'sending' before {@code before}: in the air when an instance stopped. Removed and returned. */
    List<Item> settleInTheAir(LocalDateTime before) {
        List<Item> rows = jdbc.sql("select id, chat_id, op, receipt_kind, receipt_key, attempts, created_at from outbox "
                        + "where state = 'sending' and sending_at < ? order by id")
                .param(before)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), Op.valueOf(rs.getString(3)), null,
                        rs.getString(4) == null ? null : new Receipt(rs.getString(4), rs.getString(5)), rs.getInt(6),
                        rs.getObject(7, LocalDateTime.class)))
                .list();
        rows.forEach(row -> delete(row.id()));
        return rows;
    }

    /** A forgotten person's messages not sent yet go with the rest of their data. */
    @EventListener
    void forget(UserForgotten event) {
        jdbc.sql("delete from outbox where chat_id = ? and state = 'queued'").param(event.userId()).update();
    }

    private static String json(Payload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload cannot be written", e);
        }
    }

    private static Payload payload(String json) {
        try {
            return JSON.readValue(json, Payload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload cannot be read", e);
        }
    }
}

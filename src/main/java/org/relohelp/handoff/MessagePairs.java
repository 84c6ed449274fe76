package org.relohelp.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The persistent table of relayed messages: each row links a refugee's message and its copy at the volunteer
 * (or the other way round). Replies and edits are routed by it, and a refugee's message that has no volunteer
 * yet waits here until one takes the ticket, so nothing survives only in memory.
 */
@Repository
class MessagePairs {

    record Pair(long id, long ticket, boolean fromRefugee, long refugeeChat, Integer refugeeMessage,
                Long volunteerChat, Integer volunteerMessage, String kind, LocalDateTime createdAt) {
    }

    private static final String COLUMNS = "id, ticket_id, from_refugee, refugee_chat, refugee_message, volunteer_chat, "
            + "volunteer_message, kind, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    MessagePairs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A refugee's message for a ticket; its volunteer side is filled in by {@link #delivered}. */
    long fromRefugee(long ticket, long refugeeChat, int refugeeMessage, String kind) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into message_pair (ticket_id, from_refugee, refugee_chat, refugee_message, kind, created_at) "
                        + "values (?, true, ?, ?, ?, ?)")
                .params(ticket, refugeeChat, refugeeMessage, kind, LocalDateTime.now(clock)).update(key, "id");
        return key.getKey().longValue();
    }

    /** The copy reached the other side: a refugee's message at the volunteer, or a volunteer's at the refugee. */
    void delivered(long pairId, long chat, int message) {
        jdbc.sql("update message_pair set volunteer_chat = ?, volunteer_message = ? where id = ? and from_refugee")
                .params(chat, message, pairId).update();
        jdbc.sql("update message_pair set refugee_message = ? where id = ? and not from_refugee")
                .params(message, pairId).update();
    }

    /** A volunteer's message for the refugee; its copy's id is filled in by {@link #delivered}. */
    long fromVolunteer(long ticket, long volunteerChat, int volunteerMessage, long refugeeChat, String kind) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into message_pair (ticket_id, from_refugee, refugee_chat, volunteer_chat, volunteer_message, "
                        + "kind, created_at) values (?, false, ?, ?, ?, ?, ?)")
                .params(ticket, refugeeChat, volunteerChat, volunteerMessage, kind, LocalDateTime.now(clock))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Pair> find(long pairId) {
        return jdbc.sql("select " + COLUMNS + " from message_pair where id = ?").param(pairId)
                .query(MessagePairs::pair).optional();
    }

    /** A bot message at the volunteer that belongs to a ticket (announcement copies, labels, history). */
    void atVolunteer(long ticket, long volunteerChat, int volunteerMessage, long refugeeChat) {
        jdbc.sql("insert into message_pair (ticket_id, from_refugee, refugee_chat, volunteer_chat, volunteer_message, "
                        + "kind, created_at) values (?, false, ?, ?, ?, 'note', ?)")
                .params(ticket, refugeeChat, volunteerChat, volunteerMessage, LocalDateTime.now(clock)).update();
    }

    /** A refugee's messages not delivered to a volunteer (or a topic) and not on their way there, oldest first. */
    List<Pair> waiting(long ticket) {
        return jdbc.sql("select " + COLUMNS + " from message_pair where ticket_id = ? and from_refugee "
                + "and volunteer_message is null and volunteer_thread is null order by id").param(ticket)
                .query(MessagePairs::pair).list();
    }

    /** A refugee's message queued into a ticket's topic ({@code thread}), or waiting for one again (null). */
    void queuedTo(long pairId, Integer thread) {
        jdbc.sql("update message_pair set volunteer_thread = ? where id = ?").params(thread, pairId).update();
    }

    Optional<Pair> byRefugeeMessage(long chat, int message) {
        return jdbc.sql("select " + COLUMNS + " from message_pair where refugee_chat = ? and refugee_message = ? "
                + "order by id desc").params(chat, message).query(MessagePairs::pair).list().stream().findFirst();
    }

    /** By the columns' own names: mapping by the record's names costs H2 a failed look-up, and a trace entry, each. */
    private static Pair pair(ResultSet row, int rowNumber) throws SQLException {
        return new Pair(row.getLong("id"), row.getLong("ticket_id"), row.getBoolean("from_refugee"),
                row.getLong("refugee_chat"), row.getObject("refugee_message", Integer.class),
                row.getObject("volunteer_chat", Long.class), row.getObject("volunteer_message", Integer.class),
                row.getString("kind"), row.getObject("created_at", LocalDateTime.class));
    }

    Optional<Pair> byVolunteerMessage(long chat, int message) {
        return jdbc.sql("select " + COLUMNS + " from message_pair where volunteer_chat = ? and volunteer_message = ? "
                + "order by id desc").params(chat, message).query(MessagePairs::pair).list().stream().findFirst();
    }
}

package org.relohelp.handoff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each ticket's forum topic in the volunteers' group (topic mode). Every change is one conditional update, so of two
 * failures reporting the same deleted topic exactly one creates it again.
 */
@Repository
class TicketThreads {

    enum State { CREATING, OPEN, CLOSED, NONE }

    /** A ticket's topic: {@code threadId} null while it is being created. */
    record Thread(long ticket, long chatId, Integer threadId, State state, Integer headerMessage, int recreated) {

        /** A topic to write into (open or closed: the bot created it, so it may write in it when closed). */
        boolean ready() {
            return threadId != null && (state == State.OPEN || state == State.CLOSED);
        }
    }

    private static final String COLUMNS = "ticket_id, chat_id, thread_id, state, header_message, recreated";

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketThreads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void creating(long ticket, long chatId) {
        jdbc.sql("insert into ticket_thread (ticket_id, chat_id, state, recreated, created_at) "
                + "values (?, ?, 'CREATING', 0, ?)").params(ticket, chatId, LocalDateTime.now(clock)).update();
    }

    Optional<Thread> of(long ticket) {
        return jdbc.sql("select " + COLUMNS + " from ticket_thread where ticket_id = ?").param(ticket)
                .query(TicketThreads::thread).optional();
    }

    /**
     * The ticket's topic, its row locked until the transaction ends: a refugee's message and the receipt that creates
     * (or loses) the topic take turns, so the message is either sent into the topic or seen waiting by the receipt.
     */
    Optional<Thread> locked(long ticket) {
        return jdbc.sql("select " + COLUMNS + " from ticket_thread where ticket_id = ? for update").param(ticket)
                .query(TicketThreads::thread).optional();
    }

    /** The ticket whose topic this is. */
    Optional<Long> ticketOf(long chatId, int threadId) {
        return jdbc.sql("select ticket_id from ticket_thread where chat_id = ? and thread_id = ? "
                + "and state in ('OPEN', 'CLOSED')").params(chatId, threadId).query(Long.class).optional();
    }

    /** Telegram created the topic: it is there, and open unless the ticket was closed meanwhile. */
    boolean created(long ticket, int threadId) {
        return jdbc.sql("update ticket_thread set thread_id = ?, state = 'OPEN', header_message = null "
                + "where ticket_id = ? and state = 'CREATING'").params(threadId, ticket).update() == 1;
    }

    /** The topic is gone (someone deleted it): to be created again; false if that is under way already. */
    boolean lost(long ticket, int threadId) {
        return jdbc.sql("update ticket_thread set thread_id = null, state = 'CREATING', header_message = null, "
                + "recreated = recreated + 1 where ticket_id = ? and thread_id = ? and state in ('OPEN', 'CLOSED')")
                .params(ticket, threadId).update() == 1;
    }

    /** No topic could be created: the ticket goes on in private chats. */
    void none(long ticket) {
        jdbc.sql("update ticket_thread set thread_id = null, state = 'NONE' where ticket_id = ?").param(ticket)
                .update();
    }

    void state(long ticket, State state) {
        jdbc.sql("update ticket_thread set state = ? where ticket_id = ? and state in ('OPEN', 'CLOSED')")
                .params(state.name(), ticket).update();
    }

    void header(long ticket, int threadId, int message) {
        jdbc.sql("update ticket_thread set header_message = ? where ticket_id = ? and thread_id = ?")
                .params(message, ticket, threadId).update();
    }

    private static Thread thread(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new Thread(row.getLong("ticket_id"), row.getLong("chat_id"), row.getObject("thread_id", Integer.class),
                State.valueOf(row.getString("state")), row.getObject("header_message", Integer.class),
                row.getInt("recreated"));
    }
}

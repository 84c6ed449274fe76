package org.relohelp.handoff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tickets in the database. Every change of state is one conditional update, so races have one winner. */
@Repository
class Tickets {

    private static final String COLUMNS = "id, user_id, language, country, topic, description, status, volunteer_id, "
            + "created_at, queued_at, closed_at, announced_at, announcement_chat, announcement_message";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Counter created;

    Tickets(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        // not "tickets.created": Prometheus reserves the "_created" suffix and would export it as relohelp_tickets
        this.created = Counter.builder("relohelp.escalations")
                .description("Tickets created: questions handed to volunteers").register(meters);
    }

    Ticket create(long userId, Language language, Country country, String topic, String description) {
        LocalDateTime now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into ticket (user_id, language, country, topic, description, status, created_at, queued_at) "
                        + "values (?, ?, ?, ?, ?, 'QUEUED', ?, ?)")
                .params(userId, language.code(), country == null ? null : country.name(), topic, description, now, now)
                .update(key, "id");
        created.increment();
        return find(key.getKey().longValue()).orElseThrow();
    }

    Optional<Ticket> find(long number) {
        return jdbc.sql("select " + COLUMNS + " from ticket where id = ?").param(number).query(this::ticket).optional();
    }

    Optional<Ticket> openFor(long userId) {
        return jdbc.sql("select " + COLUMNS + " from ticket where user_id = ? and status <> 'CLOSED' order by id desc")
                .param(userId).query(this::ticket).list().stream().findFirst();
    }

    /**
     * As {@link #openFor}, the ticket's row locked until the transaction ends: a message kept for a waiting ticket
     * and a volunteer's take of it then take turns — the take either finds the message among the waiting ones or
     * has committed before the message finds the ticket taken.
     */
    Optional<Ticket> openForLocked(long userId) {
        return jdbc.sql("select " + COLUMNS + " from ticket where user_id = ? and status <> 'CLOSED' for update")
                .param(userId).query(this::ticket).list().stream().max(java.util.Comparator.comparingLong(Ticket::number));
    }

    /** The person's closed tickets still kept (the retention purge deletes them), newest first. */
    List<Long> closedFor(long userId) {
        return jdbc.sql("select id from ticket where user_id = ? and status = 'CLOSED' order by closed_at desc")
                .param(userId).query(Long.class).list();
    }

    Optional<Ticket> lastClosedFor(long userId) {
        return jdbc.sql("select " + COLUMNS + " from ticket where user_id = ? and status = 'CLOSED' "
                + "order by closed_at desc").param(userId).query(this::ticket).list().stream().findFirst();
    }

    /** Assigns a queued ticket to a volunteer; false if someone else was first or it is not queued. */
    boolean claim(long number, long volunteerId) {
        LocalDateTime now = now();
        return jdbc.sql("update ticket set status = 'ASSIGNED', volunteer_id = ?, assigned_at = ?, last_reply_at = null "
                        + "where id = ? and status = 'QUEUED'")
                .params(volunteerId, now, number).update() == 1;
    }

    /** Another volunteer takes over an assigned ticket from {@code from}; false if it changed meanwhile. */
    boolean takeOver(long number, long from, long to) {
        return jdbc.sql("update ticket set volunteer_id = ?, assigned_at = ?, last_reply_at = null "
                + "where id = ? and status = 'ASSIGNED' and volunteer_id = ?").params(to, now(), number, from)
                .update() == 1;
    }

    boolean release(long number) {
        return jdbc.sql("update ticket set status = 'QUEUED', volunteer_id = null, queued_at = ?, announced_at = null "
                + "where id = ? and status = 'ASSIGNED'").params(now(), number).update() == 1;
    }

    boolean close(long number) {
        return jdbc.sql("update ticket set status = 'CLOSED', closed_at = ? where id = ? and status <> 'CLOSED'")
                .params(now(), number).update() == 1;
    }

    /** Opens a closed ticket again: back to its volunteer if given, else to the queue. */
    boolean reopen(long number, Long volunteerId) {
        String status = volunteerId == null ? "QUEUED" : "ASSIGNED";
        return jdbc.sql("update ticket set status = ?, volunteer_id = ?, closed_at = null, queued_at = ?, "
                        + "assigned_at = ?, last_reply_at = null, announced_at = null where id = ? and status = 'CLOSED'")
                .params(status, volunteerId, now(), volunteerId == null ? null : now(), number).update() == 1;
    }

    List<Ticket> queue() {
        return jdbc.sql("select " + COLUMNS + " from ticket where status = 'QUEUED' order by queued_at, id")
                .query(this::ticket).list();
    }

    /** 1 for the next ticket to be taken. */
    int placeInQueue(Ticket ticket) {
        return jdbc.sql("select count(*) from ticket where status = 'QUEUED' and (queued_at < ? or "
                        + "(queued_at = ? and id <= ?))")
                .params(ticket.queuedAt(), ticket.queuedAt(), ticket.number()).query(Integer.class).single();
    }

    List<Ticket> assignedTo(long volunteerId) {
        return jdbc.sql("select " + COLUMNS + " from ticket where status = 'ASSIGNED' and volunteer_id = ? order by id")
                .param(volunteerId).query(this::ticket).list();
    }

    void announced(long number, Long chatId, Integer messageId) {
        jdbc.sql("update ticket set announced_at = ?, announcement_chat = ?, announcement_message = ? where id = ?")
                .params(now(), chatId, messageId, number).update();
    }

    /** The announcement reached the chat: its message, to be edited when someone takes the ticket. */
    void announcementDelivered(long number, long chatId, int messageId) {
        jdbc.sql("update ticket set announcement_chat = ?, announcement_message = ? where id = ?")
                .params(chatId, messageId, number).update();
    }

    void volunteerReplied(long number) {
        LocalDateTime now = now();
        jdbc.sql("update ticket set last_reply_at = ?, first_reply_at = coalesce(first_reply_at, ?) where id = ?")
                .params(now, now, number).update();
    }

    List<Ticket> queuedAnnouncedBefore(LocalDateTime before) {
        return jdbc.sql("select " + COLUMNS + " from ticket where status = 'QUEUED' and announced_at < ? order by id")
                .param(before).query(this::ticket).list();
    }

    List<Ticket> assignedSilentSince(LocalDateTime before) {
        return jdbc.sql("select " + COLUMNS + " from ticket where status = 'ASSIGNED' "
                + "and coalesce(last_reply_at, assigned_at) < ? order by id").param(before).query(this::ticket).list();
    }

    boolean rate(long number, long userId, int rating) {
        return jdbc.sql("update ticket set rating = ? where id = ? and user_id = ? and status = 'CLOSED'")
                .params(rating, number, userId).update() == 1;
    }

    void comment(long number, String comment) {
        jdbc.sql("update ticket set rating_comment = ? where id = ?")
                .params(comment.length() > 1000 ? comment.substring(0, 1000) : comment, number).update();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private Ticket ticket(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getLong("user_id"), Language.fromCode(rs.getString("language")),
                Country.fromCode(rs.getString("country")).orElse(null), rs.getString("topic"),
                rs.getString("description"), Ticket.Status.valueOf(rs.getString("status")),
                (Long) rs.getObject("volunteer_id", Long.class), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("queued_at", LocalDateTime.class), rs.getObject("closed_at", LocalDateTime.class),
                rs.getObject("announced_at", LocalDateTime.class), rs.getObject("announcement_chat", Long.class),
                rs.getObject("announcement_message", Integer.class));
    }
}

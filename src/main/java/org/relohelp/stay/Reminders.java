package org.relohelp.stay;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reminders in the database. Sending claims a row first (PENDING to SENDING in one conditional update) and
 * marks it SENT after, so two senders never send the same reminder and one due during downtime goes out once.
 */
@Repository
class Reminders {

    enum Kind { WEEK_BEFORE, DAY_BEFORE, REGISTRATION }

    record Reminder(long id, long userId, Country country, Kind kind, LocalDate eventDate, LocalDateTime sendAt,
                    Language language) {
    }

    /** A reminder as /privacy lists it, whatever its state (PENDING, SENDING, SENT, CANCELLED). */
    record Kept(Country country, Kind kind, LocalDate eventDate, String state) {
    }

    private static final String COLUMNS = "id, user_id, country, kind, event_date, send_at, language";

    private final JdbcClient jdbc;
    private final Clock clock;

    Reminders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** False when the same reminder is already pending. */
    boolean add(long userId, Country country, Kind kind, LocalDate eventDate, LocalDateTime sendAtUtc,
                Language language) {
        int existing = jdbc.sql("select count(*) from reminder where user_id = ? and kind = ? and event_date = ? "
                + "and state = 'PENDING'").params(userId, kind.name(), eventDate).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("insert into reminder (user_id, country, kind, event_date, send_at, state, language, created_at) "
                        + "values (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(userId, country.name(), kind.name(), eventDate, sendAtUtc, language.code(),
                        LocalDateTime.now(clock)).update();
        return true;
    }

    List<Reminder> due(LocalDateTime nowUtc) {
        return jdbc.sql("select " + COLUMNS + " from reminder where state = 'PENDING' and send_at <= ? order by send_at")
                .param(nowUtc).query(this::reminder).list();
    }

    boolean claim(long id) {
        return jdbc.sql("update reminder set state = 'SENDING' where id = ? and state = 'PENDING'").param(id).update() == 1;
    }

    void sent(long id) {
        jdbc.sql("update reminder set state = 'SENT' where id = ?").param(id).update();
    }

    void retryAt(long id, LocalDateTime whenUtc) {
        // only while still claimed: a reminder cancelled meanwhile (the user blocked the bot) stays cancelled
        jdbc.sql("update reminder set state = 'PENDING', send_at = ? where id = ? and state = 'SENDING'")
                .params(whenUtc, id).update();
    }

    /** After a crash between claiming and sending, the reminder goes out once more rather than never. */
    void releaseClaims() {
        jdbc.sql("update reminder set state = 'PENDING' where state = 'SENDING'").update();
    }

    List<Reminder> pendingFor(long userId) {
        return jdbc.sql("select " + COLUMNS + " from reminder where user_id = ? and state = 'PENDING' order by send_at")
                .param(userId).query(this::reminder).list();
    }

    List<Kept> keptFor(long userId) {
        return jdbc.sql("select country, kind, event_date, state from reminder where user_id = ? order by send_at")
                .param(userId).query((rs, n) -> new Kept(Country.fromCode(rs.getString(1)).orElseThrow(),
                        Kind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    boolean cancel(long id, long userId) {
        return jdbc.sql("update reminder set state = 'CANCELLED' where id = ? and user_id = ? and state = 'PENDING'")
                .params(id, userId).update() == 1;
    }

    int cancelAll(long userId) {
        return jdbc.sql("update reminder set state = 'CANCELLED' where user_id = ? and state in ('PENDING', 'SENDING')")
                .param(userId).update();
    }

    private Reminder reminder(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Reminder(rs.getLong(1), rs.getLong(2), Country.fromCode(rs.getString(3)).orElseThrow(),
                Kind.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDateTime.class),
                Language.fromCode(rs.getString(7)));
    }
}

package org.relohelp.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Requests in the database; each change of state is one conditional update. */
@Repository
class Requests {

    private static final String COLUMNS = "id, offer_id, guest_id, host_id, date_from, date_to, people, status";
    private static final String OPEN = "status in ('PENDING', 'ACCEPTED')";

    private final JdbcClient jdbc;
    private final Clock clock;

    Requests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Request create(Offer offer, long guestId, LocalDate from, LocalDate to, int people) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into housing_request (offer_id, guest_id, host_id, date_from, date_to, people, status, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?)")
                .params(offer.id(), guestId, offer.hostId(), from, to, people, now()).update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    Optional<Request> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from housing_request where id = ?").param(id)
                .query(Requests::request).optional();
    }

    boolean accept(long id) {
        return jdbc.sql("update housing_request set status = 'ACCEPTED', answered_at = ? where id = ? "
                + "and status = 'PENDING'").params(now(), id).update() == 1;
    }

    /** Declined by the host, or because the offer ended. */
    boolean decline(long id) {
        return jdbc.sql("update housing_request set status = 'DECLINED', answered_at = ?, ended_at = ? where id = ? "
                + "and status = 'PENDING'").params(now(), now(), id).update() == 1;
    }

    boolean withdraw(long id, long guestId) {
        return jdbc.sql("update housing_request set status = 'WITHDRAWN', ended_at = ? where id = ? and guest_id = ? "
                + "and status = 'PENDING'").params(now(), id, guestId).update() == 1;
    }

    boolean end(long id) {
        return jdbc.sql("update housing_request set status = 'ENDED', ended_at = ? where id = ? and status = 'ACCEPTED'")
                .params(now(), id).update() == 1;
    }

    List<Request> pendingFor(long offerId) {
        return jdbc.sql("select " + COLUMNS + " from housing_request where offer_id = ? and status = 'PENDING' "
                + "order by id").param(offerId).query(Requests::request).list();
    }

    /** Pending and accepted requests a person is in, as guest or host. */
    List<Request> openOf(long userId) {
        return jdbc.sql("select " + COLUMNS + " from housing_request where (guest_id = ? or host_id = ?) and " + OPEN
                + " order by id").params(userId, userId).query(Requests::request).list();
    }

    Optional<Request> openFor(long guestId, long offerId) {
        return jdbc.sql("select " + COLUMNS + " from housing_request where guest_id = ? and offer_id = ? and " + OPEN)
                .params(guestId, offerId).query(Requests::request).list().stream().findFirst();
    }

    /** How many requests a person sent since then (any outcome): the limit per minute and per hour. */
    int sentSince(long guestId, LocalDateTime since) {
        return jdbc.sql("select count(*) from housing_request where guest_id = ? and created_at >= ?")
                .params(guestId, since).query(Integer.class).single();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static Request request(ResultSet rs, int row) throws SQLException {
        return new Request(rs.getLong("id"), rs.getLong("offer_id"), rs.getLong("guest_id"), rs.getLong("host_id"),
                rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class),
                rs.getInt("people"), Request.Status.valueOf(rs.getString("status")));
    }
}

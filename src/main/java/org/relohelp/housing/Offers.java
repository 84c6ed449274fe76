package org.relohelp.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Offers in the database. A change of state is one conditional update, so of two presses one wins. */
@Repository
class Offers {

    private static final String COLUMNS = "id, host_id, country, city, kind, people, date_from, date_to, price, "
            + "price_per, currency, children, pets, smoking, description, status, reminded_at";
    private static final String OPEN = "status <> 'CLOSED'";

    private final JdbcClient jdbc;
    private final Clock clock;

    Offers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long create(long hostId, Terms t) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into housing_offer (host_id, country, city, kind, people, date_from, date_to, price, price_per, "
                        + "currency, children, pets, smoking, description, status, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'LIVE', ?)")
                .params(hostId, t.country().name(), t.city(), t.kind().name(), t.people(), t.from(), t.to(), t.price(),
                        t.per() == null ? null : t.per().name(), t.currency(), t.children(), t.pets(), t.smoking(),
                        t.description(), now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A host's changes to an open offer; new dates are asked about again a day before they end. */
    boolean update(long offerId, long hostId, Terms t) {
        return jdbc.sql("update housing_offer set country = ?, city = ?, kind = ?, people = ?, date_from = ?, "
                        + "date_to = ?, price = ?, price_per = ?, currency = ?, children = ?, pets = ?, smoking = ?, "
                        + "description = ?, reminded_at = null where id = ? and host_id = ? and " + OPEN)
                .params(t.country().name(), t.city(), t.kind().name(), t.people(), t.from(), t.to(), t.price(),
                        t.per() == null ? null : t.per().name(), t.currency(), t.children(), t.pets(), t.smoking(),
                        t.description(), offerId, hostId)
                .update() == 1;
    }

    Optional<Offer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from housing_offer where id = ?").param(id).query(Offers::offer)
                .optional();
    }

    /** The live offers in a city, of hosts who are hosts now. */
    List<Offer> live(Country country, String city) {
        return jdbc.sql("select " + COLUMNS + " from housing_offer o where country = ? and city = ? and status = 'LIVE' "
                        + "and exists (select 1 from housing_host h where h.user_id = o.host_id and h.active) "
                        + "order by id")
                .params(country.name(), city).query(Offers::offer).list();
    }

    List<Offer> openOf(long hostId) {
        return jdbc.sql("select " + COLUMNS + " from housing_offer where host_id = ? and " + OPEN + " order by id")
                .param(hostId).query(Offers::offer).list();
    }

    /** Open offers whose last date is before {@code day}: the expiry job decides each in its country's time. */
    List<Offer> openEndingBefore(LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from housing_offer where " + OPEN + " and date_to < ? order by id")
                .param(day).query(Offers::offer).list();
    }

    /** From one status to another; false when it was not in {@code from} (someone else was first). */
    boolean move(long id, Offer.Status from, Offer.Status to) {
        return jdbc.sql("update housing_offer set status = ? where id = ? and status = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    boolean close(long id) {
        return jdbc.sql("update housing_offer set status = 'CLOSED', closed_at = ? where id = ? and " + OPEN)
                .params(now(), id).update() == 1;
    }

    boolean reminded(long id) {
        return jdbc.sql("update housing_offer set reminded_at = ? where id = ? and reminded_at is null and " + OPEN)
                .params(now(), id).update() == 1;
    }

    boolean extend(long id, long hostId, int days) {
        return find(id).filter(o -> o.hostId() == hostId && o.isOpen()).map(o -> jdbc.sql(
                        "update housing_offer set date_to = ?, reminded_at = null where id = ? and " + OPEN)
                .params(o.terms().to().plusDays(days), id).update() == 1).orElse(false);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** By the columns' own names, as elsewhere: H2 looks each record name up otherwise. */
    private static Offer offer(ResultSet rs, int row) throws SQLException {
        String per = rs.getString("price_per");
        Terms terms = new Terms(Country.fromCode(rs.getString("country")).orElseThrow(), rs.getString("city"),
                Terms.Kind.valueOf(rs.getString("kind")), rs.getInt("people"),
                rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class),
                rs.getObject("price", Integer.class), per == null ? null : Terms.Per.valueOf(per),
                rs.getString("currency"), rs.getBoolean("children"), rs.getBoolean("pets"), rs.getBoolean("smoking"),
                rs.getString("description"));
        return new Offer(rs.getLong("id"), rs.getLong("host_id"), terms, Offer.Status.valueOf(rs.getString("status")),
                rs.getObject("reminded_at", LocalDateTime.class));
    }
}

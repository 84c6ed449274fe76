package org.relohelp.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Housing dialogues in progress, one per person, in the database: a restart in the middle loses nothing. A new
 * offer's draft that another dialogue or command interrupts is set aside (one per host) until /offer takes it back.
 */
@Repository
class Steps {

    private final JdbcClient jdbc;
    private final Clock clock;

    Steps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Step> of(long userId) {
        return jdbc.sql("select * from housing_step where user_id = ?").param(userId).query(Steps::draft).optional();
    }

    void save(Step d) {
        save("housing_step", d);
    }

    /**
     * Starts another dialogue: the one in progress, if any, is replaced — a new offer's draft set aside first.
     * Returns the one replaced, so that the caller can say what became of it.
     */
    Optional<Step> start(Step first) {
        Optional<Step> before = of(first.userId());
        before.filter(Steps::keeps).ifPresent(this::setAside);
        save(first);
        return before;
    }

    /** Whether a dialogue is kept when another one interrupts it: a new offer's draft, the longest to write again. */
    static boolean keeps(Step d) {
        return d.stage().offer() && d.offerId() == null;
    }

    /** Sets a new offer's draft aside (replacing one set aside before); the dialogue in progress is not touched. */
    void setAside(Step d) {
        save("housing_offer_aside", d);
    }

    /** The new offer's draft set aside, if any. */
    Optional<Step> aside(long userId) {
        return jdbc.sql("select * from housing_offer_aside where user_id = ?").param(userId).query(Steps::draft)
                .optional();
    }

    void dropAside(long userId) {
        jdbc.sql("delete from housing_offer_aside where user_id = ?").param(userId).update();
    }

    private void save(String table, Step d) {
        Terms t = d.terms();
        // standard MERGE: H2 and PostgreSQL (15+) both run it
        jdbc.sql("merge into " + table + " s using (select 1 as one) x on s.user_id = :user "
                        + "when matched then update set step = :step, offer_id = :offer, back_to_preview = :back, "
                        + "country = :country, city = :city, kind = :kind, people = :people, date_from = :from, "
                        + "date_to = :to, price = :price, price_per = :per, currency = :currency, children = :children, "
                        + "pets = :pets, smoking = :smoking, description = :description, language = :language, "
                        + "created_at = :now "
                        + "when not matched then insert (user_id, step, offer_id, back_to_preview, country, city, kind, "
                        + "people, date_from, date_to, price, price_per, currency, children, pets, smoking, description, "
                        + "language, created_at) values (:user, :step, :offer, :back, :country, :city, :kind, :people, "
                        + ":from, :to, :price, :per, :currency, :children, :pets, :smoking, :description, :language, "
                        + ":now)")
                .param("user", d.userId()).param("step", d.stage().name()).param("offer", d.offerId())
                .param("back", d.back()).param("country", t.country() == null ? null : t.country().name())
                .param("city", t.city()).param("kind", t.kind() == null ? null : t.kind().name())
                .param("people", t.people()).param("from", t.from()).param("to", t.to()).param("price", t.price())
                .param("per", t.per() == null ? null : t.per().name()).param("currency", t.currency())
                .param("children", t.children()).param("pets", t.pets()).param("smoking", t.smoking())
                .param("description", t.description()).param("language", d.language().code())
                .param("now", LocalDateTime.now(clock)).update();
    }

    /** Ends the dialogue; false if there was none. */
    boolean done(long userId) {
        return jdbc.sql("delete from housing_step where user_id = ?").param(userId).update() == 1;
    }

    private static Step draft(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        String per = rs.getString("price_per");
        Terms terms = new Terms(Country.fromCode(rs.getString("country")).orElse(null), rs.getString("city"),
                kind == null ? null : Terms.Kind.valueOf(kind), rs.getObject("people", Integer.class),
                rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class),
                rs.getObject("price", Integer.class), per == null ? null : Terms.Per.valueOf(per),
                rs.getString("currency"), rs.getBoolean("children"), rs.getBoolean("pets"), rs.getBoolean("smoking"),
                rs.getString("description"));
        return new Step(rs.getLong("user_id"), Step.Stage.valueOf(rs.getString("step")),
                rs.getObject("offer_id", Long.class), rs.getBoolean("back_to_preview"), terms,
                Language.fromCode(rs.getString("language")));
    }
}

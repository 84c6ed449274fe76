package org.relohelp.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The volunteer roster in the database; a removed volunteer is kept inactive, never trusted again. */
@Repository
class Volunteers {

    private static final String COLUMNS = "user_id, display_name, languages, countries, current_ticket";

    private final JdbcClient jdbc;
    private final Clock clock;

    Volunteers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Volunteer> active(long userId) {
        return jdbc.sql("select " + COLUMNS + " from volunteer where user_id = ? and active").param(userId)
                .query(Volunteers::volunteer).optional();
    }

    /** Adds or re-activates a volunteer; false if they were active already. */
    boolean add(long userId, String defaultName) {
        if (active(userId).isPresent()) {
            return false;
        }
        // a returning volunteer keeps their display name; standard MERGE runs on H2 and PostgreSQL (15+)
        jdbc.sql("merge into volunteer v using (select 1 as one) s on v.user_id = :user "
                        + "when matched then update set languages = 'ru', countries = '', active = true, added_at = :now "
                        + "when not matched then insert (user_id, display_name, languages, countries, active, added_at) "
                        + "values (:user, :name, 'ru', '', true, :now)")
                .param("user", userId).param("name", defaultName).param("now", LocalDateTime.now(clock)).update();
        return true;
    }

    boolean deactivate(long userId) {
        return jdbc.sql("update volunteer set active = false, current_ticket = null where user_id = ? and active")
                .param(userId).update() == 1;
    }

    List<Volunteer> all() {
        return jdbc.sql("select " + COLUMNS + " from volunteer where active order by added_at")
                .query(Volunteers::volunteer).list();
    }

    /** By the columns' own names: mapping by the record's names costs H2 a failed look-up, and a trace entry, each. */
    private static Volunteer volunteer(ResultSet row, int rowNumber) throws SQLException {
        return new Volunteer(row.getLong("user_id"), row.getString("display_name"), row.getString("languages"),
                row.getString("countries"), row.getObject("current_ticket", Long.class));
    }

    void rename(long userId, String name) {
        jdbc.sql("update volunteer set display_name = ? where user_id = ?").params(name, userId).update();
    }

    void setLanguages(long userId, String languages) {
        jdbc.sql("update volunteer set languages = ? where user_id = ?").params(languages, userId).update();
    }

    void setCountries(long userId, String countries) {
        jdbc.sql("update volunteer set countries = ? where user_id = ?").params(countries, userId).update();
    }

    void setCurrentTicket(long userId, Long ticket) {
        jdbc.sql("update volunteer set current_ticket = ? where user_id = ?").params(ticket, userId).update();
    }
}

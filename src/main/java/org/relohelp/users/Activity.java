package org.relohelp.users;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many people used the bot lately, by country and language; counts only, never who. */
@Component
public class Activity {

    private final JdbcClient jdbc;

    Activity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** People seen since {@code start} who have not blocked the bot; a missing country is one not chosen yet. */
    public record Group(Optional<Country> country, Language language, long people) {
    }

    public List<Group> since(LocalDateTime start) {
        return jdbc.sql("select country, language, count(*) n from profile where last_seen_at >= ? "
                        // explicit: H2 and PostgreSQL sort NULLs at opposite ends by default
                        + "and blocked_at is null group by country, language order by n desc, country nulls first, language")
                .param(start)
                .query((rs, row) -> new Group(Country.fromCode(rs.getString("country")),
                        Language.fromCode(rs.getString("language")), rs.getLong("n")))
                .list();
    }
}

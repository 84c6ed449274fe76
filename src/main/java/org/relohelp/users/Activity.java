package org.relohelp.users;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

    /** {@code notCounted}: people who use the bot for their work (volunteers, admins), not for help. */
    public List<Group> since(LocalDateTime start, Collection<Long> notCounted) {
        List<Object> params = new ArrayList<>();
        params.add(start);
        params.addAll(notCounted);
        String except = notCounted.isEmpty() ? ""
                : "and user_id not in (" + String.join(", ", Collections.nCopies(notCounted.size(), "?")) + ") ";
        return jdbc.sql("select country, language, count(*) n from profile where last_seen_at >= ? " + except
                        // explicit: H2 and PostgreSQL sort NULLs at opposite ends by default
                        + "and blocked_at is null group by country, language order by n desc, country nulls first, language")
                .params(params)
                .query((rs, row) -> new Group(Country.fromCode(rs.getString("country")),
                        Language.fromCode(rs.getString("language")), rs.getLong("n")))
                .list();
    }
}

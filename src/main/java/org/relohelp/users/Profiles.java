package org.relohelp.users;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Profiles in the database: created on first contact, language and country changed by the user, broadcasts
 * turned off and on by them ({@code muted}).
 */
@Repository
public class Profiles {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Profiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The user's profile, created with the language of their Telegram app on first contact, and noted as seen
     * now (to the minute: a row unchanged since then costs no write). Usually one read and nothing else.
     */
    public Profile touch(long userId, String telegramLanguageCode) {
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<Seen> seen = jdbc.sql("select user_id, language, country, last_seen_at, blocked_at from profile "
                        + "where user_id = ?")
                .param(userId)
                .query((rs, n) -> new Seen(profile(rs.getLong(1), rs.getString(2), rs.getString(3)),
                        rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class) != null))
                .optional();
        if (seen.isEmpty()) {
            jdbc.sql("insert into profile (user_id, language, country, created_at, last_seen_at) "
                            + "select ?, ?, null, ?, ? where not exists (select 1 from profile where user_id = ?)")
                    .params(userId, Language.fromTelegramCode(telegramLanguageCode).code(), now, now, userId)
                    .update();
            return find(userId).orElseThrow();
        }
        if (seen.get().blocked() || seen.get().lastSeen().isBefore(now.minusMinutes(1))) {
            jdbc.sql("update profile set last_seen_at = ?, blocked_at = null where user_id = ?")
                    .params(now, userId).update();
        }
        return seen.get().profile();
    }

    private record Seen(Profile profile, LocalDateTime lastSeen, boolean blocked) {
    }

    public Optional<Profile> find(long userId) {
        return jdbc.sql("select user_id, language, country from profile where user_id = ?")
                .param(userId)
                .query((rs, n) -> profile(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private static Profile profile(long userId, String language, String country) {
        return new Profile(userId, Language.fromCode(language), Country.fromCode(country).orElse(null));
    }

    public void setLanguage(long userId, Language language) {
        jdbc.sql("update profile set language = ? where user_id = ?").params(language.code(), userId).update();
    }

    public void setCountry(long userId, Country country) {
        jdbc.sql("update profile set country = ? where user_id = ?").params(country.name(), userId).update();
    }

    public void setMuted(long userId, boolean muted) {
        jdbc.sql("update profile set muted = ? where user_id = ?").params(muted, userId).update();
    }

    /**
     * Who a broadcast reaches: seen since {@code seenSince}, not blocked, not muted, in the country and speaking the
     * language (either may be null for all), in id order.
     */
    public List<Profile> audience(Country country, Language language, LocalDateTime seenSince) {
        // conditions added only when set: "? is null" leaves PostgreSQL unable to type the parameter
        StringBuilder sql = new StringBuilder("select user_id, language, country from profile where last_seen_at >= ? "
                + "and blocked_at is null and muted = false");
        List<Object> params = new ArrayList<>(List.of(seenSince));
        if (country != null) {
            sql.append(" and country = ?");
            params.add(country.name());
        }
        if (language != null) {
            sql.append(" and language = ?");
            params.add(language.code());
        }
        return jdbc.sql(sql.append(" order by user_id").toString()).params(params)
                .query((rs, n) -> profile(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Checked again just before a broadcast reaches the user: they may have muted or blocked since it began. */
    public boolean receivesBroadcasts(long userId) {
        return jdbc.sql("select count(*) from profile where user_id = ? and muted = false and blocked_at is null")
                .param(userId).query(Integer.class).single() > 0;
    }
}

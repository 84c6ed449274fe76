package org.relohelp.stay;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A /stay conversation in progress, in the database so that a restart in the middle loses nothing. */
@Repository
class StaySessions {

    /** What the count waits for; TRIP_UNREAD: more trips, and the last one written could not be read. */
    enum Step { COUNTRY, ENTRY, TRIPS, TRIP_UNREAD }

    record Session(long userId, Step step, Country country, LocalDate entry, List<StayCalculator.Trip> trips,
                   Language language) {

        Session with(Step nextStep, Country newCountry, LocalDate newEntry) {
            return new Session(userId, nextStep, newCountry, newEntry, trips, language);
        }

        Session at(Step nextStep) {
            return new Session(userId, nextStep, country, entry, trips, language);
        }

        Session plus(List<StayCalculator.Trip> added) {
            List<StayCalculator.Trip> more = new ArrayList<>(trips);
            more.addAll(added);
            return new Session(userId, step, country, entry, List.copyOf(more), language);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    StaySessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Session> of(long userId) {
        return jdbc.sql("select user_id, step, country, entry_date, trips, language from stay_session where user_id = ?")
                .param(userId)
                .query((rs, n) -> new Session(rs.getLong(1), Step.valueOf(rs.getString(2)),
                        Country.fromCode(rs.getString(3)).orElse(null), rs.getObject(4, LocalDate.class),
                        trips(rs.getString(5)), Language.fromCode(rs.getString(6))))
                .optional();
    }

    void save(Session s) {
        String trips = s.trips().stream().map(t -> t.entry() + ".." + t.exit()).collect(Collectors.joining(";"));
        // standard MERGE: H2 and PostgreSQL (15+) both run it; H2's "merge ... key" is H2's alone
        jdbc.sql("merge into stay_session t using (select 1 as one) s on t.user_id = :user "
                        + "when matched then update set step = :step, country = :country, entry_date = :entry, "
                        + "trips = :trips, language = :language, updated_at = :now "
                        + "when not matched then insert (user_id, step, country, entry_date, trips, language, updated_at) "
                        + "values (:user, :step, :country, :entry, :trips, :language, :now)")
                .param("user", s.userId()).param("step", s.step().name())
                .param("country", s.country() == null ? null : s.country().name()).param("entry", s.entry())
                .param("trips", trips).param("language", s.language().code()).param("now", LocalDateTime.now(clock))
                .update();
    }

    /** Ends the count; false when none was in progress. */
    boolean done(long userId) {
        return jdbc.sql("delete from stay_session where user_id = ?").param(userId).update() > 0;
    }

    private static List<StayCalculator.Trip> trips(String stored) {
        List<StayCalculator.Trip> trips = new ArrayList<>();
        for (String trip : stored.split(";")) {
            if (!trip.isBlank()) {
                String[] dates = trip.split("\\.\\.");
                trips.add(new StayCalculator.Trip(LocalDate.parse(dates[0]), LocalDate.parse(dates[1])));
            }
        }
        return List.copyOf(trips);
    }
}

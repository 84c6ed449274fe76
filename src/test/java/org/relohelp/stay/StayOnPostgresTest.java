package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.PostgresEndToEndTest;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.beans.factory.annotation.Autowired;

/** Stay sessions, reminders and the imported rules on PostgreSQL. */
class StayOnPostgresTest extends PostgresEndToEndTest {

    @Autowired
    StaySessions sessions;
    @Autowired
    Reminders reminders;
    @Autowired
    StayRules rules;
    @Autowired
    Clock clock;

    @Test
    void aSessionIsSavedReplacedAndDone() {
        long user = 6_800_000_001L;
        StaySessions.Session session = new StaySessions.Session(user, StaySessions.Step.COUNTRY, null, null, List.of(),
                Language.RU);
        sessions.save(session);
        StaySessions.Session trips = session.with(StaySessions.Step.TRIPS, Country.KZ, LocalDate.of(2026, 3, 1))
                .plus(List.of(new StayCalculator.Trip(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 20))));
        sessions.save(trips);
        assertThat(sessions.of(user)).contains(trips);
        sessions.done(user);
        assertThat(sessions.of(user)).isEmpty();
    }

    @Test
    void aReminderIsAddedOnceClaimedOnceAndSent() {
        long user = 6_800_000_002L;
        LocalDateTime past = LocalDateTime.now(clock).minusHours(1);
        LocalDate event = LocalDate.now(clock).plusDays(7);
        assertThat(reminders.add(user, Country.KZ, Reminders.Kind.WEEK_BEFORE, event, past, Language.RU)).isTrue();
        assertThat(reminders.add(user, Country.KZ, Reminders.Kind.WEEK_BEFORE, event, past, Language.RU)).isFalse();
        Reminders.Reminder due = reminders.due(LocalDateTime.now(clock)).stream().filter(r -> r.userId() == user)
                .findFirst().orElseThrow();
        assertThat(due.eventDate()).isEqualTo(event);
        assertThat(reminders.claim(due.id())).isTrue();
        assertThat(reminders.claim(due.id())).isFalse();
        reminders.sent(due.id());
        assertThat(reminders.pendingFor(user)).isEmpty();
    }

    @Test
    void theRulesFileIsImported() {
        assertThat(rules.of(Country.KZ)).isNotEmpty();
    }
}

package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.PostgresEndToEndTest;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.beans.factory.annotation.Autowired;

/** Tickets, steps, volunteers and message pairs on PostgreSQL: races, identity numbers and the upserts. */
class HandoffOnPostgresTest extends PostgresEndToEndTest {

    @Autowired
    Tickets tickets;
    @Autowired
    HandoffSteps steps;
    @Autowired
    Volunteers volunteers;
    @Autowired
    MessagePairs pairs;

    @Test
    void exactlyOneOfManySimultaneousClaimsWins() throws Exception {
        TicketRaces.exactlyOneClaimWins(tickets, 3, 6_700_000_000L, 6_710_000_000L);
    }

    @Test
    void ticketNumbersComeFromTheIdentityEvenUnderConcurrency() throws Exception {
        List<Long> numbers = TicketRaces.createdAtOnce(tickets, 20, 6_720_000_000L);
        Ticket last = tickets.find(numbers.get(numbers.size() - 1)).orElseThrow();
        assertThat(tickets.placeInQueue(last)).isPositive();
        numbers.forEach(tickets::close);
    }

    @Test
    void aStepIsReplacedNotDuplicated() {
        long user = 6_730_000_001L;
        steps.expect(user, HandoffSteps.Step.DESCRIBE, null, Country.KZ, "stay", Language.RU);
        steps.expect(user, HandoffSteps.Step.COMMENT, 42L, null, null, Language.EN);
        HandoffSteps.Waiting waiting = steps.of(user).orElseThrow();
        assertThat(waiting.step()).isEqualTo(HandoffSteps.Step.COMMENT);
        assertThat(waiting.ticket()).isEqualTo(42L);
        assertThat(waiting.country()).isNull();
        assertThat(waiting.language()).isEqualTo(Language.EN);
        steps.done(user);
        assertThat(steps.of(user)).isEmpty();
    }

    @Test
    void aReturningVolunteerKeepsTheirNameAndStartsAfresh() {
        long user = 6_740_000_001L;
        assertThat(volunteers.add(user, "Волонтёр 1")).isTrue();
        assertThat(volunteers.add(user, "Волонтёр 1")).isFalse();
        volunteers.rename(user, "Вера");
        volunteers.setLanguages(user, "ru,en");
        volunteers.setCurrentTicket(user, 5L);
        assertThat(volunteers.deactivate(user)).isTrue();
        assertThat(volunteers.active(user)).isEmpty();
        assertThat(volunteers.add(user, "Волонтёр 1")).isTrue();
        assertThat(volunteers.active(user).orElseThrow())
                .isEqualTo(new Volunteer(user, "Вера", "ru", "", null));
    }

    @Test
    void messagePairsRouteBothWays() {
        Ticket ticket = tickets.create(6_750_000_001L, Language.RU, Country.GE, null, "pairs");
        long pair = pairs.fromRefugee(ticket.number(), 6_750_000_001L, 10, "text");
        assertThat(pairs.waiting(ticket.number())).hasSize(1);
        pairs.delivered(pair, 6_750_000_002L, 20);
        assertThat(pairs.waiting(ticket.number())).isEmpty();
        assertThat(pairs.byVolunteerMessage(6_750_000_002L, 20)).isPresent();
        assertThat(pairs.byRefugeeMessage(6_750_000_001L, 10)).isPresent();
        tickets.close(ticket.number());
    }
}

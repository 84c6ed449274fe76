package org.relohelp.handoff;

import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Volunteers racing for one ticket on separate threads: the database lets exactly one win. */
class ClaimRaceTest extends EndToEndTest {

    @Autowired
    Tickets tickets;

    @Test
    void exactlyOneOfManySimultaneousClaimsWins() throws Exception {
        TicketRaces.exactlyOneClaimWins(tickets, 5, 7_000_000_000L, 7_100_000_000L);
    }

    @Test
    void ticketNumbersComeFromASequenceEvenUnderConcurrency() throws Exception {
        TicketRaces.createdAtOnce(tickets, 40, 7_200_000_000L).forEach(tickets::close);
    }
}

package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/** Races on the tickets table, run against H2 ({@link ClaimRaceTest}) and PostgreSQL ({@link HandoffOnPostgresTest}). */
final class TicketRaces {

    private TicketRaces() {
    }

    /** Eight volunteers claim each of {@code rounds} new tickets at the same moment: exactly one wins each. */
    static void exactlyOneClaimWins(Tickets tickets, int rounds, long firstUser, long firstVolunteer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < rounds; round++) {
                Ticket ticket = tickets.create(firstUser + round, Language.RU, Country.KZ, "stay", "race");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int v = 0; v < 8; v++) {
                    long volunteer = firstVolunteer + v;
                    claims.add(pool.submit(() -> {
                        start.await();
                        return tickets.claim(ticket.number(), volunteer);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> claim : claims) {
                    winners += claim.get() ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
                assertThat(tickets.find(ticket.number()).orElseThrow().status()).isEqualTo(Ticket.Status.ASSIGNED);
                assertThat(tickets.close(ticket.number())).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** {@code count} tickets created at once on eight threads: their numbers, all different. */
    static List<Long> createdAtOnce(Tickets tickets, int count, long firstUser) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long user = firstUser + i;
                created.add(pool.submit(() -> tickets.create(user, Language.RU, null, null, "at once").number()));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> f : created) {
                numbers.add(f.get());
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(count);
            return numbers;
        } finally {
            pool.shutdown();
        }
    }
}

package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.beans.factory.annotation.Autowired;

/** Volunteers racing for one ticket on separate threads: the database lets exactly one win. */
class ClaimRaceTest extends EndToEndTest {

    @Autowired
    Tickets tickets;

    @Test
    void exactlyOneOfManySimultaneousClaimsWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Ticket ticket = tickets.create(7_000_000_000L + round, Language.RU, Country.KZ, "stay", "race");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int v = 0; v < 8; v++) {
                long volunteer = 7_100_000_000L + v;
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
            pool.shutdown();
            assertThat(winners).isEqualTo(1);
            assertThat(tickets.find(ticket.number()).orElseThrow().status()).isEqualTo(Ticket.Status.ASSIGNED);
            tickets.close(ticket.number());
        }
    }

    @Test
    void ticketNumbersComeFromASequenceEvenUnderConcurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long user = 7_200_000_000L + i;
            created.add(pool.submit(() -> tickets.create(user, Language.RU, null, null, "at once").number()));
        }
        List<Long> numbers = new ArrayList<>();
        for (Future<Long> f : created) {
            numbers.add(f.get());
        }
        pool.shutdown();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(40);
        numbers.forEach(tickets::close);
    }
}

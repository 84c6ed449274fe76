package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.cluster.ClusterProperties;
import org.relohelp.cluster.Leadership;
import org.springframework.beans.factory.annotation.Autowired;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The leader's feed on the real inbox (H2): stored updates go to the lanes in id order and once; one skipped on a
 * lane is taken again, one handled while a look is under way is not; after a new term nothing is taken until the
 * earlier term's updates have left the lanes.
 */
class LeaderFeedTest extends EndToEndTest {

    private static final int FIRST = 950_000_001;

    @Autowired
    Inbox inbox;

    private final Lead lead = new Lead();
    private final List<Integer> dispatched = new ArrayList<>();
    private final List<Long> terms = new ArrayList<>();
    private IntConsumer onDispatch = id -> { };
    private LeaderFeed feed;

    private static final class Lead implements Leadership {
        volatile boolean leader = true;
        volatile long term = 1;

        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public long term() {
            return term;
        }
    }

    private void look() {
        feed.look((update, term) -> {
            if (update.getUpdateId() >= FIRST && update.getUpdateId() < FIRST + 100) {
                dispatched.add(update.getUpdateId());
                terms.add(term);
                onDispatch.accept(update.getUpdateId());
            }
            return true;
        });
    }

    private void store(int... ids) {
        List<Update> updates = new ArrayList<>();
        for (int id : ids) {
            Update update = new Update();
            update.setUpdateId(id);
            updates.add(update);
        }
        inbox.store(updates);
    }

    @AfterEach
    void handleAll() {
        for (int id = FIRST; id < FIRST + 10; id++) {
            inbox.handled(id);
        }
    }

    @Test
    void inIdOrderOnceAndAgainOnlyWhenSkipped() {
        feed = new LeaderFeed(inbox, lead, new ClusterProperties("", Duration.ofSeconds(15), Duration.ofSeconds(3),
                Duration.ofMillis(150)));
        store(FIRST + 2, FIRST, FIRST + 1);
        look();
        assertThat(dispatched).containsExactly(FIRST, FIRST + 1, FIRST + 2);
        look();
        assertThat(dispatched).as("still on the lanes: not taken again").hasSize(3);

        // FIRST was skipped on its lane (not handled); while it is taken again, FIRST + 1 is handled and finished
        // after this look read it as unhandled: it must not go to a lane a second time
        feed.finished(FIRST);
        onDispatch = id -> {
            if (id == FIRST) {
                inbox.handled(FIRST + 1);
                feed.finished(FIRST + 1);
            }
        };
        dispatched.clear();
        look();
        assertThat(dispatched).containsExactly(FIRST);
        onDispatch = id -> { };
        look();
        assertThat(dispatched).as("handled: gone for good").containsExactly(FIRST);

        lead.leader = false;
        feed.finished(FIRST);
        look();
        assertThat(dispatched).as("not leading: nothing taken").containsExactly(FIRST);
    }

    @Test
    void aNewTermWaitsForTheEarlierTermsUpdatesToLeaveTheLanes() {
        feed = new LeaderFeed(inbox, lead, new ClusterProperties("", Duration.ofSeconds(15), Duration.ofSeconds(3),
                Duration.ofMillis(150)));
        store(FIRST + 5);
        look();
        assertThat(dispatched).containsExactly(FIRST + 5);
        lead.term = 2;
        store(FIRST + 6);
        look();
        assertThat(dispatched).as("FIRST + 5 of term 1 is still on a lane").containsExactly(FIRST + 5);
        feed.finished(FIRST + 5); // skipped there: an earlier term
        look();
        assertThat(dispatched).containsExactly(FIRST + 5, FIRST + 5, FIRST + 6);
        assertThat(terms).containsExactly(1L, 2L, 2L);
    }
}

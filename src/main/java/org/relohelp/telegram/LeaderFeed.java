package org.relohelp.telegram;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.relohelp.cluster.ClusterProperties;
import org.relohelp.cluster.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode, where several instances store updates in one inbox: on the leader, hands every unhandled update
 * to the lanes in update id order, whichever instance stored it. Telegram sends the next update only after the
 * previous one was answered with 200, which each instance sends after its commit, so when an update is visible
 * all earlier ones are too: taking them in id order keeps each chat's order across instances. The leader's own
 * updates come this way as well (it wakes the feed instead of waiting for the next look), or one of them could
 * overtake an earlier update of the same chat stored by another instance.
 *
 * <p>An update is taken once: its id stays in {@code taken} while it is on a lane, and its payload is read only
 * after its id was put there, by a query that skips handled updates, so one handled while a look was under way
 * (read as unhandled, off the lanes by the time the look reaches it) is not taken again. After a new term begins,
 * nothing is taken until the previous term's updates have left the lanes (they are skipped there): otherwise a
 * new update of a chat could overtake an older one taken again.
 */
@Component
class LeaderFeed {

    private static final Logger log = LoggerFactory.getLogger(LeaderFeed.class);
    /** Enough to keep the lanes busy; more waiting updates are taken as these are handled. */
    private static final int BATCH = 1000;

    interface Lanes {
        /** Puts the update on its chat's lane for this term; false when the lanes are stopping. */
        boolean dispatch(Update update, long term);
    }

    private final Inbox inbox;
    private final Leadership leadership;
    private final ClusterProperties properties;
    /** the ids of the updates on this instance's lanes */
    private final Set<Integer> taken = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread thread;
    private long feeding = -1;

    LeaderFeed(Inbox inbox, Leadership leadership, ClusterProperties properties) {
        this.inbox = inbox;
        this.leadership = leadership;
        this.properties = properties;
    }

    void start(Lanes lanes) {
        Thread feeder = BotConnection.daemon("leader-feed").newThread(() -> run(lanes));
        thread = feeder;
        feeder.start();
    }

    /** An update was stored here: look now rather than at the next interval. */
    void wake() {
        wake.release();
    }

    /** The lane is done with the update, handled or skipped. */
    void finished(int updateId) {
        taken.remove(updateId);
    }

    private void run(Lanes lanes) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wake.tryAcquire(properties.inboxPoll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (leadership.isLeader()) {
                    look(lanes);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Looking for stored updates failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** One look at the inbox; package-private for the tests. */
    void look(Lanes lanes) {
        long term = leadership.term();
        if (term != feeding) {
            if (!taken.isEmpty()) {
                return; // the previous term's updates are still leaving the lanes
            }
            feeding = term;
            log.info("Taking up the updates stored and not handled yet");
        }
        List<Integer> waiting = inbox.unhandledIds(BATCH);
        for (int id : waiting) {
            if (!leadership.isLeader() || leadership.term() != term) {
                return;
            }
            if (!taken.add(id)) {
                continue;
            }
            Optional<Update> update = inbox.unhandled(id);
            if (update.isEmpty() || !lanes.dispatch(update.get(), term)) {
                finished(id);
            }
        }
    }

    void stop() {
        Thread feeder = thread;
        thread = null;
        if (feeder != null) {
            feeder.interrupt();
            try {
                feeder.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

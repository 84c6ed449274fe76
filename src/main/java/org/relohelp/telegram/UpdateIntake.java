package org.relohelp.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.relohelp.cluster.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes the updates telegrambots received, stores each in the {@link Inbox} before returning (telegrambots
 * confirms the offset only after this returns), and hands it to the {@link UpdateRouter} on one of several
 * single-threaded lanes chosen by chat: a chat's updates stay in order, different chats run in parallel.
 * An update id seen before is ignored; an update handled again after a crash does not repeat the messages it
 * already sent ({@link SendJournal}). A failing update is logged by id and type and does not stop the others.
 *
 * <p>In webhook mode several instances may share the inbox: then only the leader handles updates, all of them
 * through the {@link LeaderFeed} in update id order, and a lane skips an update taken in an earlier term or when
 * this instance no longer leads (it stays unhandled for the leader). With long polling none of this applies and
 * the hot path is as it was: no lease, no extra query.
 */
@Component
class UpdateIntake implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);
    /** Taken outside any leadership term: long polling, where this instance always leads. */
    private static final long NO_TERM = -1;

    private final UpdateRouter router;
    private final Inbox inbox;
    private final SendJournal journal;
    private final List<ExecutorService> lanes;
    private final MeterRegistry meters;
    private final AtomicInteger waiting = new AtomicInteger();
    private final boolean shared;
    private final LeaderFeed feed;
    private final Leadership leadership;

    UpdateIntake(UpdateRouter router, Inbox inbox, SendJournal journal, TelegramProperties properties,
                 MeterRegistry meters, WebhookProperties webhook, LeaderFeed feed, Leadership leadership) {
        this.router = router;
        this.inbox = inbox;
        this.journal = journal;
        this.meters = meters;
        this.shared = webhook.enabled();
        this.feed = feed;
        this.leadership = leadership;
        this.lanes = IntStream.range(0, properties.workers())
                .mapToObj(i -> Executors.newSingleThreadExecutor(BotConnection.daemon("updates-" + i)))
                .toList();
    }

    @Override
    public void consume(List<Update> updates) {
        List<Update> fresh = inbox.store(updates);
        if (fresh.size() < updates.size()) {
            log.info("{} updates received again: ignored", updates.size() - fresh.size());
        }
        fresh.forEach(update -> {
            Counter.builder("relohelp.updates.received").tag("kind", UpdateKinds.kind(update))
                    .description("Updates received from Telegram, repeats not counted").register(meters).increment();
            if (!shared) {
                dispatch(update, false, NO_TERM);
            }
        });
        if (shared && !fresh.isEmpty()) {
            feed.wake();
        }
    }

    /** Webhook mode: the leader's feed hands this instance's lanes the stored updates, in order. */
    void startFeed() {
        // replayed: the update may have been half handled by a leader that died, so its journal is consulted
        feed.start((update, term) -> dispatch(update, true, term));
    }

    void stopFeed() {
        feed.stop();
    }

    /** Updates stored and given to a lane but not handled yet. */
    int waiting() {
        return waiting.get();
    }

    /** Before polling starts: the updates a stop or crash left unhandled, oldest first. */
    void replay() {
        if (shared) {
            return; // the feed takes them up when this instance leads
        }
        List<Update> waiting = inbox.unhandled();
        if (!waiting.isEmpty()) {
            log.info("Handling {} updates left from before the restart", waiting.size());
        }
        waiting.forEach(update -> dispatch(update, true, NO_TERM));
    }

    private boolean dispatch(Update update, boolean replayed, long term) {
        ExecutorService lane = lanes.get(Math.floorMod(Long.hashCode(UpdateKinds.chatId(update)), lanes.size()));
        waiting.incrementAndGet();
        try {
            lane.execute(() -> handle(update, replayed, term));
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            waiting.decrementAndGet();
            log.warn("Update {} not handled now: the bot is stopping; it stays stored for the next start",
                    update.getUpdateId());
            return false;
        }
    }

    private void handle(Update update, boolean replayed, long term) {
        if (term != NO_TERM) {
            handleAsLeader(update, term);
            return;
        }
        handleNow(update, replayed);
    }

    /** Only while this instance leads in the term it took the update in; otherwise it stays for the leader. */
    private void handleAsLeader(Update update, long term) {
        try {
            if (leadership.isLeader() && leadership.term() == term) {
                handleNow(update, true);
            } else {
                waiting.decrementAndGet();
                log.info("Update {} left to the leader: this instance does not lead any more", update.getUpdateId());
            }
        } finally {
            feed.finished(update.getUpdateId());
        }
    }

    private void handleNow(Update update, boolean replayed) {
        try {
            journal.begin(update.getUpdateId(), replayed);
            try {
                router.handle(update);
            } catch (RuntimeException e) {
                log.error("Update {} ({}) failed", update.getUpdateId(), UpdateKinds.kind(update), e);
            }
            journal.finish();
            inbox.handled(update.getUpdateId());
        } finally {
            waiting.decrementAndGet(); // also when the database failed: the gauge must not drift upwards
        }
    }

    /** Lets the work already taken finish (8 seconds at most in all), then stops the lanes. */
    void drain() {
        lanes.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }

    /**
     * telegrambots closes the consumer whenever a session is unregistered, also after a failed connection
     * attempt that will be retried; the lanes must survive that. {@link BotConnection} drains them on stop.
     */
    @Override
    public void close() {
        // deliberately empty
    }
}

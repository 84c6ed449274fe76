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
 */
@Component
class UpdateIntake implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);

    private final UpdateRouter router;
    private final Inbox inbox;
    private final SendJournal journal;
    private final List<ExecutorService> lanes;
    private final MeterRegistry meters;
    private final AtomicInteger waiting = new AtomicInteger();

    UpdateIntake(UpdateRouter router, Inbox inbox, SendJournal journal, TelegramProperties properties,
                 MeterRegistry meters) {
        this.router = router;
        this.inbox = inbox;
        this.journal = journal;
        this.meters = meters;
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
            dispatch(update, false);
        });
    }

    /** Updates stored and given to a lane but not handled yet. */
    int waiting() {
        return waiting.get();
    }

    /** Before polling starts: the updates a stop or crash left unhandled, oldest first. */
    void replay() {
        List<Update> waiting = inbox.unhandled();
        if (!waiting.isEmpty()) {
            log.info("Handling {} updates left from before the restart", waiting.size());
        }
        waiting.forEach(update -> dispatch(update, true));
    }

    private void dispatch(Update update, boolean replayed) {
        ExecutorService lane = lanes.get(Math.floorMod(Long.hashCode(UpdateKinds.chatId(update)), lanes.size()));
        waiting.incrementAndGet();
        try {
            lane.execute(() -> handle(update, replayed));
        } catch (RejectedExecutionException shuttingDown) {
            waiting.decrementAndGet();
            log.warn("Update {} not handled now: the bot is stopping; it stays stored for the next start",
                    update.getUpdateId());
        }
    }

    private void handle(Update update, boolean replayed) {
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

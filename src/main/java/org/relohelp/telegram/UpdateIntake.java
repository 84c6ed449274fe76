package org.relohelp.telegram;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes the updates telegrambots received and hands each to the {@link UpdateRouter} on one of several
 * single-threaded lanes chosen by chat: a chat's updates stay in order, different chats run in parallel.
 * A failing update is logged by id and type and does not stop the others.
 */
@Component
class UpdateIntake implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);

    private final UpdateRouter router;
    private final List<ExecutorService> lanes;

    UpdateIntake(UpdateRouter router, TelegramProperties properties) {
        this.router = router;
        this.lanes = IntStream.range(0, properties.workers())
                .mapToObj(i -> Executors.newSingleThreadExecutor(BotConnection.daemon("updates-" + i)))
                .toList();
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            ExecutorService lane = lanes.get(Math.floorMod(Long.hashCode(UpdateKinds.chatId(update)), lanes.size()));
            try {
                lane.execute(() -> handle(update));
            } catch (RejectedExecutionException shuttingDown) {
                log.warn("Update {} not handled: the bot is stopping", update.getUpdateId());
            }
        }
    }

    private void handle(Update update) {
        try {
            router.handle(update);
        } catch (RuntimeException e) {
            log.error("Update {} ({}) failed", update.getUpdateId(), UpdateKinds.kind(update), e);
        }
    }

    /** Lets the work already taken finish (a few seconds at most), then stops the lanes. */
    void drain() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
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

package org.relohelp.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.relohelp.chat.Language;
import org.relohelp.chat.NotYet;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.cluster.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * Takes the updates telegrambots received, stores each in the {@link Inbox} before returning (telegrambots
 * confirms the offset only when the next getUpdates goes out, after this returns), and handles each on its chat's
 * lane ({@link ChatLanes}): a chat's updates in order, different chats in parallel.
 *
 * <p>Nothing escapes: while the database cannot store a batch, this waits and tries again with a capped back-off
 * (polling pauses, Telegram keeps the updates, health says why), and resumes by itself. An update is handled in one
 * transaction — the features' state, the messages it queues in the outbox, and its being handled commit together,
 * so a crash at any point handles it again without repeating anything. A handling that fails because the database
 * is away is tried again until it is back; one that fails otherwise is tried {@code handle-attempts} times and then
 * set aside as a dead letter (the person is told), and the chat goes on.
 *
 * <p>In webhook mode several instances may share the inbox: then only the leader handles updates, all of them
 * through the {@link LeaderFeed} in update id order, and a lane skips an update taken in an earlier term or when
 * this instance no longer leads (it stays unhandled for the leader).
 */
@Component
class UpdateIntake implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);
    /** Taken outside any leadership term: long polling, where this instance always leads. */
    private static final long NO_TERM = -1;
    private static final long MAX_DATABASE_WAIT_MILLIS = 5_000;

    private final UpdateRouter router;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final OutboundSender sender;
    private final TransactionTemplate transaction;
    private final TelegramProperties properties;
    private final MeterRegistry meters;
    private final boolean shared;
    private final LeaderFeed feed;
    private final Leadership leadership;
    private final DatabaseTrouble trouble;
    private final Texts texts;
    private final ChatLanes lanes;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<Integer, Integer> failures = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> databaseWaits = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    UpdateIntake(UpdateRouter router, Inbox inbox, DeadLetters deadLetters, OutboundSender sender,
                 TransactionTemplate transaction, TelegramProperties properties, MeterRegistry meters,
                 WebhookProperties webhook, LeaderFeed feed, Leadership leadership, DatabaseTrouble trouble,
                 Texts texts) {
        this.router = router;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.sender = sender;
        this.transaction = transaction;
        this.properties = properties;
        this.meters = meters;
        this.shared = webhook.enabled();
        this.feed = feed;
        this.leadership = leadership;
        this.trouble = trouble;
        this.texts = texts;
        this.lanes = new ChatLanes(properties.workers(), "updates");
    }

    /**
     * Long polling: returns only once the batch is stored (while the database is away it waits), and only once the
     * updates in hand are no more than {@code in-hand}: the next {@code getUpdates} waits until there is room, so a
     * flood stays at Telegram instead of filling the bot's memory.
     */
    @Override
    public void consume(List<Update> updates) {
        accept(storeWaiting(updates));
        while (waiting.get() > properties.inHand() && !stopping) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: what is stored is handled at the next start
                return;
            }
        }
    }

    /** Webhook: one update, stored or not; a failure is thrown, so Telegram is answered with an error and retries. */
    void consumeOnce(Update update) {
        List<Update> fresh = inbox.store(List.of(update));
        trouble.intakeRecovered();
        accept(fresh);
    }

    private void accept(List<Update> fresh) {
        fresh.forEach(update -> {
            Counter.builder("relohelp.updates.received").tag("kind", UpdateKinds.kind(update))
                    .description("Updates received from Telegram, repeats not counted").register(meters).increment();
            if (!shared) {
                dispatch(update, NO_TERM);
            }
        });
        if (shared && !fresh.isEmpty()) {
            feed.wake();
        }
    }

    private List<Update> storeWaiting(List<Update> updates) {
        long pause = 100;
        long nextWarning = 0;
        while (true) {
            try {
                List<Update> fresh = inbox.store(updates);
                if (trouble.intakeFailing()) {
                    log.info("The database is back: {} updates stored, polling goes on", updates.size());
                }
                trouble.intakeRecovered();
                return fresh;
            } catch (RuntimeException e) {
                if (!DatabaseTrouble.isTransient(e)) {
                    return storeOneByOne(updates);
                }
                trouble.intakeFailed(e);
                if (stopping) {
                    // not confirmed to Telegram: it sends them again at the next start
                    throw new IllegalStateException("stopping with " + updates.size() + " updates not stored");
                }
                if (System.nanoTime() - nextWarning >= 0) {
                    log.warn("{} updates cannot be stored ({}); polling waits and tries again", updates.size(),
                            e.getClass().getSimpleName());
                    nextWarning = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                }
                sleep(pause);
                pause = Math.min(pause * 2, MAX_DATABASE_WAIT_MILLIS);
            }
        }
    }

    /**
     * The batch failed for a reason other than the database being away: each update on its own, and one that still
     * cannot be stored is set aside (with its id and kind only) so that it never holds up the others.
     */
    private List<Update> storeOneByOne(List<Update> updates) {
        List<Update> fresh = new java.util.ArrayList<>();
        for (Update update : updates) {
            try {
                fresh.addAll(inbox.store(List.of(update)));
            } catch (RuntimeException e) {
                if (DatabaseTrouble.isTransient(e)) {
                    return storeWaiting(updates.subList(updates.indexOf(update), updates.size()));
                }
                transaction.executeWithoutResult(status -> deadLetters.setAside(update.getUpdateId(),
                        UpdateKinds.kind(update), "not storable: " + e.getClass().getSimpleName(), 1));
            }
        }
        return fresh;
    }

    /** Webhook mode: the leader's feed hands this instance's lanes the stored updates, in order. */
    void startFeed() {
        feed.start(this::dispatch);
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
        List<Update> left = inbox.unhandled();
        if (!left.isEmpty()) {
            log.info("Handling {} updates left from before the restart", left.size());
        }
        left.forEach(update -> dispatch(update, NO_TERM));
    }

    private boolean dispatch(Update update, long term) {
        waiting.incrementAndGet();
        if (lanes.submit(UpdateKinds.chatId(update), () -> handle(update, term))) {
            return true;
        }
        waiting.decrementAndGet();
        log.warn("Update {} not handled now: the bot is stopping; it stays stored for the next start",
                update.getUpdateId());
        return false;
    }

    /** One try; null when the update is done with (handled, set aside, or left to the leader), else when to retry. */
    private Duration handle(Update update, long term) {
        if (term != NO_TERM && !(leadership.isLeader() && leadership.term() == term)) {
            log.info("Update {} left to the leader: this instance does not lead any more", update.getUpdateId());
            finished(update, term);
            return null;
        }
        List<Runnable> afterCommit = sender.deferCalls();
        try {
            transaction.executeWithoutResult(status -> {
                router.handle(update);
                inbox.handled(update.getUpdateId());
            });
        } catch (RuntimeException e) {
            return failed(update, term, e);
        } finally {
            sender.stopDeferring();
        }
        failures.remove(update.getUpdateId());
        databaseWaits.remove(update.getUpdateId());
        finished(update, term);
        afterCommit.forEach(Runnable::run);
        return null;
    }

    private Duration failed(Update update, long term, RuntimeException e) {
        int id = update.getUpdateId();
        if (e instanceof NotYet) {
            return Duration.ofMillis(200); // what it refers to is on its way (a feature bounds how long)
        }
        if (DatabaseTrouble.isTransient(e)) {
            int waits = databaseWaits.merge(id, 1, Integer::sum);
            if (waits == 1 || waits % 20 == 0) {
                log.warn("Update {} ({}) waits for the database ({}); trying again", id, UpdateKinds.kind(update),
                        e.getClass().getSimpleName());
            }
            return Duration.ofMillis(Math.min(MAX_DATABASE_WAIT_MILLIS, 100L << Math.min(waits, 6)));
        }
        int attempts = failures.merge(id, 1, Integer::sum);
        // the error's class and where it came from, not its message: that may quote what the person wrote
        log.error("Update {} ({}) failed, attempt {} of {}: {}", id, UpdateKinds.kind(update), attempts,
                properties.handleAttempts(), e.getClass().getName(), Redacted.of(e));
        if (attempts < properties.handleAttempts()) {
            return Duration.ofMillis(200L * attempts * attempts);
        }
        try {
            setAside(update, e, attempts);
        } catch (RuntimeException notNow) {
            return Duration.ofSeconds(1); // the database failed meanwhile: set aside later
        }
        failures.remove(id);
        finished(update, term);
        return null;
    }

    /** The update goes to the dead letters, is marked handled, and the person hears that it did not work. */
    private void setAside(Update update, RuntimeException e, int attempts) {
        long chat = UpdateKinds.chatId(update);
        User from = UpdateKinds.from(update);
        Language language = Language.fromTelegramCode(from == null ? null : from.getLanguageCode());
        transaction.executeWithoutResult(status -> {
            deadLetters.setAside(update.getUpdateId(), UpdateKinds.kind(update), e.getClass().getSimpleName(),
                    attempts);
            inbox.handled(update.getUpdateId());
            if (update.hasMessage() && chat > 0) {
                sender.send(chat, Reply.text(texts.get(language, "input.failed")));
            }
        });
        if (update.hasCallbackQuery()) {
            sender.answerButton(update.getCallbackQuery().getId(), texts.get(language, "button.failed"));
        }
    }

    private void finished(Update update, long term) {
        waiting.decrementAndGet();
        if (term != NO_TERM) {
            feed.finished(update.getUpdateId());
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database");
        }
    }

    /** Lets the work already taken finish (8 seconds at most in all), then stops the lanes. */
    void drain() {
        stopping = true;
        lanes.stop(Duration.ofSeconds(8));
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

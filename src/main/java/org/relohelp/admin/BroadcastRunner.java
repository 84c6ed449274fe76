package org.relohelp.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.relohelp.chat.Delivery;
import org.relohelp.chat.DeliveryReceipts;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Receipt;
import org.relohelp.chat.Reply;
import org.relohelp.cluster.Leadership;
import org.relohelp.cluster.LeadershipGained;
import org.relohelp.users.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends confirmed broadcasts through the outbox as mass mailings: they yield to answers and take only the bulk share
 * of Telegram's rate (the outbox keeps it). Recipients are queued a batch at a time — each one's outbox row and its
 * QUEUED mark in one transaction, so nobody is queued twice — and each delivery receipt marks them SENT, BLOCKED or
 * FAILED. The admin's progress message is edited as it goes, and a summary follows as a new message (an edit would not
 * notify them). A restart goes on where it stopped: what was queued is in the outbox.
 */
@Component
class BroadcastRunner implements DeliveryReceipts, DisposableBean {

    static final String KIND = "broadcast";
    private static final Logger log = LoggerFactory.getLogger(BroadcastRunner.class);
    /** Recipients of one broadcast in the outbox at a time: enough to keep the bulk rate busy between passes. */
    private static final int IN_FLIGHT = 100;

    private final Broadcasts broadcasts;
    private final BroadcastView view;
    private final Profiles profiles;
    private final Messenger messenger;
    private final BroadcastProperties properties;
    private final Clock clock;
    private final Leadership leadership;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "broadcast");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile long lastProgress;
    private boolean paused;

    BroadcastRunner(Broadcasts broadcasts, BroadcastView view, Profiles profiles, Messenger messenger,
                    BroadcastProperties properties, Clock clock, Leadership leadership,
                    TransactionTemplate transaction) {
        this.broadcasts = broadcasts;
        this.view = view;
        this.profiles = profiles;
        this.messenger = messenger;
        this.properties = properties;
        this.clock = clock;
        this.leadership = leadership;
        this.transaction = transaction;
    }

    /** Runs a pass soon, unless one is already waiting to. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::pass);
            } catch (RejectedExecutionException stopped) {
                queued.set(false);
            }
        }
    }

    /** After a restart, or when this instance takes over: recipients an older version left SENDING count as sent. */
    @EventListener(LeadershipGained.class)
    void resume() {
        int inTheAir = broadcasts.settleInTheAir();
        if (inTheAir > 0) {
            log.warn("{} broadcast messages were being sent when the bot stopped; counted as sent, not repeated",
                    inTheAir);
        }
        wake();
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.SECONDS)
    void tick() {
        if (leadership.isLeader()) {
            wake();
        }
    }

    /** One pass over the broadcasts being sent; on the worker ({@link #wake}), or directly in a test. */
    void pass() {
        queued.set(false);
        try {
            for (Broadcasts.Broadcast broadcast : broadcasts.sending()) {
                if (!leadership.isLeader()) {
                    return; // several instances: the rest is the new leader's
                }
                advance(broadcast);
            }
            paused = false;
        } catch (RuntimeException e) {
            // the class only: a database error may quote the value it refused, and that value can be the text
            if (!paused) {
                log.warn("Sending broadcasts paused; trying again every second: {}", e.getClass().getSimpleName());
            }
            paused = true;
        }
    }

    private void advance(Broadcasts.Broadcast broadcast) {
        long id = broadcast.id();
        Language lang = profiles.find(broadcast.adminId()).map(Profile::language).orElse(Language.RU);
        transaction.executeWithoutResult(status -> {
            if (broadcast.progressMessage() == null) {
                messenger.send(broadcast.adminId(), Reply.text(view.progress(id, broadcasts.counts(id), false, lang)),
                        Receipt.of(KIND, id + ":progress"));
                broadcasts.progressMessage(id, Broadcasts.PROGRESS_QUEUED);
            }
            int room = IN_FLIGHT - broadcasts.queuedCount(id);
            for (Broadcasts.Recipient recipient : broadcasts.pending(id, Math.max(0, room))) {
                long user = recipient.userId();
                if (!profiles.receivesBroadcasts(user)) {
                    broadcasts.mark(id, user, "SKIPPED");
                } else {
                    messenger.sendBulk(user, view.message(broadcast.body(), recipient.language()),
                            Receipt.of(KIND, id + ":" + user));
                    broadcasts.mark(id, user, "QUEUED");
                }
            }
        });
        Broadcasts.Counts counts = broadcasts.counts(id);
        if (counts.done() < counts.total()) {
            if (broadcast.hasProgressMessage()
                    && System.nanoTime() - lastProgress >= properties.progressEvery().toNanos()) {
                transaction.executeWithoutResult(status -> messenger.edit(broadcast.adminId(),
                        broadcast.progressMessage(), Reply.text(view.progress(id, counts, false, lang))));
                lastProgress = System.nanoTime();
            }
            return;
        }
        transaction.executeWithoutResult(status -> {
            Optional<Broadcasts.Counts> finished = broadcasts.finish(id, LocalDateTime.now(clock));
            if (finished.isEmpty()) {
                return; // finished meanwhile, or the admin was forgotten and the broadcast with them
            }
            Broadcasts.Counts last = finished.get();
            log.info("Broadcast {} done: {} sent, {} blocked, {} failed, {} skipped", id, last.sent(), last.blocked(),
                    last.failed(), last.skipped());
            if (broadcast.hasProgressMessage()) {
                messenger.edit(broadcast.adminId(), broadcast.progressMessage(),
                        Reply.text(view.progress(id, last, true, lang)));
            }
            messenger.send(broadcast.adminId(), Reply.text(view.summary(id, last, lang)));
        });
    }

    // --- receipts from the outbox ----------------------------------------------------------------------------

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void delivered(String key, long chatId, List<Integer> messageIds) {
        String[] parts = key.split(":");
        long id = Long.parseLong(parts[0]);
        if (parts[1].equals("progress")) {
            if (!messageIds.isEmpty()) {
                broadcasts.progressMessage(id, messageIds.get(0));
            }
            return;
        }
        broadcasts.mark(id, Long.parseLong(parts[1]), Delivery.SENT.name());
        wake();
    }

    @Override
    public void failed(String key, long chatId, Delivery outcome) {
        String[] parts = key.split(":");
        if (!parts[1].equals("progress")) {
            broadcasts.mark(Long.parseLong(parts[0]), Long.parseLong(parts[1]), outcome.name());
            wake();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}

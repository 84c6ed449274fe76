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
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.cluster.Leadership;
import org.relohelp.cluster.LeadershipGained;
import org.relohelp.users.Profile;
import org.relohelp.users.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends confirmed broadcasts on its own thread, never on the lanes that answer people: one broadcast at a time,
 * paced ({@link Pacer}), through the one sender. Each recipient's row is marked just before their message may
 * leave, so a restart resumes with exactly those not yet sent. The admin's progress message is edited as it
 * goes, and a summary follows as a new message (an edit would not notify them).
 */
@Component
class BroadcastRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BroadcastRunner.class);
    private static final int BATCH = 100;

    private final Broadcasts broadcasts;
    private final BroadcastView view;
    private final Profiles profiles;
    private final Messenger messenger;
    private final BroadcastProperties properties;
    private final Clock clock;
    private final Pacer pacer;
    private final Leadership leadership;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "broadcast");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    BroadcastRunner(Broadcasts broadcasts, BroadcastView view, Profiles profiles, Messenger messenger,
                    BroadcastProperties properties, Clock clock, Leadership leadership) {
        this.broadcasts = broadcasts;
        this.view = view;
        this.profiles = profiles;
        this.messenger = messenger;
        this.properties = properties;
        this.clock = clock;
        this.pacer = Pacer.realTime(properties.perSecond());
        this.leadership = leadership;
    }

    /** Starts sending what is confirmed, unless a pass is already waiting to. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                queued.set(false);
            }
        }
    }

    /**
     * After a restart, or when this instance takes over from another: what was in the air counts as sent, and the
     * rest goes on.
     */
    @EventListener(LeadershipGained.class)
    void resume() {
        int inTheAir = broadcasts.settleInTheAir();
        if (inTheAir > 0) {
            log.warn("{} broadcast messages were being sent when the bot stopped; counted as sent, not repeated",
                    inTheAir);
        }
        wake();
    }

    /** A pass that stopped on an error (the database away for a moment) is taken up again. */
    @Scheduled(fixedDelay = 60, initialDelay = 60, timeUnit = TimeUnit.SECONDS)
    void retry() {
        if (leadership.isLeader()) {
            wake();
        }
    }

    /** One pass over what is confirmed; runs on the worker ({@link #wake}), or directly in a test. */
    void drain() {
        queued.set(false);
        try {
            Optional<Broadcasts.Broadcast> next;
            while (!stopping && leadership.isLeader() && (next = broadcasts.nextSending()).isPresent()) {
                send(next.get());
            }
        } catch (RuntimeException e) {
            // the class only: a database error may quote the value it refused, and that value can be the text
            log.error("Sending broadcasts stopped; retrying within a minute: {}", e.getClass().getSimpleName());
        }
    }

    private void send(Broadcasts.Broadcast broadcast) {
        long id = broadcast.id();
        long admin = broadcast.adminId();
        Language lang = profiles.find(admin).map(Profile::language).orElse(Language.RU);
        Integer progress = broadcast.progressMessage();
        if (progress == null) {
            progress = messenger.send(admin, Reply.text(view.progress(id, broadcasts.counts(id), false, lang)))
                    .stream().findFirst().orElse(null);
            if (progress != null) {
                broadcasts.progressMessage(id, progress);
            }
        }
        long reported = System.nanoTime();
        List<Broadcasts.Recipient> batch;
        while (!(batch = broadcasts.pending(id, BATCH)).isEmpty()) {
            for (Broadcasts.Recipient recipient : batch) {
                // several instances: one that stopped leading leaves the rest to the new leader
                if (stopping || !leadership.isLeader() || !deliver(broadcast, recipient)) {
                    return;
                }
                if (progress != null && System.nanoTime() - reported >= properties.progressEvery().toNanos()) {
                    messenger.edit(admin, progress, Reply.text(view.progress(id, broadcasts.counts(id), false, lang)));
                    reported = System.nanoTime();
                }
            }
        }
        Optional<Broadcasts.Counts> finished = broadcasts.finish(id, LocalDateTime.now(clock));
        if (finished.isEmpty()) {
            return; // the admin was forgotten meanwhile, and the broadcast with them
        }
        Broadcasts.Counts counts = finished.get();
        log.info("Broadcast {} done: {} sent, {} blocked, {} failed, {} skipped", id, counts.sent(), counts.blocked(),
                counts.failed(), counts.skipped());
        if (progress != null) {
            messenger.edit(admin, progress, Reply.text(view.progress(id, counts, true, lang)));
        }
        messenger.send(admin, Reply.text(view.summary(id, counts, lang)));
    }

    /** One recipient; false when the bot is stopping and the rest must wait for the next start. */
    private boolean deliver(Broadcasts.Broadcast broadcast, Broadcasts.Recipient recipient) {
        long user = recipient.userId();
        if (!profiles.receivesBroadcasts(user)) {
            broadcasts.mark(broadcast.id(), user, "SKIPPED");
            return true;
        }
        if (!pacer.await()) {
            return false;
        }
        Delivery delivery = messenger.deliver(user, view.message(broadcast.body(), recipient.language()),
                () -> broadcasts.mark(broadcast.id(), user, "SENDING"));
        if (delivery == Delivery.FAILED && stopping) {
            // most likely cut short by the stop (a retry's wait interrupted), not refused: the next start tries again
            broadcasts.mark(broadcast.id(), user, "PENDING");
            return false;
        }
        broadcasts.mark(broadcast.id(), user, delivery.name());
        return true;
    }

    /** Lets the message in hand go out (a few seconds at most), then stops; the rest resumes at the next start. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}

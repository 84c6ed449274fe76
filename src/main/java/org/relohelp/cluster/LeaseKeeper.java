package org.relohelp.cluster;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Webhook mode: takes and renews the lease every {@code renew-every} on a thread of its own. This instance leads
 * while its last renewal succeeded and until {@code lease - renew-every} after that renewal began (a monotonic
 * clock), so it has stopped before anybody else can take the lease, even when a renewal hangs. A renewal that
 * fails ends the leadership at once. On stop, after the updates in hand are done (this stops after the Telegram
 * connection), the lease is released so another instance takes over without waiting for it to run out. The lease's
 * times come from {@code clock}: in service the database's ({@link DatabaseClock}), in tests one they move.
 */
class LeaseKeeper implements Leadership, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final LeaderLease lease;
    private final ClusterProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String id;
    private volatile ScheduledExecutorService renewer;
    private volatile boolean holding;
    private volatile long validUntil;
    private volatile long term;

    LeaseKeeper(LeaderLease lease, ClusterProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.lease = lease;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.id = properties.resolveInstanceId();
    }

    @Override
    public boolean isLeader() {
        return holding && System.nanoTime() - validUntil < 0;
    }

    @Override
    public long term() {
        return term;
    }

    String instanceId() {
        return id;
    }

    /** One attempt to take or renew the lease. */
    synchronized void renew() {
        long began = System.nanoTime();
        boolean held;
        try {
            held = lease.hold(id, LocalDateTime.now(clock), properties.lease());
        } catch (RuntimeException e) {
            held = false;
            log.warn("The leader lease could not be renewed: {}", e.getClass().getSimpleName());
        }
        boolean wasLeader = isLeader();
        if (!held) {
            if (holding) {
                log.warn("Instance {} is no longer the leader: it stops handling updates and scheduled jobs", id);
            }
            holding = false;
            return;
        }
        long lateMillis = (began - validUntil) / 1_000_000;
        boolean lapsed = holding && !wasLeader;
        validUntil = began + properties.lease().minus(properties.renewEvery()).toNanos();
        if (!wasLeader) {
            term++;
            holding = true;
            if (lapsed) {
                // the previous renewal ran late (a busy machine, a slow database): this instance stopped leading
                // when its time ran out and takes up the leadership again as a new term
                log.warn("Instance {} renewed its lease {} ms after its time ran out and leads again", id, lateMillis);
            } else {
                log.info("Instance {} is now the leader: it handles the updates and runs the scheduled jobs", id);
            }
            events.publishEvent(new LeadershipGained());
        }
    }

    @Override
    public void start() {
        log.info("Instance {}: leader lease of {} s, renewed every {} s", id, properties.lease().toSeconds(),
                properties.renewEvery().toSeconds());
        renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "leader-lease");
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleWithFixedDelay(this::renewQuietly, 0, properties.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            // a listener of LeadershipGained failed; the lease itself is fine and the next renewal goes on
            log.error("Taking up the leadership failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = renewer;
        renewer = null;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        synchronized (this) {
            boolean wasLeader = holding;
            holding = false;
            if (wasLeader) {
                try {
                    lease.release(id, LocalDateTime.now(clock));
                    log.info("Instance {} released the leader lease", id);
                } catch (RuntimeException e) {
                    log.warn("The leader lease could not be released ({}); it runs out by itself",
                            e.getClass().getSimpleName());
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return renewer != null;
    }

    /** Starts before the Telegram connection and stops after it (that one drains the updates in hand first). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}

package org.relohelp.admin;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces broadcast messages evenly at a fixed rate. Idle time is not saved up as a burst: a broadcast never takes
 * more than its share of Telegram's overall limit, even for a moment, so answers to people writing right now
 * always find room.
 */
final class Pacer {

    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long next;
    private boolean started;

    Pacer(int perSecond, LongSupplier nanoClock, Sleeper sleeper) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    static Pacer realTime(int perSecond) {
        return new Pacer(perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /** Waits for the next slot; false when interrupted (the bot is stopping). */
    boolean await() {
        long now = nanoClock.getAsLong();
        if (!started || next - now < 0) {
            next = now;
            started = true;
        }
        long wait = next - now;
        next += intervalNanos;
        if (wait <= 0) {
            return true;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

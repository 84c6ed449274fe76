package org.relohelp.telegram;

import java.util.ArrayDeque;

/**
 * A sliding-window limit: at most {@code limit} events in any span of {@code span} nanoseconds, the strict reading
 * of "no more than N per second". It keeps the times of the last {@code limit} events only. Not thread-safe: the
 * outbox's dispatcher thread owns its windows.
 */
final class Window {

    private final int limit;
    private final long span;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    Window(int limit, long spanNanos) {
        this.limit = limit;
        this.span = spanNanos;
    }

    /** The earliest moment, at or after {@code now}, at which one more event keeps the limit. */
    long next(long now) {
        prune(now);
        return times.size() < limit ? now : Math.max(now, times.peekFirst() + span);
    }

    boolean allows(long now) {
        return next(now) <= now;
    }

    void add(long at) {
        times.addLast(at);
        if (times.size() > limit) {
            times.pollFirst();
        }
    }

    /** Moves the last {@code count} events to {@code at} (later than they were noted: the calls left then). */
    void moveLast(int count, long at) {
        int moved = Math.min(count, times.size());
        for (int i = 0; i < moved; i++) {
            times.pollLast();
        }
        for (int i = 0; i < moved; i++) {
            add(at);
        }
    }

    boolean idle(long now) {
        prune(now);
        return times.isEmpty();
    }

    private void prune(long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - span) {
            times.pollFirst();
        }
    }
}

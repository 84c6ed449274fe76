package org.relohelp.telegram;

import java.util.Arrays;

/**
 * A sliding-window limit: at most {@code limit} requests in any span of {@code span} nanoseconds, the strict reading
 * of "no more than N per second", as the receiving server counts them — by when they arrive there. That moment is
 * not known here, only that it lies between the start of the call and its answer. So a request counts from its start
 * until its answer plus the span: a new one may start only when, among the last {@code limit}, the oldest answer came
 * at least a span ago. Whatever the network's timing, two requests this lets through arrive at least a span apart
 * or within the limit. Not thread-safe: the outbox's dispatcher thread owns its windows.
 */
final class Window {

    private final int limit;
    private final long span;
    /** Answer times of finished requests, oldest first; at most {@code limit} (grown as needed). */
    private long[] answered;
    private int size;
    private int inFlight;

    Window(int limit, long spanNanos) {
        this.limit = limit;
        this.span = spanNanos;
        this.answered = new long[Math.min(limit, 32)];
    }

    /** The earliest moment, at or after {@code now}, at which one more request keeps the limit; MAX_VALUE: not known. */
    long next(long now) {
        prune(now);
        int counted = size + inFlight;
        if (counted < limit) {
            return now;
        }
        if (inFlight >= limit) {
            return Long.MAX_VALUE; // wait for an answer
        }
        // this many of the answered ones must leave the span first
        int leaving = counted - limit + 1;
        return Math.max(now, answered[leaving - 1] + span);
    }

    boolean allows(long now) {
        return next(now) <= now;
    }

    /** A request leaves now; it counts until its answer and a span after. */
    void started() {
        inFlight++;
    }

    /** The request started earlier was answered at {@code at}. */
    void answered(long at) {
        inFlight = Math.max(0, inFlight - 1);
        int position = size;
        while (position > 0 && answered[position - 1] > at) {
            position--;
        }
        if (size == limit) {
            if (position == 0) {
                return; // older than every answer kept: it cannot matter
            }
            System.arraycopy(answered, 1, answered, 0, position - 1);
            position--;
        } else {
            if (size == answered.length) {
                answered = Arrays.copyOf(answered, Math.min(limit, size * 2));
            }
            System.arraycopy(answered, position, answered, position + 1, size - position);
            size++;
        }
        answered[position] = at;
    }

    boolean idle(long now) {
        prune(now);
        return size == 0 && inFlight == 0;
    }

    private void prune(long now) {
        int gone = 0;
        while (gone < size && answered[gone] <= now - span) {
            gone++;
        }
        if (gone > 0) {
            System.arraycopy(answered, gone, answered, 0, size - gone);
            size -= gone;
            Arrays.fill(answered, size, size + gone, 0);
        }
    }
}

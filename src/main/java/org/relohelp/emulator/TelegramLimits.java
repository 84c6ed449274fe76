package org.relohelp.emulator;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram's limits on messages a bot sends, for "Telegram-strict" runs: 30 a second overall, one a second to a
 * private chat, 20 a minute to a group. Over a limit, a call is refused with 429 and {@code retry_after} in whole
 * seconds, as Telegram does. Two ways to count ({@link BotApiEmulator.Limits}): continuously refilled buckets
 * (a private chat may burst three), or strict sliding windows counted by the moment each call arrived (no more than
 * 30 in any second, 1 in any second per private chat, 20 in any minute per group). Only accepted messages count.
 * Off by default: most tests are not about limits and should not wait for them. The clock is replaceable, so tests
 * of the limits themselves need not sleep.
 */
final class TelegramLimits {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final TimeMeter clock;
    private volatile BotApiEmulator.Limits mode = BotApiEmulator.Limits.NONE;
    private final AtomicLong refused = new AtomicLong();
    private final Bucket overall;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final Deque<Long> sends = new ArrayDeque<>();
    private final Map<Long, Deque<Long>> sendsPerChat = new HashMap<>();

    TelegramLimits(TimeMeter clock) {
        this.clock = clock;
        this.overall = bucket(30, Duration.ofSeconds(1), 30);
    }

    void enforce(BotApiEmulator.Limits limits) {
        mode = limits;
    }

    /** Zero when the message may go out now (it is then counted), otherwise the seconds to wait. */
    int retryAfter(long chatId) {
        long nanos = switch (mode) {
            case NONE -> 0;
            case BUCKET -> fromBuckets(chatId);
            case WINDOW -> fromWindows(chatId);
        };
        if (nanos <= 0) {
            return 0;
        }
        refused.incrementAndGet();
        return (int) Math.max(1, (nanos + SECOND - 1) / SECOND);
    }

    long refused() {
        return refused.get();
    }

    private long fromBuckets(long chatId) {
        Bucket chat = buckets.computeIfAbsent(chatId, id -> id < 0
                ? bucket(20, Duration.ofMinutes(1), 20)
                : bucket(1, Duration.ofSeconds(1), 3));
        ConsumptionProbe toChat = chat.tryConsumeAndReturnRemaining(1);
        if (!toChat.isConsumed()) {
            return toChat.getNanosToWaitForRefill();
        }
        ConsumptionProbe inAll = overall.tryConsumeAndReturnRemaining(1);
        if (!inAll.isConsumed()) {
            chat.addTokens(1);
            return inAll.getNanosToWaitForRefill();
        }
        return 0;
    }

    private synchronized long fromWindows(long chatId) {
        long now = clock.currentTimeNanos();
        Deque<Long> toChat = sendsPerChat.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        long wait = Math.max(chatId < 0 ? wait(toChat, now, MINUTE, 20) : wait(toChat, now, SECOND, 1),
                wait(sends, now, SECOND, 30));
        if (wait <= 0) {
            toChat.addLast(now);
            sends.addLast(now);
        }
        return wait;
    }

    /**
     * How long until one more message fits a window of {@code length} holding at most {@code max}: windows are
     * half-open, so a message sent exactly {@code length} ago no longer counts.
     */
    private static long wait(Deque<Long> times, long now, long length, int max) {
        while (!times.isEmpty() && times.peekFirst() <= now - length) {
            times.pollFirst();
        }
        return times.size() < max ? 0 : times.peekFirst() + length - now;
    }

    private Bucket bucket(int refill, Duration period, int burst) {
        return Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(limit -> limit.capacity(burst).refillGreedy(refill, period)).build();
    }
}

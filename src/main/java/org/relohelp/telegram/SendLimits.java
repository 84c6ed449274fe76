package org.relohelp.telegram;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Telegram's sending limits as token buckets (Bucket4j): about 30 messages a second overall, one a second per
 * private chat with a short burst, 20 a minute per group. A send waits for its tokens instead of provoking a
 * 429; buckets refill continuously, so bursts cannot overrun a limit at a second's boundary.
 */
@Component
class SendLimits {

    /** Waiting, replaceable in tests together with the clock. */
    interface Pause {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final int MAX_TRACKED_CHATS = 100_000;
    private static final long MIN_WAIT_NANOS = 1_000_000;

    private final TelegramProperties.Limits limits;
    private final TimeMeter time;
    private final Pause pause;
    private final Bucket global;
    private final Map<Long, Bucket> chats = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    @Autowired
    SendLimits(TelegramProperties properties) {
        this(properties.limits(), TimeMeter.SYSTEM_NANOTIME, TimeUnit.NANOSECONDS::sleep);
    }

    SendLimits(TelegramProperties.Limits limits, TimeMeter time, Pause pause) {
        this.limits = limits;
        this.time = time;
        this.pause = pause;
        // 5% under Telegram's rate: requests reach Telegram a little unevenly, and one arriving before
        // Telegram's own bucket refilled would cost a 429 and a second's wait
        this.global = bucket(limits.perSecond(), limits.perSecond(), Duration.ofMillis(1050));
    }

    /** Blocks until a message to this chat may go out. */
    void acquire(long chatId) {
        if (chats.size() > MAX_TRACKED_CHATS) {
            chats.clear(); // idle buckets are full anyway; dropping them only forgets a past burst
        }
        waiting.incrementAndGet();
        try {
            take(chats.computeIfAbsent(chatId, id -> id < 0
                    ? bucket(limits.perGroupPerMinute(), limits.perGroupPerMinute(), Duration.ofMinutes(1))
                    : bucket(limits.perChatBurst(), 1, Duration.ofSeconds(1))));
            take(global);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Messages inside {@link #acquire} right now, i.e. waiting for their tokens. */
    int waiting() {
        return waiting.get();
    }

    private void take(Bucket bucket) {
        while (true) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return;
            }
            try {
                // never a zero wait: a busy loop would starve the lane (and hang a fake clock)
                pause.sleep(Math.max(probe.getNanosToWaitForRefill(), MIN_WAIT_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Bucket bucket(int capacity, int refill, Duration period) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, period))
                .withCustomTimePrecision(time).build();
    }
}

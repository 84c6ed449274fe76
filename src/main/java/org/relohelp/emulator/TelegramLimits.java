package org.relohelp.emulator;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram's limits on messages a bot sends, for "Telegram-strict" runs: 30 a second overall, one a second to
 * a private chat after a burst of three, 20 a minute to a group, each as a continuously refilled bucket.
 * Over a limit, a call is refused with 429 and {@code retry_after} in whole seconds, as Telegram does.
 * Off by default: most tests are not about limits and should not wait for them.
 */
final class TelegramLimits {

    private volatile boolean enforced;
    private final Bucket overall = bucket(30, Duration.ofSeconds(1), 30);
    private final Map<Long, Bucket> chats = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    void enforce(boolean on) {
        enforced = on;
    }

    /** Zero when the message may go out now, otherwise the seconds to wait (and the refusal is counted). */
    int retryAfter(long chatId) {
        if (!enforced) {
            return 0;
        }
        Bucket chat = chats.computeIfAbsent(chatId, id -> id < 0
                ? bucket(20, Duration.ofMinutes(1), 20)
                : bucket(1, Duration.ofSeconds(1), 3));
        ConsumptionProbe toChat = chat.tryConsumeAndReturnRemaining(1);
        if (!toChat.isConsumed()) {
            return refuse(toChat.getNanosToWaitForRefill());
        }
        ConsumptionProbe inAll = overall.tryConsumeAndReturnRemaining(1);
        if (!inAll.isConsumed()) {
            chat.addTokens(1);
            return refuse(inAll.getNanosToWaitForRefill());
        }
        return 0;
    }

    long refused() {
        return refused.get();
    }

    private int refuse(long nanos) {
        refused.incrementAndGet();
        return (int) Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private static Bucket bucket(int refill, Duration period, int burst) {
        return Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(refill, period)).build();
    }
}

package org.relohelp.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Messages and button presses per person in the last minute. Past the limit the person is asked once to slow down
 * and further updates in that minute are dropped, so a flood never reaches volunteers. In memory on purpose: a
 * restart simply forgives everyone. People silent for a minute are forgotten (swept about once a minute), so the
 * map holds only those who wrote in the last two minutes, however many people use the bot. Hand-written: neither
 * Caffeine nor Guava is on the runtime classpath, and this is a sweep of a map.
 */
@Component
class FloodGuard {

    enum Verdict { PASS, WARN, DROP }

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final Map<Long, Deque<Long>> recent = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    FloodGuard(TelegramProperties properties) {
        this.perMinute = properties.floodPerMinute();
    }

    Verdict check(long userId) {
        return check(userId, System.nanoTime());
    }

    Verdict check(long userId, long nowNanos) {
        Verdict[] verdict = new Verdict[1];
        // compute holds the entry's lock, so a sweep never drops a list that is being added to
        recent.compute(userId, (id, times) -> {
            Deque<Long> within = times == null ? new ArrayDeque<>() : times;
            forgetOlderThanAMinute(within, nowNanos);
            within.addLast(nowNanos);
            verdict[0] = within.size() <= perMinute ? Verdict.PASS
                    : within.size() == perMinute + 1 ? Verdict.WARN : Verdict.DROP;
            return within;
        });
        if (nowNanos - lastSweep > MINUTE_NANOS) {
            lastSweep = nowNanos;
            recent.keySet().forEach(id -> recent.computeIfPresent(id, (key, times) -> {
                forgetOlderThanAMinute(times, nowNanos);
                return times.isEmpty() ? null : times;
            }));
        }
        return verdict[0];
    }

    /** How many people are remembered. */
    int remembered() {
        return recent.size();
    }

    private static void forgetOlderThanAMinute(Deque<Long> times, long nowNanos) {
        while (!times.isEmpty() && nowNanos - times.peekFirst() > MINUTE_NANOS) {
            times.pollFirst();
        }
    }
}

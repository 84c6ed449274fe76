package org.relohelp.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Messages per person in the last minute. Past the limit the person is asked once to slow down and further
 * messages in that minute are dropped, so a flood never reaches volunteers. In memory on purpose: a restart
 * simply forgives everyone.
 */
@Component
class FloodGuard {

    enum Verdict { PASS, WARN, DROP }

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final Map<Long, Deque<Long>> recent = new ConcurrentHashMap<>();

    FloodGuard(TelegramProperties properties) {
        this.perMinute = properties.floodPerMinute();
    }

    Verdict check(long userId) {
        return check(userId, System.nanoTime());
    }

    Verdict check(long userId, long nowNanos) {
        Deque<Long> times = recent.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && nowNanos - times.peekFirst() > MINUTE_NANOS) {
                times.pollFirst();
            }
            times.addLast(nowNanos);
            if (times.size() <= perMinute) {
                return Verdict.PASS;
            }
            return times.size() == perMinute + 1 ? Verdict.WARN : Verdict.DROP;
        }
    }
}

package org.relohelp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.relohelp.emulator.BotApiEmulator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bot has nothing left to do: Telegram holds no update for it, every update it took is handled, and nothing
 * waits in its outbox. Then no further message can come (short of a timer), so silence can be asserted exactly
 * instead of after a pause. Seen twice in a row, 100 ms apart: an update between its fetch and its storing in the
 * inbox is neither pending nor unhandled for a moment.
 */
public final class BotIdle {

    private BotIdle() {
    }

    /** Long polling: the bot has also fetched (and so confirmed) every update Telegram has for it. */
    public static void await(BotApiEmulator telegram, JdbcClient jdbc, Duration atMost) {
        awaitQuiet(() -> telegram.pendingUpdates() == 0 && handledAndSent(jdbc), atMost);
    }

    /** Webhook mode: Telegram's side is the POSTs the test made and waited for; only the bot's own work counts. */
    public static void awaitWebhook(JdbcClient jdbc, Duration atMost) {
        awaitQuiet(() -> handledAndSent(jdbc), atMost);
    }

    private static boolean handledAndSent(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from inbox where handled_at is null") == 0
                && count(jdbc, "select count(*) from outbox") == 0;
    }

    private static void awaitQuiet(java.util.function.BooleanSupplier idle, Duration atMost) {
        AtomicInteger quiet = new AtomicInteger();
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> idle.getAsBoolean() ? quiet.incrementAndGet() >= 2 : quiet.getAndSet(0) < 0);
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}

package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.relohelp.TcpProxy;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.boot.actuate.health.Status;

/**
 * The database taken away for 15 seconds while 20 people write, then given back, as an operator's database would
 * fail: every question is answered exactly once, later questions too, and the health says DOWN while it lasts
 * and UP after. Shared by the H2 and PostgreSQL runs.
 */
final class OutageScenario {

    static final String QUESTION = "сколько можно находиться в грузии";
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    private OutageScenario() {
    }

    static void run(BotApiEmulator telegram, TcpProxy database, AtomicLong ids, Supplier<Status> health)
            throws Exception {
        for (EmulatedUser user : users(telegram, ids, 5)) {
            telegram.sendText(user, QUESTION);
            telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(30));
        }

        database.cut();
        long cutAt = System.nanoTime();
        List<EmulatedUser> writing = users(telegram, ids, 20);
        for (EmulatedUser user : writing) {
            telegram.sendText(user, QUESTION);
            TimeUnit.MILLISECONDS.sleep(150);
        }
        await().atMost(Duration.ofSeconds(14)).untilAsserted(() ->
                assertThat(health.get()).as("health while the database is away").isEqualTo(Status.DOWN));
        long left = OUTAGE.toNanos() - (System.nanoTime() - cutAt);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
        database.restore();

        for (EmulatedUser user : writing) {
            telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(60));
        }
        TimeUnit.SECONDS.sleep(1);
        for (EmulatedUser user : writing) {
            assertThat(telegram.botMessages(user.id())).as("answers to user %d", user.id()).hasSize(1);
            assertThat(telegram.botMessages(user.id()).get(0).text()).containsIgnoringCase("груз");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(health.get()).isEqualTo(Status.UP));
        EmulatedUser later = users(telegram, ids, 1).get(0);
        telegram.sendText(later, QUESTION);
        assertThat(telegram.awaitBotMessages(later.id(), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    private static List<EmulatedUser> users(BotApiEmulator telegram, AtomicLong ids, int count) {
        List<EmulatedUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ids.incrementAndGet();
            telegram.openChat(id);
            users.add(new EmulatedUser(id, "Outage" + id, "ru"));
        }
        return users;
    }
}

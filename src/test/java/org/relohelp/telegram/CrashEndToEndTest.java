package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.relohelp.TcpProxy;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.EmulatedUser;

/**
 * SIGKILL in the middle of a burst: updates confirmed to Telegram but not yet answered are answered after the
 * restart, and the answers Telegram already took (its responses held back, so the bot never heard) are not
 * sent a second time. Exactly one answer per question.
 */
class CrashEndToEndTest {

    private static final String TOKEN = "747474:crash-test-token";
    private static final int PEOPLE = 40;
    /** Calls the outbox makes at once (relohelp.telegram.senders): that many answers are in the air. */
    private static final int SENDERS = 8;

    @Test
    void aKilledBotLosesNoUpdateAndAnswersNoneTwice() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "crash-data-");
        List<EmulatedUser> people = LongStream.range(0, PEOPLE)
                .mapToObj(i -> new EmulatedUser(8_200_000_000L + i, "Burst", "ru")).toList();
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            Process bot = BotProcess.start(TOKEN, telegram, data, "first.log");
            try {
                telegram.holdResponses(true);
                people.forEach(p -> telegram.sendText(p, "сколько можно жить в армении без внж"));
                // every sender (8) has an answer in the air, Telegram took it, the bot has not heard back; the
                // other updates are confirmed to Telegram and wait in the bot's inbox or outbox
                awaitUntil(() -> telegram.pendingUpdates() == 0 && answered(telegram, people) == SENDERS);
                Thread.sleep(300);
                assertThat(answered(telegram, people)).as("the burst is still being answered").isEqualTo(SENDERS);
            } finally {
                bot.destroyForcibly();
                assertThat(bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
                telegram.holdResponses(false);
            }
            Process again = BotProcess.start(TOKEN, telegram, data, "second.log");
            try {
                awaitUntil(() -> answered(telegram, people) == PEOPLE);
                Thread.sleep(2_000); // a repeated answer would arrive meanwhile
                for (EmulatedUser person : people) {
                    assertThat(telegram.botMessages(person.id())).as("answers to " + person.id()).hasSize(1);
                }
            } finally {
                again.destroy();
                again.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * SIGKILL while the database is away: the updates that arrived meanwhile were never confirmed to Telegram (the
     * intake waits for the database before it lets the poller go on), so the next process gets them again.
     */
    @Test
    void aBotKilledWhileItsDatabaseIsAwayLosesNothing() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "crash-outage-");
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", data.toString()).start();
        List<EmulatedUser> early = LongStream.range(0, 3)
                .mapToObj(i -> new EmulatedUser(8_210_000_000L + i, "Early", "ru")).toList();
        List<EmulatedUser> during = LongStream.range(0, 10)
                .mapToObj(i -> new EmulatedUser(8_210_000_100L + i, "During", "ru")).toList();
        try (TcpProxy database = new TcpProxy(h2.getPort()); BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            Map<String, String> env = Map.of("SPRING_DATASOURCE_URL",
                    "jdbc:h2:tcp://127.0.0.1:" + database.port() + "/./relohelp");
            Process bot = BotProcess.start(TOKEN, telegram, data, "first.log", env);
            try {
                early.forEach(p -> telegram.sendText(p, "сколько можно жить в армении без внж"));
                awaitUntil(() -> answered(telegram, early) == early.size());
                database.cut();
                during.forEach(p -> telegram.sendText(p, "сколько можно жить в армении без внж"));
                Thread.sleep(3_000);
                assertThat(answered(telegram, during)).as("nothing answered while the database is away").isZero();
            } finally {
                bot.destroyForcibly();
                assertThat(bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
                database.restore();
            }
            Process again = BotProcess.start(TOKEN, telegram, data, "second.log", env);
            try {
                awaitUntil(() -> answered(telegram, during) == during.size());
                Thread.sleep(2_000); // a repeated answer would arrive meanwhile
                for (EmulatedUser person : early) {
                    assertThat(telegram.botMessages(person.id())).as("answers to " + person.id()).hasSize(1);
                }
                for (EmulatedUser person : during) {
                    assertThat(telegram.botMessages(person.id())).as("answers to " + person.id()).hasSize(1);
                }
            } finally {
                again.destroy();
                again.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            h2.stop();
        }
    }

    private static long answered(BotApiEmulator telegram, List<EmulatedUser> people) {
        return people.stream().filter(p -> !telegram.botMessages(p.id()).isEmpty()).count();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

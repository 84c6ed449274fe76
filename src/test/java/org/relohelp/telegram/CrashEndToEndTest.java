package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
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
    private static final int LANES = 8;

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
                // every lane (8) has an answer in the air, Telegram took it, the bot has not heard back; the
                // other updates are confirmed to Telegram and wait in the bot's inbox
                awaitUntil(() -> telegram.pendingUpdates() == 0 && answered(telegram, people) == LANES);
                Thread.sleep(300);
                assertThat(answered(telegram, people)).as("the burst is still being answered").isEqualTo(LANES);
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

    private static long answered(BotApiEmulator telegram, List<EmulatedUser> people) {
        return people.stream().filter(p -> !telegram.botMessages(p.id()).isEmpty()).count();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

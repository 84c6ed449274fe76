package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;

/**
 * The program as operators run it: its own process, configured only through the environment, against a
 * Bot API on 127.0.0.1. It must keep running, answer, and stop within ten seconds on SIGTERM.
 */
class ProcessEndToEndTest {

    private static final String TOKEN = "737373:process-test-token";

    @Test
    void runsFromTheEnvironmentAnswersAndStopsOnSigterm() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "process-data-");
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            Process bot = BotProcess.start(TOKEN, telegram, data, "bot.log");
            try {
                EmulatedUser user = new EmulatedUser(8_000_000_001L, "Outside", "ru");
                telegram.sendText(user, "/start");
                assertThat(telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(120)).get(0).text())
                        .contains("В какой стране");
                telegram.sendText(user, "сколько можно находиться в армении без визы");
                BotMessage answer = telegram.awaitBotMessages(user.id(), 2, Duration.ofSeconds(10)).get(1);
                assertThat(answer.allButtons()).extracting(BotMessage.InlineButton::callbackData)
                        .anyMatch(action -> action.startsWith("fb:+:am-stay:"));
                assertThat(bot.isAlive()).isTrue();
            } finally {
                bot.destroy();
                assertThat(bot.waitFor(10, TimeUnit.SECONDS)).as("stops within 10 s of SIGTERM").isTrue();
            }
            String log = Files.readString(data.resolve("bot.log"));
            assertThat(log).doesNotContain("сколько можно", TOKEN);
        }
    }
}

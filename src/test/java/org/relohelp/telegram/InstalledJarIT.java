package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;

/**
 * The packaged jar installed somewhere else: started from an empty folder (no config/ beside it), configured only by
 * the environment, it must run against Telegram — here the emulator — with the knowledge base it carries, and with
 * the drafts an earlier version published on its data folder. Runs after {@code package} ({@code ./mvnw verify}).
 */
class InstalledJarIT {

    private static final String TOKEN = "767676:installed-jar-token";
    private static final String DRAFT = """
            ---
            id: draft-20260101-1
            language: ru
            countries: [KZ]
            topic: housing
            title: "Аренда гаража для кемпера в Алматы"
            keywords: [гараж, кемпер, аренда гаража]
            sources:
              - title: "Ответ волонтёра, проверен администратором"
            verified: 2026-01-01
            ---
            Гараж для кемпера ищите на крыше мира.
            """;

    @Test
    void runsFromAnyFolderWithTheKnowledgeItCarries() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "installed-")
                .toAbsolutePath();
        // published by an earlier version of the bot, on the data folder it keeps across upgrades
        Path drafts = Files.createDirectories(folder.resolve("data/knowledge-drafts"));
        Files.writeString(drafts.resolve("draft-20260101-1.ru.md"), DRAFT);
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            Process bot = BotProcess.startJar(folder, Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                    "TELEGRAM_API_URL", telegram.url(), "RELOHELP_MANAGEMENT_PORT", "0",
                    // were the token ignored, the sandbox would start: never on the default port
                    "RELOHELP_SANDBOX_PORT", "0"), "bot.log");
            try {
                EmulatedUser user = new EmulatedUser(8_200_000_001L, "Elsewhere", "ru");
                telegram.sendText(user, "/start");
                assertThat(telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(60)).get(0).text())
                        .contains("В какой стране");
                telegram.sendText(user, "сколько можно жить в армении без внж");
                BotMessage answer = telegram.awaitBotMessages(user.id(), 2, Duration.ofSeconds(10)).get(1);
                // the carried article answers, or leads the choice: either way its buttons name it
                assertThat(answer.allButtons()).extracting(BotMessage.InlineButton::callbackData)
                        .anyMatch(data -> data.endsWith(":am-stay") || data.startsWith("sec:am-stay:"));
                telegram.sendText(user, "аренда гаража для кемпера в алматы");
                assertThat(telegram.awaitBotMessages(user.id(), 3, Duration.ofSeconds(10)).get(2).text())
                        .contains("Аренда гаража для кемпера");
            } finally {
                bot.destroy();
                assertThat(bot.waitFor(10, TimeUnit.SECONDS)).as("stops within 10 s of SIGTERM").isTrue();
            }
            String log = Files.readString(folder.resolve("bot.log"));
            assertThat(log).doesNotContain("SANDBOX", "does not exist", TOKEN);
            assertThat(folder.resolve("data/relohelp.mv.db")).exists();
            assertThat(folder.resolve("data/knowledge/kz/kz-tax-id.ru.md")).exists();
        }
    }

    /**
     * As the Docker image installs it: {@code bin/prepare-start} extracts the jar and records its class data with the
     * image's JVM options; the bot then starts with that archive. {@code -Xshare:on} makes a start whose archive
     * cannot be used fail instead of quietly loading its classes the slow way.
     */
    @Test
    void startsWithTheClassDataPrepareStartRecords() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "prepared-")
                .toAbsolutePath();
        List<String> options = BotProcess.imageJvmOptions();
        ProcessBuilder builder = BotProcess.prepareStart(folder.resolve("app"), options).redirectErrorStream(true)
                .redirectOutput(folder.resolve("prepare.log").toFile());
        assertThat(builder.start().waitFor()).as("bin/prepare-start; see " + folder.resolve("prepare.log"))
                .isZero();
        assertThat(folder.resolve("app/relohelp.jsa")).exists();
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            assertThat(telegram.firstCall("getUpdates")).as("the training start never calls the Bot API").isEmpty();
            List<String> java = new ArrayList<>(options);
            java.addAll(List.of("-XX:SharedArchiveFile=app/relohelp.jsa", "-Xshare:on", "-jar", "app/relohelp.jar"));
            Process bot = BotProcess.startJar(folder, Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                    "TELEGRAM_API_URL", telegram.url(), "RELOHELP_MANAGEMENT_PORT", "0",
                    "RELOHELP_SANDBOX_PORT", "0"), "bot.log", java.toArray(String[]::new));
            try {
                EmulatedUser user = new EmulatedUser(8_200_000_002L, "Prepared", "ru");
                telegram.sendText(user, "/start");
                assertThat(telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(60)).get(0).text())
                        .as("see " + folder.resolve("bot.log")).contains("В какой стране");
            } finally {
                bot.destroy();
                assertThat(bot.waitFor(10, TimeUnit.SECONDS)).as("stops within 10 s of SIGTERM").isTrue();
            }
        }
    }
}

package org.relohelp.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.relohelp.RelohelpApplication;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bot is stopped in the middle of a broadcast and started again: everyone gets it, nobody twice. */
class BroadcastRestartTest {

    private static final String TOKEN = "626262:broadcast-restart-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HEADER = "Сообщение от команды Relohelp";
    private final EmulatedUser admin = new EmulatedUser(6_200_000_001L, "Admin", "ru");
    private final List<Long> users = LongStream.rangeClosed(6_200_000_101L, 6_200_000_130L).boxed().toList();

    @Test
    void aBroadcastStoppedHalfwayGoesOnAfterTheRestart() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "broadcast-restart-");
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            users.forEach(telegram::openChat);
            ConfigurableApplicationContext bot = start(telegram, data);
            JdbcClient jdbc = bot.getBean(JdbcClient.class);
            LocalDateTime now = LocalDateTime.now(bot.getBean(Clock.class));
            for (long user : users) {
                jdbc.sql("insert into profile (user_id, language, country, created_at, last_seen_at) "
                        + "values (?, 'ru', 'KG', ?, ?)").params(user, now, now).update();
            }
            telegram.sendText(admin, "/broadcast KG Новые правила регистрации в Кыргызстане");
            BotMessage control = telegram.awaitBotMessages(admin.id(), 2, WAIT).get(1);
            telegram.press(admin, control, control.button("Отправить: 30").orElseThrow().callbackData());
            telegram.awaitBotMessage(users.get(4), m -> m.text().contains(HEADER), WAIT);
            bot.close();

            int beforeRestart = (int) users.stream().filter(u -> received(telegram, u) > 0).count();
            assertThat(beforeRestart).isBetween(5, 29);
            bot = start(telegram, data);
            try {
                BotMessage summary = telegram.awaitBotMessage(admin.id(), m -> m.text().contains("завершена"), WAIT);
                assertThat(summary.text()).contains("доставлено 30, заблокировали бота 0, не доставлено 0");
                Thread.sleep(1_000);
                assertThat(users).allSatisfy(u -> assertThat(received(telegram, u)).as("user %d", u).isEqualTo(1));
                assertThat(telegram.botMessages(admin.id())).anyMatch(m -> m.text().contains("отправлено 30 из 30."));
            } finally {
                bot.close();
            }
        }
    }

    private static long received(BotApiEmulator telegram, long user) {
        return telegram.botMessages(user).stream().filter(m -> m.text().contains(HEADER)).count();
    }

    private ConfigurableApplicationContext start(BotApiEmulator telegram, Path data) {
        // arguments, not builder properties: those are defaults that config/application.yml would override
        return new SpringApplicationBuilder(RelohelpApplication.class).run(
                "--relohelp.telegram.token=" + TOKEN,
                "--relohelp.telegram.api-url=" + telegram.url(),
                "--relohelp.telegram.poll-timeout=2s",
                "--relohelp.data-dir=" + data,
                "--relohelp.handoff.admin-ids=" + admin.id(),
                "--relohelp.telegram.limits.bulk-per-second=3");
    }
}

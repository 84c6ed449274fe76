package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relohelp.RelohelpApplication;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The most reported failure of support bots: after a restart the volunteer's reply no longer reaches the
 * user. Here the bot is stopped mid-conversation and started again on the same database.
 */
class HandoffRestartTest {

    private static final String TOKEN = "616161:restart-test-token";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long GROUP = -1_003_000_000_001L;
    private final EmulatedUser admin = new EmulatedUser(6_100_000_001L, "Admin", "ru");
    private final EmulatedUser refugee = new EmulatedUser(6_100_000_002L, "Irina", "ru");
    private final EmulatedUser volunteer = new EmulatedUser(6_100_000_003L, "Vol", "ru");

    @Test
    void aConversationGoesOnAfterARestart() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "restart-data-");
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0)) {
            telegram.openChat(GROUP);
            ConfigurableApplicationContext bot = start(telegram, data);
            telegram.sendText(admin, "/invite");
            Matcher code = Pattern.compile("start=(inv_\\S+)")
                    .matcher(telegram.awaitBotMessages(admin.id(), 1, WAIT).get(0).text());
            assertThat(code.find()).isTrue();
            telegram.sendText(volunteer, "/start " + code.group(1));
            telegram.sendText(refugee, "/human");
            telegram.awaitBotMessages(refugee.id(), 1, WAIT);
            telegram.sendText(refugee, "Как продлить пребывание?");
            String created = telegram.awaitBotMessages(refugee.id(), 2, WAIT).get(1).text();
            Matcher number = Pattern.compile("#(\\d+)").matcher(created);
            assertThat(number.find()).isTrue();
            telegram.sendText(volunteer, "/take " + number.group(1));
            BotMessage header = telegram.awaitBotMessage(volunteer.id(), m -> m.text().contains("Гость #"), WAIT);
            telegram.awaitBotMessage(refugee.id(), m -> m.text().contains("взял(а)"), WAIT);
            // a reminder falls due while the bot is down
            Clock clock = bot.getBean(Clock.class);
            bot.getBean(JdbcClient.class).sql("insert into reminder (user_id, country, kind, event_date, send_at, "
                    + "state, language, created_at) values (?, 'KZ', 'DAY_BEFORE', ?, ?, 'PENDING', 'ru', ?)")
                    .params(refugee.id(), LocalDate.now(clock).plusDays(1), LocalDateTime.now(clock).plusSeconds(1),
                            LocalDateTime.now(clock)).update();
            bot.close();

            telegram.sendText(refugee, "Вы здесь? Пишу, пока бот перезапускается");
            bot = start(telegram, data);
            try {
                telegram.awaitBotMessage(volunteer.id(), m -> m.text().contains("пока бот перезапускается"), WAIT);
                telegram.sendReply(volunteer, volunteer.id(), header.messageId(), "Да, я здесь. Нужна справка.");
                telegram.awaitBotMessage(refugee.id(), m -> m.text().endsWith("\nДа, я здесь. Нужна справка."), WAIT);
                telegram.awaitBotMessage(refugee.id(), m -> m.text().contains("Напоминание"), WAIT);
                Thread.sleep(1_500);
                assertThat(telegram.botMessages(refugee.id())).filteredOn(m -> m.text().contains("Напоминание"))
                        .hasSize(1);
            } finally {
                bot.close();
            }
        }
    }

    private ConfigurableApplicationContext start(BotApiEmulator telegram, Path data) {
        // arguments, not builder properties: those are defaults that config/application.yml would override
        return new SpringApplicationBuilder(RelohelpApplication.class).run(
                "--relohelp.telegram.token=" + TOKEN,
                "--relohelp.telegram.api-url=" + telegram.url(),
                "--relohelp.telegram.poll-timeout=2s",
                "--relohelp.data-dir=" + data,
                "--relohelp.handoff.admin-ids=" + admin.id(),
                "--relohelp.handoff.volunteer-chat-id=" + GROUP);
    }
}

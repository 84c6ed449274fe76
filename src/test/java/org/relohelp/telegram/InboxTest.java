package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.RelohelpApplication;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Updates are stored before they are confirmed: repeats are ignored, and a crash leaves them for the restart. */
class InboxTest extends EndToEndTest {

    @Autowired
    UpdateIntake intake;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUpdateReceivedTwiceIsHandledOnceAndItsWordsAreNotKept() throws Exception {
        EmulatedUser user = newUser("ru");
        TELEGRAM.openChat(user.id());
        Update update = update(900_000_001, user, "спасибо");
        intake.consume(List.of(update));
        intake.consume(List.of(update(900_000_001, user, "спасибо")));
        TELEGRAM.awaitBotMessages(user.id(), 1, WAIT);
        awaitIdle();
        assertThat(TELEGRAM.botMessages(user.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from inbox where update_id = 900000001 and payload is null "
                + "and handled_at is not null").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void updatesLeftUnhandledByACrashAreHandledAfterTheRestart() throws Exception {
        String token = "717171:inbox-test-token";
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "inbox-data-");
        EmulatedUser user = new EmulatedUser(8_100_000_001L, "Crash", "ru");
        try (BotApiEmulator telegram = BotApiEmulator.start(token, 0)) {
            telegram.openChat(user.id());
            try (ConfigurableApplicationContext bot = start(token, telegram, data)) {
                // as if the process died after storing this update and before handling it
                bot.getBean(JdbcClient.class).sql("insert into inbox (update_id, payload, received_at) values (?, ?, ?)")
                        .params(41, new ObjectMapper().writeValueAsString(update(41, user, "/start")),
                                LocalDateTime.now(bot.getBean(Clock.class))).update();
            }
            assertThat(telegram.botMessages(user.id())).isEmpty();
            try (ConfigurableApplicationContext again = start(token, telegram, data)) {
                assertThat(telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(15)).get(0).text())
                        .contains("Relohelp");
            }
        }
    }

    private static ConfigurableApplicationContext start(String token, BotApiEmulator telegram, Path data) {
        return new SpringApplicationBuilder(RelohelpApplication.class).run("--relohelp.telegram.token=" + token,
                "--relohelp.telegram.api-url=" + telegram.url(), "--relohelp.telegram.poll-timeout=2s",
                "--relohelp.data-dir=" + data);
    }

    private static Update update(int id, EmulatedUser user, String text) throws Exception {
        String json = """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "text": "%s",
                 "from": {"id": %d, "is_bot": false, "first_name": "%s", "language_code": "ru"},
                 "chat": {"id": %d, "type": "private", "first_name": "%s"}%s}}
                """.formatted(id, id, text, user.id(), user.firstName(), user.id(), user.firstName(),
                text.startsWith("/") ? ", \"entities\": [{\"type\": \"bot_command\", \"offset\": 0, \"length\": "
                        + text.length() + "}]" : "");
        return new ObjectMapper().readValue(json, Update.class);
    }
}

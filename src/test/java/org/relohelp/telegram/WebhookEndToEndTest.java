package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook mode against the emulator's setWebhook: updates arrive by POST with the secret header and are answered
 * once each, in order; a request without the right secret is refused, and an update POSTed twice is handled once.
 * This instance's clock runs an hour ahead of the database's: the leader lease must go by the database's.
 */
@SpringBootTest
@DirtiesContext
class WebhookEndToEndTest {

    private static final String TOKEN = "525252:webhook-test-token";
    private static final String SECRET = "test-secret_42";
    private static final int PORT = freePort();
    private static final String HOOK = "http://127.0.0.1:" + PORT + "/telegram/hook";
    private static final BotApiEmulator TELEGRAM = BotApiEmulator.start(TOKEN, 0);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "webhook-data-");
        registry.add("relohelp.telegram.token", () -> TOKEN);
        registry.add("relohelp.telegram.api-url", TELEGRAM::url);
        registry.add("relohelp.telegram.webhook.url", () -> HOOK);
        registry.add("relohelp.telegram.webhook.secret", () -> SECRET);
        registry.add("relohelp.telegram.webhook.port", () -> String.valueOf(PORT));
        registry.add("relohelp.telegram.limits.per-chat", () -> "50");
        registry.add("relohelp.management.port", () -> "0");
        registry.add("relohelp.data-dir", data::toString);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @TestConfiguration
    static class ClockAnHourAhead {
        @Bean
        @Primary
        Clock clockAnHourAhead() {
            return Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        }
    }

    @AfterAll
    static void stopTelegram() {
        TELEGRAM.close();
    }

    @Test
    void updatesComeByPostAndAreAnsweredOnceInOrder() throws InterruptedException {
        EmulatedUser user = new EmulatedUser(6_100_000_001L, "Hook", "ru");
        TELEGRAM.sendText(user, "/start");
        TELEGRAM.sendText(user, "/help");
        TELEGRAM.sendText(user, "/privacy");
        List<BotMessage> replies = TELEGRAM.awaitBotMessages(user.id(), 3, WAIT);
        assertThat(replies.get(0).text()).contains("Здравствуйте");
        assertThat(replies.get(1).text()).contains("/stay");
        assertThat(replies.get(2).text()).contains("Ваши данные");
        org.relohelp.BotIdle.awaitWebhook(jdbc, WAIT);
        assertThat(TELEGRAM.botMessages(user.id())).hasSize(3);
        assertThat(TELEGRAM.calls("setwebhook")).isEqualTo(1);
        assertThat(TELEGRAM.calls("getupdates")).isZero();
        assertThat(TELEGRAM.pendingUpdates()).isLessThanOrEqualTo(1); // the last stays until the next delivery
    }

    @Test
    void refusesRequestsWithoutTheSecretAndHandlesARepeatOnce() throws Exception {
        long chat = 6_100_000_002L;
        String update = """
                {"update_id": 900001, "message": {"message_id": 1, "date": %d, "text": "/start",
                 "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                 "from": {"id": %d, "is_bot": false, "first_name": "Direct", "language_code": "en"},
                 "chat": {"id": %d, "type": "private", "first_name": "Direct"}}}
                """.formatted(clock.instant().getEpochSecond(), chat, chat);
        TELEGRAM.openChat(chat);
        assertThat(post(update, null)).isEqualTo(401);
        assertThat(post(update, "wrong")).isEqualTo(401);
        org.relohelp.BotIdle.awaitWebhook(jdbc, WAIT);
        assertThat(TELEGRAM.botMessages(chat)).isEmpty();

        assertThat(post(update, SECRET)).isEqualTo(200);
        assertThat(post(update, SECRET)).isEqualTo(200);
        assertThat(TELEGRAM.awaitBotMessages(chat, 1, WAIT).get(0).text()).contains("Relohelp");
        org.relohelp.BotIdle.awaitWebhook(jdbc, WAIT);
        assertThat(TELEGRAM.botMessages(chat)).hasSize(1);
    }

    @Test
    void theLeaseRunsOnTheDatabasesClockNotOnThisInstances() {
        // the keeper took the lease before the webhook was set; an instance whose clock is ahead must not hold it
        // for longer than the lease (nor take another's too early)
        OffsetDateTime databaseNow = jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single();
        LocalDateTime expires = jdbc.sql("select expires_at from leader_lease").query(LocalDateTime.class).single();
        LocalDateTime now = databaseNow.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        assertThat(expires).isAfter(now).isBefore(now.plusSeconds(16));
    }

    private static int post(String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(HOOK))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookReceiver.SECRET_HEADER, secret);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

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
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Bot API that is down at start-up is retried with a capped back-off, and the bot works once it is up; meanwhile
 * the health says polling is DOWN (HTTP 503), and UP again once Telegram answers.
 */
@SpringBootTest
@DirtiesContext
class UnreachableBotApiTest {

    private static final String TOKEN = "515151:unreachable-test-token";
    private static final int PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void downTelegram(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "unreachable-data-");
        registry.add("relohelp.telegram.token", () -> TOKEN);
        registry.add("relohelp.telegram.api-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("relohelp.telegram.max-back-off", () -> "1s");
        registry.add("relohelp.telegram.poll-timeout", () -> "2s");
        registry.add("relohelp.management.port", () -> "0");
        registry.add("relohelp.management.polling-grace", () -> "500ms");
        registry.add("relohelp.data-dir", data::toString);
    }

    @Test
    void connectsWhenTheBotApiComesUp() throws Exception {
        String health = "http://127.0.0.1:" + managementPort + "/actuator/health/polling";
        assertThat(awaitStatus(health, 503)).isEqualTo(503);
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, PORT)) {
            EmulatedUser user = new EmulatedUser(6_000_000_001L, "Late", "ru");
            telegram.sendText(user, "/start");
            assertThat(telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(10)).get(0).text())
                    .contains("Relohelp");
            assertThat(awaitStatus(health, 200)).isEqualTo(200);
        }
    }

    private static int awaitStatus(String url, int wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != wanted) {
                Thread.sleep(100);
            }
        } while (status != wanted && System.nanoTime() < deadline);
        return status;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Bot API that is down at start-up is retried with a capped back-off, and the bot works once it is up. */
@SpringBootTest
@DirtiesContext
class UnreachableBotApiTest {

    private static final String TOKEN = "515151:unreachable-test-token";
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void downTelegram(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "unreachable-data-");
        registry.add("relohelp.telegram.token", () -> TOKEN);
        registry.add("relohelp.telegram.api-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("relohelp.telegram.max-back-off", () -> "1s");
        registry.add("relohelp.telegram.poll-timeout", () -> "2s");
        registry.add("relohelp.data-dir", data::toString);
    }

    @Test
    void connectsWhenTheBotApiComesUp() throws InterruptedException {
        Thread.sleep(2_500);
        try (BotApiEmulator telegram = BotApiEmulator.start(TOKEN, PORT)) {
            EmulatedUser user = new EmulatedUser(6_000_000_001L, "Late", "ru");
            telegram.sendText(user, "/start");
            assertThat(telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(10)).get(0).text())
                    .contains("Relohelp");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

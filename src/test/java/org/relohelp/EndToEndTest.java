package org.relohelp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the real Spring context and the real telegrambots client against one Bot API
 * emulator on 127.0.0.1, shared by all subclasses (one context, one bot, so no two bots poll the same API).
 * Each test talks as new users with ids above 32 bits. Metrics are exported as in production (Spring Boot's tests
 * switch exporters off by default), so the one context serves the Prometheus endpoint too.
 */
@SpringBootTest
@AutoConfigureObservability(tracing = false)
public abstract class EndToEndTest {

    protected static final String TOKEN = "424242:emulated-test-token";
    protected static final BotApiEmulator TELEGRAM = BotApiEmulator.start(TOKEN, 0);
    protected static final Duration WAIT = Duration.ofSeconds(10);
    protected static final long VOLUNTEER_GROUP = -1_002_000_000_001L;
    protected static final EmulatedUser ADMIN = new EmulatedUser(4_900_000_001L, "Admin", "ru");
    protected static final TestChats CHATS = new TestChats(TELEGRAM, WAIT, 5_000_000_000L);
    /** The data folder of the shared context: its H2 files. */
    protected static final Path DATA = dataDir();
    /** A copy of config/knowledge: tests that publish articles (drafts) must never write into the repository. */
    protected static final Path KNOWLEDGE = TestChats.knowledgeCopy(DATA.resolve("knowledge"));

    @DynamicPropertySource
    static void emulatedTelegram(DynamicPropertyRegistry registry) {
        registry.add("relohelp.telegram.token", () -> TOKEN);
        registry.add("relohelp.telegram.api-url", TELEGRAM::url);
        registry.add("relohelp.telegram.poll-timeout", () -> "5s");
        registry.add("relohelp.data-dir", DATA::toString);
        registry.add("relohelp.knowledge.dir", KNOWLEDGE::toString);
        registry.add("relohelp.management.port", () -> "0");   // a free port on 127.0.0.1, never the default
        // the limits themselves are tested on their own (WindowTest, OutboxEndToEndTest); here they must not slow the suite
        registry.add("relohelp.telegram.limits.per-chat", () -> "50");
        registry.add("relohelp.telegram.limits.per-group-per-minute", () -> "600");
        registry.add("relohelp.telegram.flood-per-minute", () -> "30");
        registry.add("relohelp.handoff.admin-ids", () -> String.valueOf(ADMIN.id()));
        registry.add("relohelp.handoff.volunteer-chat-id", () -> String.valueOf(VOLUNTEER_GROUP));
        TELEGRAM.openChat(VOLUNTEER_GROUP);
    }

    protected static EmulatedUser newUser(String languageCode) {
        return CHATS.newUser(languageCode);
    }

    /** Sends a text and returns the bot's next message in that chat. */
    protected static BotMessage ask(EmulatedUser user, String text) {
        return CHATS.ask(user, text);
    }

    /** The bot's latest message in a chat that contains the text. */
    protected static BotMessage awaitMessageWith(long chatId, String text) {
        return CHATS.awaitMessageWith(chatId, text);
    }

    /** Presses a button and returns the toast it showed (empty string when none). */
    protected static String press(EmulatedUser user, BotMessage message, String callbackData) {
        return CHATS.press(user, message, callbackData);
    }

    @Autowired
    private JdbcClient botData;

    /** The messages that came after the first {@code before}, once the bot is idle ({@link BotIdle}); for asserting silence. */
    protected List<BotMessage> messagesOnceIdle(EmulatedUser user, int before) {
        return CHATS.messagesOnceIdle(user, before, botData);
    }

    /** Waits until the bot has nothing left to do ({@link BotIdle}). */
    protected void awaitIdle() {
        BotIdle.await(TELEGRAM, botData, WAIT);
    }

    private static Path dataDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), "e2e-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

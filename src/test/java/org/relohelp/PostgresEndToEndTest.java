package org.relohelp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the PostgreSQL tests: the real Spring context with the postgres profile, on the server from
 * {@link PostgresServer}, and the real telegrambots client against a Bot API emulator of its own (another token
 * than {@link EndToEndTest}'s, so the H2 context that the suite keeps cached never polls it). All subclasses
 * share this one context. The profile's own settings are used: the server's coordinates arrive as
 * RELOHELP_DB_URL/_USER/_PASSWORD, as they would in production.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@ExtendWith(PostgresServer.Configured.class)
public abstract class PostgresEndToEndTest {

    protected static final String TOKEN = "535353:postgres-test-token";
    protected static final BotApiEmulator TELEGRAM = BotApiEmulator.start(TOKEN, 0);
    protected static final Duration WAIT = Duration.ofSeconds(10);
    protected static final long VOLUNTEER_GROUP = -1_002_000_000_002L;
    protected static final EmulatedUser ADMIN = new EmulatedUser(4_900_000_002L, "Admin", "ru");
    private static final AtomicLong USER_IDS = new AtomicLong(6_000_000_000L);
    /** A copy of config/knowledge: approving a draft writes an article file, never into the repository. */
    protected static final Path KNOWLEDGE = knowledgeCopy();

    @BeforeAll
    static void postgres() {
        PostgresServer.requireConfigured();
    }

    @DynamicPropertySource
    static void postgresAndEmulatedTelegram(DynamicPropertyRegistry registry) {
        registry.add("RELOHELP_DB_URL", PostgresServer::url);
        registry.add("RELOHELP_DB_USER", PostgresServer::user);
        registry.add("RELOHELP_DB_PASSWORD", PostgresServer::password);
        registry.add("relohelp.knowledge.dir", KNOWLEDGE::toString);
        registry.add("relohelp.telegram.token", () -> TOKEN);
        registry.add("relohelp.telegram.api-url", TELEGRAM::url);
        registry.add("relohelp.telegram.poll-timeout", () -> "5s");
        registry.add("relohelp.telegram.limits.per-chat-burst", () -> "50");
        registry.add("relohelp.telegram.flood-per-minute", () -> "30");
        registry.add("relohelp.handoff.admin-ids", () -> String.valueOf(ADMIN.id()));
        registry.add("relohelp.handoff.volunteer-chat-id", () -> String.valueOf(VOLUNTEER_GROUP));
        TELEGRAM.openChat(VOLUNTEER_GROUP);
    }

    protected static EmulatedUser newUser(String languageCode) {
        long id = USER_IDS.incrementAndGet();
        return new EmulatedUser(id, "User" + id, languageCode);
    }

    /** Sends a text and returns the bot's next message in that chat. */
    protected static BotMessage ask(EmulatedUser user, String text) {
        int before = TELEGRAM.botMessages(user.id()).size();
        TELEGRAM.sendText(user, text);
        return TELEGRAM.awaitBotMessages(user.id(), before + 1, WAIT).get(before);
    }

    /** The bot's latest message in a chat that contains the text. */
    protected static BotMessage awaitMessageWith(long chatId, String text) {
        TELEGRAM.awaitBotMessage(chatId, m -> m.text().contains(text), WAIT);
        List<BotMessage> all = TELEGRAM.botMessages(chatId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).text().contains(text)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no message with " + text);
    }

    /** Replies to one of the user's own messages and returns the bot's next message in that chat. */
    protected static BotMessage reply(EmulatedUser user, int replyTo, String text) {
        int before = TELEGRAM.botMessages(user.id()).size();
        TELEGRAM.sendReply(user, user.id(), replyTo, text);
        return TELEGRAM.awaitBotMessages(user.id(), before + 1, WAIT).get(before);
    }

    /** Presses a button and returns the toast it showed (empty string when none). */
    protected static String press(EmulatedUser user, BotMessage message, String callbackData) {
        String id = TELEGRAM.press(user, message, callbackData);
        return TELEGRAM.awaitCallbackAnswer(id, WAIT).orElse("");
    }

    private static Path knowledgeCopy() {
        Path source = Path.of("config/knowledge");
        try (var files = Files.walk(source)) {
            Path target = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "postgres-knowledge-");
            for (Path file : files.toList()) {
                if (!file.equals(source)) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

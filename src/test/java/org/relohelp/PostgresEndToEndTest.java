package org.relohelp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.emulator.BotApiEmulator;
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
    protected static final TestChats CHATS = new TestChats(TELEGRAM, WAIT, 6_000_000_000L);
    /** A copy of config/knowledge, and a folder for approved drafts: never the repository or ./data. */
    protected static final Path KNOWLEDGE = TestChats.knowledgeCopy(tempDir("postgres-knowledge-"));
    private static final Path DRAFTS = tempDir("postgres-drafts-");

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
        registry.add("relohelp.knowledge.drafts-dir", DRAFTS::toString);
        registry.add("relohelp.telegram.token", () -> TOKEN);
        registry.add("relohelp.telegram.api-url", TELEGRAM::url);
        registry.add("relohelp.telegram.poll-timeout", () -> "5s");
        registry.add("relohelp.telegram.limits.per-chat", () -> "50");
        registry.add("relohelp.telegram.flood-per-minute", () -> "30");
        registry.add("relohelp.handoff.admin-ids", () -> String.valueOf(ADMIN.id()));
        registry.add("relohelp.handoff.volunteer-chat-id", () -> String.valueOf(VOLUNTEER_GROUP));
        TELEGRAM.openChat(VOLUNTEER_GROUP);
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

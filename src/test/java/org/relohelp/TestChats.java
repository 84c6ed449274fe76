package org.relohelp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people side of the end-to-end tests: new users, asking, replying, pressing buttons and waiting for the bot,
 * on one Bot API emulator. Each test base (H2, PostgreSQL) has its own emulator and so its own instance.
 */
public final class TestChats {

    private final BotApiEmulator telegram;
    private final Duration wait;
    private final AtomicLong userIds;

    public TestChats(BotApiEmulator telegram, Duration wait, long firstUserId) {
        this.telegram = telegram;
        this.wait = wait;
        this.userIds = new AtomicLong(firstUserId);
    }

    public EmulatedUser newUser(String languageCode) {
        long id = userIds.incrementAndGet();
        return new EmulatedUser(id, "User" + id, languageCode);
    }

    /** Sends a text and returns the bot's next message in that chat. */
    public BotMessage ask(EmulatedUser user, String text) {
        int before = telegram.botMessages(user.id()).size();
        telegram.sendText(user, text);
        return telegram.awaitBotMessages(user.id(), before + 1, wait).get(before);
    }

    /** Replies to one of the user's own messages and returns the bot's next message in that chat. */
    public BotMessage reply(EmulatedUser user, int replyTo, String text) {
        int before = telegram.botMessages(user.id()).size();
        telegram.sendReply(user, user.id(), replyTo, text);
        return telegram.awaitBotMessages(user.id(), before + 1, wait).get(before);
    }

    /** The bot's latest message in a chat that contains the text. */
    public BotMessage awaitMessageWith(long chatId, String text) {
        telegram.awaitBotMessage(chatId, m -> m.text().contains(text), wait);
        List<BotMessage> all = telegram.botMessages(chatId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).text().contains(text)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no message with " + text);
    }

    /** Presses a button and returns the toast it showed (empty string when none). */
    public String press(EmulatedUser user, BotMessage message, String callbackData) {
        String id = telegram.press(user, message, callbackData);
        return telegram.awaitCallbackAnswer(id, wait).orElse("");
    }

    /** The messages that came after the first {@code before}, once the bot is idle ({@link BotIdle}); for asserting silence. */
    public List<BotMessage> messagesOnceIdle(EmulatedUser user, int before, JdbcClient jdbc) {
        BotIdle.await(telegram, jdbc, wait);
        List<BotMessage> all = telegram.botMessages(user.id());
        return all.subList(before, all.size());
    }

    /** A copy of config/knowledge in {@code target}: tests that publish articles must never write into the repository. */
    public static Path knowledgeCopy(Path target) {
        Path source = Path.of("config/knowledge");
        try (var files = Files.walk(source)) {
            Files.createDirectories(target);
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

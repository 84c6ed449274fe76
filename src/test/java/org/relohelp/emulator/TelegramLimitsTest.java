package org.relohelp.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.bucket4j.TimeMeter;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Telegram's limits on messages in the emulator's strict modes, on a fake clock: every call is counted at the
 * clock's time when it arrives, so the windows are exact and nothing sleeps.
 */
class TelegramLimitsTest {

    private static final String TOKEN = "999:limits-test";
    private static final long MS = 1_000_000;
    private static final long GROUP = -1_001_000_000_001L;

    private final AtomicLong nanos = new AtomicLong();
    private final BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0, new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, url(telegram));

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void thirtyMessagesInASecondGoOutTheThirtyFirstIsRefusedUntilTheSecondHasPassed() throws Exception {
        telegram.enforceLimits(BotApiEmulator.Limits.WINDOW);
        for (int i = 0; i < 30; i++) {
            nanos.set(i * 10 * MS);
            send(privateChat(i));
        }
        nanos.set(999 * MS);
        assertRefused(privateChat(30), 1);
        nanos.set(1_000 * MS);
        send(privateChat(30));
        assertRefused(privateChat(31), 1);
        nanos.set(1_010 * MS);
        send(privateChat(31));
        assertThat(telegram.tooManyRequests()).isEqualTo(2);
    }

    @Test
    void aPrivateChatGetsOneMessageInAnySecond() throws Exception {
        telegram.enforceLimits(BotApiEmulator.Limits.WINDOW);
        long chat = privateChat(0);
        send(chat);
        nanos.set(500 * MS);
        assertRefused(chat, 1);
        send(privateChat(1));
        nanos.set(999 * MS);
        assertRefused(chat, 1);
        nanos.set(1_000 * MS);
        send(chat);
        assertThat(telegram.tooManyRequests()).isEqualTo(2);
        assertThat(telegram.botMessages(chat)).hasSize(2);
    }

    @Test
    void aGroupGetsTwentyMessagesInAnyMinute() throws Exception {
        telegram.enforceLimits(BotApiEmulator.Limits.WINDOW);
        telegram.openChat(GROUP);
        for (int i = 0; i < 20; i++) {
            nanos.set(i * 1_000 * MS);
            send(GROUP);
        }
        nanos.set(30_000 * MS);
        assertRefused(GROUP, 30);
        nanos.set(59_999 * MS);
        assertRefused(GROUP, 1);
        nanos.set(60_000 * MS);
        send(GROUP);
        assertRefused(GROUP, 1);
        assertThat(telegram.botMessages(GROUP)).hasSize(21);
        assertThat(telegram.tooManyRequests()).isEqualTo(3);
    }

    @Test
    void bucketsLetAPrivateChatBurstThreeAndNoneOfTheLimitsCountsWhenOff() throws Exception {
        long chat = privateChat(0);
        for (int i = 0; i < 5; i++) {
            send(chat);
        }
        telegram.enforceLimits(true);
        for (int i = 0; i < 3; i++) {
            send(privateChat(1));
        }
        assertRefused(privateChat(1), 1);
        nanos.set(1_000 * MS);
        send(privateChat(1));
        telegram.enforceLimits(BotApiEmulator.Limits.NONE);
        send(privateChat(1));
        assertThat(telegram.tooManyRequests()).isEqualTo(1);
    }

    private long privateChat(int n) {
        long id = 6_000_000_000L + n;
        telegram.openChat(id);
        return id;
    }

    private void send(long chatId) throws TelegramApiException {
        client.execute(SendMessage.builder().chatId(chatId).text("hello").build());
    }

    private void assertRefused(long chatId, int retryAfter) {
        TelegramApiRequestException refused = catchThrowableOfType(() -> send(chatId),
                TelegramApiRequestException.class);
        assertThat(refused).as("a message to %d at %d ms", chatId, nanos.get() / MS).isNotNull();
        assertThat(refused.getErrorCode()).isEqualTo(429);
        assertThat(refused.getApiResponse()).isEqualTo("Too Many Requests: retry after " + retryAfter);
        assertThat(refused.getParameters().getRetryAfter()).isEqualTo(retryAfter);
    }

    private static TelegramUrl url(BotApiEmulator telegram) {
        URI uri = URI.create(telegram.url());
        return new TelegramUrl("http", uri.getHost(), uri.getPort(), false);
    }
}

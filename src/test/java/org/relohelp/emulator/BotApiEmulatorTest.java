package org.relohelp.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The emulator speaks the Bot API as Telegram does, checked with the real telegrambots client. */
class BotApiEmulatorTest {

    private static final String TOKEN = "999:emulator-test";
    private final BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0);
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, url(telegram));
    private final EmulatedUser user = new EmulatedUser(5_555_555_555L, "Ann", "ru");

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void getUpdatesKeepsUpdatesUntilAHigherOffsetConfirmsThem() throws Exception {
        telegram.sendText(user, "one");
        telegram.sendText(user, "two");
        telegram.sendText(user, "three");
        List<Update> first = client.execute(GetUpdates.builder().offset(0).limit(2).timeout(0).build());
        assertThat(first).extracting(u -> u.getMessage().getText()).containsExactly("one", "two");
        assertThat(client.execute(GetUpdates.builder().offset(0).timeout(0).build())).hasSize(3);
        int last = first.get(1).getUpdateId();
        assertThat(client.execute(GetUpdates.builder().offset(last + 1).timeout(0).build()))
                .extracting(u -> u.getMessage().getText()).containsExactly("three");
        assertThat(telegram.pendingUpdates()).isEqualTo(1);
        assertThat(client.execute(GetUpdates.builder().offset(-1).timeout(0).build())).hasSize(1);
        assertThat(first.get(0).getMessage().getFrom().getId()).isEqualTo(5_555_555_555L);
    }

    @Test
    void getUpdatesWaitsForNewsUpToItsTimeout() throws Exception {
        long started = System.nanoTime();
        new Thread(() -> {
            sleep(300);
            telegram.sendText(user, "late");
        }).start();
        List<Update> updates = client.execute(GetUpdates.builder().offset(0).timeout(5).build());
        assertThat(updates).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void methodNamesMatchInAnyCaseAndUnknownOnesAre404() throws Exception {
        telegram.sendText(user, "hi");
        assertThat(raw("SENDMESSAGE", "{\"chat_id\":\"5555555555\",\"text\":\"x\"}")).contains("\"ok\":true");
        assertThat(raw("noSuchMethod", "{}")).contains("\"error_code\":404");
        assertThat(telegram.botMessages(user.id())).extracting(BotMessage::text).containsExactly("x");
    }

    @Test
    void refusesWhatTelegramRefuses() throws Exception {
        telegram.sendText(user, "hi");
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user.id()).text("<b>open")
                .parseMode("HTML").build())).isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("can't parse entities");
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user.id()).text("x".repeat(4097))
                .build())).hasMessageContaining("message is too long");
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("x").build()))
                .hasMessageContaining("chat not found");
        var sent = client.execute(SendMessage.builder().chatId(user.id()).text("same").build());
        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(user.id())
                .messageId(sent.getMessageId()).text("same").build())).hasMessageContaining("not modified");
    }

    @Test
    void copiesPeoplesFilesAndAcceptsMultipartUploads() throws Exception {
        int photo = telegram.sendPhoto(user, user.id(), new byte[]{1, 2, 3}, "passport.jpg", "my photo");
        var copy = client.execute(CopyMessage.builder().chatId(user.id()).fromChatId(user.id()).messageId(photo)
                .build());
        BotMessage copied = telegram.awaitBotMessages(user.id(), 1, Duration.ofSeconds(2)).get(0);
        assertThat((long) copied.messageId()).isEqualTo(copy.getMessageId());
        assertThat(copied.media()).isEqualTo("photo");
        assertThat(copied.text()).isEqualTo("my photo");
        assertThat(telegram.file(copied.fileId()).orElseThrow().bytes()).containsExactly(1, 2, 3);

        client.execute(SendDocument.builder().chatId(user.id()).caption("rules")
                .document(new InputFile(new ByteArrayInputStream("PDF".getBytes()), "rules.pdf")).build());
        BotMessage document = telegram.awaitBotMessages(user.id(), 2, Duration.ofSeconds(2)).get(1);
        assertThat(document.media()).isEqualTo("document");
        assertThat(telegram.file(document.fileId()).orElseThrow().bytes()).asString().isEqualTo("PDF");
        assertThat(telegram.events(0, Duration.ZERO)).extracting(ChatEvent::type)
                .containsExactly("message", "message", "message");
    }

    @Test
    void aReplyCarriesTheMessageItAnswersAndItsEventSaysWhichOne() throws Exception {
        int question = telegram.sendText(user, "question");
        int reply = telegram.sendReply(user, user.id(), question, "the answer");
        List<Update> updates = client.execute(GetUpdates.builder().offset(0).timeout(0).build());
        assertThat(updates.get(1).getMessage().getReplyToMessage().getText()).isEqualTo("question");
        assertThat(telegram.events(0, Duration.ZERO)).extracting(ChatEvent::messageId, ChatEvent::replyTo)
                .containsExactly(tuple(question, 0),
                        tuple(reply, question));
    }

    private String raw(String method, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(telegram.url() + "/bot" + TOKEN
                        + "/" + method)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static TelegramUrl url(BotApiEmulator telegram) {
        URI uri = URI.create(telegram.url());
        return new TelegramUrl("http", uri.getHost(), uri.getPort(), false);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

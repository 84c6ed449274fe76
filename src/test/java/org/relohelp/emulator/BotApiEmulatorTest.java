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
import org.relohelp.emulator.BotRights.Right;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.CloseGeneralForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.DeleteForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.EditForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.EditGeneralForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.GetForumTopicIconStickers;
import org.telegram.telegrambots.meta.api.methods.forum.ReopenForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.ReopenGeneralForumTopic;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberMember;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The emulator speaks the Bot API as Telegram does, checked with the real telegrambots client. */
class BotApiEmulatorTest {

    private static final String TOKEN = "999:emulator-test";
    private final BotApiEmulator telegram = BotApiEmulator.start(TOKEN, 0);
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, url(telegram));
    private final EmulatedUser user = new EmulatedUser(5_555_555_555L, "Ann", "ru");
    private static final long GROUP = -1_009_999_000_001L;

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

    // --- forums ------------------------------------------------------------------------------------------------

    @Test
    void theBotCreatesTopicsInAForumAndWritesInThemAsTelegramDoes() throws Exception {
        forumWithTopicRights();
        ForumTopic ticket = client.execute(CreateForumTopic.builder().chatId(GROUP).name("Ticket #1").build());
        assertThat(ticket.getName()).isEqualTo("Ticket #1");
        assertThat(ticket.getIconColor()).isEqualTo(0x6FB9F0); // Telegram's first colour when none is given
        ForumTopic red = client.execute(CreateForumTopic.builder().chatId(GROUP).name("Ticket #2")
                .iconColor(0xFB6F5F).build());
        assertThat(red.getIconColor()).isEqualTo(0xFB6F5F);
        int thread = ticket.getMessageThreadId();
        assertThat(red.getMessageThreadId()).isGreaterThan(thread);
        assertThat(telegram.topics(GROUP)).extracting(Topic::threadId, Topic::name, Topic::closed).containsExactly(
                tuple(BotApiEmulator.GENERAL_TOPIC, "General", false), tuple(thread, "Ticket #1", false),
                tuple(red.getMessageThreadId(), "Ticket #2", false));

        Message inTopic = client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(thread).text("hello")
                .build());
        assertThat(inTopic.getMessageThreadId()).isEqualTo(thread);
        assertThat(inTopic.getIsTopicMessage()).isTrue();
        assertThat(inTopic.getChat().getIsForum()).isTrue();
        // as in Telegram, a message in a topic replies to the message that created the topic
        assertThat(inTopic.getReplyToMessage().getMessageId()).isEqualTo(thread);
        assertThat(inTopic.getReplyToMessage().getForumTopicCreated().getName()).isEqualTo("Ticket #1");
        Message inGeneral = client.execute(SendMessage.builder().chatId(GROUP).text("to everyone").build());
        assertThat(inGeneral.getMessageThreadId()).isNull();
        assertThat(inGeneral.getIsTopicMessage()).isNull();
        assertThat(inGeneral.getReplyToMessage()).isNull();

        int photo = telegram.sendPhoto(user, user.id(), new byte[]{1}, "p.jpg", "");
        client.execute(SendPhoto.builder().chatId(GROUP).messageThreadId(thread)
                .photo(new InputFile(new ByteArrayInputStream(new byte[]{2}), "scan.jpg")).build());
        client.execute(SendDocument.builder().chatId(GROUP).messageThreadId(thread)
                .document(new InputFile(new ByteArrayInputStream("PDF".getBytes()), "rules.pdf")).build());
        client.execute(CopyMessage.builder().chatId(GROUP).messageThreadId(thread).fromChatId(user.id())
                .messageId(photo).build());
        client.execute(SendChatAction.builder().chatId(GROUP).messageThreadId(thread).action("typing").build());
        assertThat(telegram.botMessages(GROUP, thread)).extracting(BotMessage::media)
                .containsExactly(null, "photo", "document", "photo");
        assertThat(telegram.botMessages(GROUP, BotApiEmulator.GENERAL_TOPIC)).extracting(BotMessage::text)
                .containsExactly("to everyone");
        assertThat(telegram.botMessages(GROUP, red.getMessageThreadId())).isEmpty();
        assertThat(telegram.events(0, Duration.ZERO)).filteredOn(e -> e.type().equals("typing"))
                .extracting(ChatEvent::threadId).containsExactly(thread);
    }

    @Test
    void peoplesMessagesInATopicSayWhichTopicAsTelegramsUpdatesDo() throws Exception {
        forumWithTopicRights();
        int thread = client.execute(CreateForumTopic.builder().chatId(GROUP).name("Ticket #7").build())
                .getMessageThreadId();
        int text = telegram.sendText(user, GROUP, thread, "in the topic");
        telegram.sendPhoto(user, GROUP, thread, new byte[]{1}, "doc.jpg", "a scan");
        telegram.sendText(user, GROUP, "in General");
        telegram.sendReply(user, GROUP, text, "a reply in the topic");
        List<Message> messages = client.execute(GetUpdates.builder().offset(0).timeout(0).build()).stream()
                .map(Update::getMessage).toList();
        assertThat(messages).extracting(Message::getMessageThreadId, Message::getIsTopicMessage)
                .containsExactly(tuple(thread, true), tuple(thread, true), tuple(null, null), tuple(thread, true));
        assertThat(messages).allSatisfy(m -> assertThat(m.getChat().getIsForum()).isTrue());
        assertThat(messages.get(0).getReplyToMessage().getForumTopicCreated().getName()).isEqualTo("Ticket #7");
        assertThat(messages.get(1).getCaption()).isEqualTo("a scan");
        assertThat(messages.get(2).getReplyToMessage()).isNull();
        assertThat(messages.get(3).getReplyToMessage().getText()).isEqualTo("in the topic");
        assertThat(telegram.events(0, Duration.ZERO)).filteredOn(e -> e.type().equals("message"))
                .extracting(ChatEvent::threadId, ChatEvent::replyTo)
                .containsExactly(tuple(thread, 0), tuple(thread, 0), tuple(0, 0), tuple(thread, text));
    }

    @Test
    void peopleCreateCloseReopenAndDeleteTopicsByHand() throws Exception {
        telegram.makeForum(GROUP);
        telegram.openChat(user.id());
        int thread = telegram.createTopic(user, GROUP, "  Housing \n in Almaty ");
        assertThat(telegram.topic(GROUP, thread).orElseThrow().name()).isEqualTo("Housing in Almaty");
        telegram.closeTopic(user, GROUP, thread);
        telegram.reopenTopic(user, GROUP, thread);
        int question = telegram.sendText(user, GROUP, thread, "where to rent?");
        List<Message> messages = client.execute(GetUpdates.builder().offset(0).timeout(0).build()).stream()
                .map(Update::getMessage).toList();
        assertThat(messages.get(0).getForumTopicCreated().getName()).isEqualTo("Housing in Almaty");
        assertThat(messages.get(0).getMessageThreadId()).isEqualTo(thread);
        assertThat(messages.get(1).hasForumTopicClosed()).isTrue();
        assertThat(messages.get(2).hasForumTopicReopened()).isTrue();
        assertThat(messages).extracting(Message::getMessageThreadId).containsOnly(thread);

        client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(thread).text("an answer").build());
        telegram.deleteTopic(user, GROUP, thread);
        assertThat(telegram.topics(GROUP)).extracting(Topic::threadId).containsExactly(BotApiEmulator.GENERAL_TOPIC);
        assertThat(telegram.botMessages(GROUP, thread)).isEmpty();
        // the topic's messages went with it, people's too: nothing is left to copy
        assertThatThrownBy(() -> client.execute(CopyMessage.builder().chatId(user.id()).fromChatId(GROUP)
                .messageId(question).build())).hasMessageContaining("Bad Request: message to copy not found");
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(thread)
                .text("anyone?").build())).hasMessageContaining("Bad Request: message thread not found");
        assertThatThrownBy(() -> telegram.sendText(user, GROUP, thread, "hello?"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBotEditsClosesReopensAndDeletesTopics() throws Exception {
        forumWithTopicRights();
        telegram.setBotRights(GROUP, BotRights.administrator(Right.MANAGE_TOPICS, Right.DELETE_MESSAGES));
        int thread = client.execute(CreateForumTopic.builder().chatId(GROUP).name("Ticket #3").build())
                .getMessageThreadId();
        String emoji = client.execute(new GetForumTopicIconStickers()).get(0).getCustomEmojiId();
        assertThat(client.execute(EditForumTopic.builder().chatId(GROUP).messageThreadId(thread)
                .name("Ticket #3 · taken").iconCustomEmojiId(emoji).build())).isTrue();
        assertThat(telegram.topic(GROUP, thread).orElseThrow()).extracting(Topic::name, Topic::iconCustomEmojiId)
                .containsExactly("Ticket #3 · taken", emoji);
        assertThat(client.execute(CloseForumTopic.builder().chatId(GROUP).messageThreadId(thread).build())).isTrue();
        assertThat(telegram.topic(GROUP, thread).orElseThrow().closed()).isTrue();
        assertThatThrownBy(() -> telegram.sendText(user, GROUP, thread, "still there?"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed");
        assertThat(client.execute(ReopenForumTopic.builder().chatId(GROUP).messageThreadId(thread).build())).isTrue();
        telegram.sendText(user, GROUP, thread, "thanks");
        client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(thread).text("bye").build());

        assertThat(client.execute(CloseGeneralForumTopic.builder().chatId(GROUP).build())).isTrue();
        assertThat(client.execute(ReopenGeneralForumTopic.builder().chatId(GROUP).build())).isTrue();
        assertThat(client.execute(EditGeneralForumTopic.builder().chatId(GROUP).name("Announcements").build()))
                .isTrue();
        assertThat(telegram.topics(GROUP).get(0).name()).isEqualTo("Announcements");

        assertThat(client.execute(DeleteForumTopic.builder().chatId(GROUP).messageThreadId(thread).build())).isTrue();
        assertThat(telegram.topics(GROUP)).extracting(Topic::threadId).containsExactly(BotApiEmulator.GENERAL_TOPIC);
        assertThat(telegram.botMessages(GROUP, thread)).isEmpty();
        assertThat(telegram.events(0, Duration.ZERO)).filteredOn(e -> e.type().equals("delete"))
                .extracting(ChatEvent::threadId).containsExactly(thread, thread);
    }

    @Test
    void getChatMemberGetMeAndGetChatShowTheBotsStandingAndTheForum() throws Exception {
        telegram.openChat(GROUP);
        assertThat(client.execute(GetChatMember.builder().chatId(GROUP).userId(BotApiMethods.BOT_ID).build()))
                .isInstanceOf(ChatMemberMember.class);
        assertThat(client.execute(GetChat.builder().chatId(GROUP).build()).getIsForum()).isNull();
        telegram.makeForum(GROUP);
        telegram.setBotRights(GROUP, BotRights.administrator(Right.MANAGE_TOPICS));
        var admin = (ChatMemberAdministrator) client.execute(GetChatMember.builder().chatId(GROUP)
                .userId(BotApiMethods.BOT_ID).build());
        assertThat(admin.getCanManageTopics()).isTrue();
        assertThat(admin.getCanDeleteMessages()).isFalse();
        assertThat(admin.getCanManageChat()).isTrue();
        assertThat(admin.getUser().getIsBot()).isTrue();
        assertThat(client.execute(GetChat.builder().chatId(GROUP).build()).getIsForum()).isTrue();
        var me = client.execute(new GetMe());
        assertThat(me.getId()).isEqualTo(BotApiMethods.BOT_ID);
        assertThat(me.getCanJoinGroups()).isTrue();
        telegram.sendText(user, GROUP, "hi");
        assertThat(client.execute(GetChatMember.builder().chatId(GROUP).userId(user.id()).build()).getStatus())
                .isEqualTo("member");
    }

    private void forumWithTopicRights() {
        telegram.makeForum(GROUP);
        telegram.setBotRights(GROUP, BotRights.administrator(Right.MANAGE_TOPICS));
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

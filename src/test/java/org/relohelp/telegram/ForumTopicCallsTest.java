package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Delivery;
import org.relohelp.chat.DeliveryReceipts;
import org.relohelp.chat.GroupRights;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Receipt;
import org.relohelp.chat.Reply;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotRights;
import org.relohelp.emulator.EmulatedUser;
import org.relohelp.emulator.Topic;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What the edge learnt of forum topics, against the emulator (each call checked against bot-api.json): topic calls
 * go through the outbox with the chat's messages and the created topic's thread id comes back in the receipt;
 * messages and copies go into a topic; a topic someone deleted is reported as such; the bot's standing in a group;
 * and a message in a topic is read with its topic and without Telegram's implicit reply to the topic's start.
 */
class ForumTopicCallsTest {

    private static final String TOKEN = "737373:forum-calls-token";
    private static final long GROUP = -1_007_000_000_001L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<String, Object> outcomes = new ConcurrentHashMap<>();
    private BotApiEmulator telegram;
    private SingleConnectionDataSource database;
    private OutboxDispatcher dispatcher;
    private OutboundSender sender;
    private TelegramClient client;

    @BeforeEach
    void start() {
        telegram = BotApiEmulator.start(TOKEN, 0);
        telegram.openChat(GROUP);
        telegram.makeForum(GROUP);
        telegram.setBotRights(GROUP, BotRights.administrator(BotRights.Right.MANAGE_TOPICS));
        database = new SingleConnectionDataSource("jdbc:h2:mem:forum-calls-" + System.nanoTime(), "sa", "", true);
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        var uri = java.net.URI.create(telegram.url());
        client = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", uri.getHost(), uri.getPort(), false));
        dispatcher = TestOutbox.dispatcher(database, client, new DeliveryReceipts() {
            @Override
            public String kind() {
                return "test";
            }

            @Override
            public void delivered(String key, long chatId, List<Integer> messageIds) {
                outcomes.put(key, messageIds);
            }

            @Override
            public void failed(String key, long chatId, Delivery outcome) {
                outcomes.put(key, outcome);
            }
        });
        sender = TestOutbox.sender(database, client, dispatcher);
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        dispatcher.stop();
        database.destroy();
        telegram.close();
    }

    @Test
    void aTopicIsCreatedWrittenToClosedReopenedAndReportedGoneOnceDeleted() {
        sender.createTopic(GROUP, "#12 · KZ · ИИН · ru", receipt("create"));
        int thread = ((List<?>) await("create")).stream().map(Integer.class::cast).findFirst().orElseThrow();
        assertThat(telegram.topic(GROUP, thread)).map(Topic::name).contains("#12 · KZ · ИИН · ru");

        sender.send(GROUP, thread, Reply.text("<b>Заявка #12</b>"), receipt("header"));
        await("header");
        assertThat(telegram.botMessages(GROUP, thread)).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("Заявка #12"));
        EmulatedUser refugee = new EmulatedUser(7_300_000_001L, "Irina", "ru");
        telegram.openChat(refugee.id());
        int photo = telegram.sendPhoto(refugee, refugee.id(), new byte[]{1}, "a.jpg", "справка");
        sender.copy(refugee.id(), photo, GROUP, thread, "<b>Гость #12</b>", receipt("copy"));
        await("copy");
        assertThat(telegram.botMessages(GROUP, thread)).hasSize(2).last()
                .satisfies(m -> assertThat(m.media()).isEqualTo("photo"));
        sender.send(GROUP, Reply.text("В General"));
        Awaitility.await().atMost(WAIT).until(() -> telegram.botMessages(GROUP, BotApiEmulator.GENERAL_TOPIC)
                .stream().anyMatch(m -> m.text().equals("В General")));

        sender.closeTopic(GROUP, thread, true, receipt("close"));
        await("close");
        assertThat(telegram.topic(GROUP, thread)).map(Topic::closed).contains(true);
        sender.closeTopic(GROUP, thread, true, receipt("close-again"));
        assertThat(await("close-again")).as("closed already: done").isEqualTo(List.of());
        sender.closeTopic(GROUP, thread, false, receipt("reopen"));
        await("reopen");
        assertThat(telegram.topic(GROUP, thread)).map(Topic::closed).contains(false);

        telegram.deleteTopic(new EmulatedUser(7_300_000_002L, "Owner", "ru"), GROUP, thread);
        sender.send(GROUP, thread, Reply.text("Ещё"), receipt("gone"));
        sender.copy(refugee.id(), photo, GROUP, thread, null, receipt("gone-copy"));
        sender.closeTopic(GROUP, thread, false, receipt("gone-reopen"));
        assertThat(await("gone")).isEqualTo(Delivery.NO_TOPIC);
        assertThat(await("gone-copy")).isEqualTo(Delivery.NO_TOPIC);
        assertThat(await("gone-reopen")).isEqualTo(Delivery.NO_TOPIC);
    }

    @Test
    void withoutTheRightToManageTopicsCreatingFails() {
        telegram.setBotRights(GROUP, BotRights.MEMBER);
        sender.createTopic(GROUP, "#13", receipt("create"));
        assertThat(await("create")).isEqualTo(Delivery.FAILED);
    }

    @Test
    void theBotsStandingInAGroup() {
        GroupStandings standings = new GroupStandings(client);
        assertThat(standings.ask(GROUP)).contains(new GroupRights.Standing(true, true, true, true));
        telegram.setBotRights(GROUP, BotRights.administrator(BotRights.Right.DELETE_MESSAGES));
        assertThat(standings.ask(GROUP)).contains(new GroupRights.Standing(true, true, true, false));
        telegram.setBotRights(GROUP, BotRights.MEMBER);
        assertThat(standings.ask(GROUP)).contains(new GroupRights.Standing(true, true, false, false));
        long plain = -1_007_000_000_002L;
        telegram.openChat(plain);
        assertThat(standings.ask(plain)).contains(new GroupRights.Standing(true, false, false, false));
        assertThat(standings.ask(-1_007_000_000_099L)).as("a group the bot is not in")
                .contains(new GroupRights.Standing(false, false, false, false));
        telegram.close();
        assertThat(standings.ask(GROUP)).as("Telegram unreachable").isEmpty();
    }

    @Test
    void aMessageInATopicIsReadWithItsTopicAndOnlyRealReplies() throws Exception {
        EmulatedUser vera = new EmulatedUser(7_300_000_003L, "Вера", "ru");
        int thread = telegram.createTopic(vera, GROUP, "Своя тема");
        int plain = telegram.sendText(vera, GROUP, thread, "Просто сообщение");
        int reply = telegram.sendReply(vera, GROUP, plain, "Ответ на него");
        int general = telegram.sendText(vera, GROUP, "В General");

        List<Update> updates = client.execute(GetUpdates.builder().offset(0).timeout(0).build());
        Map<Integer, Incoming> read = new java.util.HashMap<>();
        for (Update update : updates) {
            if (update.hasMessage() && !UpdateKinds.isService(update.getMessage())) {
                read.put(update.getMessage().getMessageId(), UpdateKinds.incoming(update.getMessage(), false));
            }
        }
        assertThat(updates).anyMatch(u -> u.hasMessage() && UpdateKinds.isService(u.getMessage()));
        assertThat(read.get(plain)).satisfies(in -> {
            assertThat(in.threadId()).isEqualTo(thread);
            assertThat(in.replyTo()).as("Telegram's reply to the topic's start is no reply").isZero();
        });
        assertThat(read.get(reply)).satisfies(in -> {
            assertThat(in.threadId()).isEqualTo(thread);
            assertThat(in.replyTo()).isEqualTo(plain);
            assertThat(in.replyToText()).isEqualTo("Просто сообщение");
        });
        assertThat(read.get(general).threadId()).isZero();
    }

    private static Receipt receipt(String key) {
        return new Receipt("test", key);
    }

    private Object await(String key) {
        Awaitility.await().atMost(WAIT).until(() -> outcomes.containsKey(key));
        return outcomes.get(key);
    }
}

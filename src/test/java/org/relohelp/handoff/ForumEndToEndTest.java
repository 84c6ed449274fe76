package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.TestChats;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.BotRights;
import org.relohelp.emulator.EmulatedUser;
import org.relohelp.emulator.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Topic mode end to end, on its own emulator and context (the volunteers' group is a forum, RELOHELP_TOPICS on): a
 * ticket's topic is created by the bot, the conversation goes through it both ways, another volunteer takes over,
 * closing and reopening close and reopen the topic, a topic deleted mid-conversation comes back with nothing lost,
 * verified answers are sent from inside the topic, and a bot without the right to manage topics says so at start-up
 * and keeps tickets going in private chats. A guest never sees a volunteer's account, nor a volunteer the guest's.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ForumEndToEndTest {

    private static final String TOKEN = "838383:forum-e2e-token";
    private static final BotApiEmulator TELEGRAM = BotApiEmulator.start(TOKEN, 0);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long GROUP = -1_008_000_000_001L;
    private static final EmulatedUser ADMIN = new EmulatedUser(8_300_000_001L, "Admin", "ru");
    /** The group's owner, who deletes a topic by hand. */
    private static final EmulatedUser OWNER = new EmulatedUser(8_300_000_002L, "Owner", "ru");
    private static final TestChats CHATS = new TestChats(TELEGRAM, WAIT, 8_400_000_000L);
    private static final BotRights MANAGES_TOPICS = BotRights.administrator(BotRights.Right.MANAGE_TOPICS,
            BotRights.Right.DELETE_MESSAGES);
    private static final Pattern TICKET = Pattern.compile("#(\\d+)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TopicCheck topicCheck;

    @DynamicPropertySource
    static void forum(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "forum-data-");
        registry.add("relohelp.telegram.token", () -> TOKEN);
        registry.add("relohelp.telegram.api-url", TELEGRAM::url);
        registry.add("relohelp.telegram.poll-timeout", () -> "5s");
        registry.add("relohelp.data-dir", data::toString);
        registry.add("relohelp.knowledge.dir", () -> TestChats.knowledgeCopy(data.resolve("knowledge")).toString());
        registry.add("relohelp.management.port", () -> "0");
        registry.add("relohelp.telegram.limits.per-chat", () -> "50");
        // every ticket's messages go to the one group: Telegram's 20 a minute there would slow the test to a crawl
        registry.add("relohelp.telegram.limits.per-group-per-minute", () -> "600");
        registry.add("relohelp.telegram.flood-per-minute", () -> "60");
        registry.add("relohelp.handoff.admin-ids", () -> String.valueOf(ADMIN.id()));
        registry.add("relohelp.handoff.volunteer-chat-id", () -> String.valueOf(GROUP));
        registry.add("relohelp.handoff.topics", () -> "true");
        TELEGRAM.openChat(GROUP);
        TELEGRAM.makeForum(GROUP);
        TELEGRAM.setBotRights(GROUP, MANAGES_TOPICS);
    }

    @Test
    void aTicketsTopicCarriesTheConversationBothWaysAndChangesHands() {
        EmulatedUser vera = volunteer("Вера");
        EmulatedUser boris = volunteer("Борис");
        EmulatedUser olga = CHATS.newUser("ru");
        CHATS.press(olga, CHATS.ask(olga, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(olga.id(), 2, WAIT);
        long ticket = openTicket(olga, "В ЦОНе отказали выдать ИИН, что делать?");

        Topic topic = awaitTopic(ticket);
        assertThat(topic.name()).isEqualTo("#" + ticket + " · KZ · ИИН · ru");
        int thread = topic.threadId();
        BotMessage announcement = TELEGRAM.awaitBotMessage(GROUP, m -> m.threadId() == 0
                && m.text().contains("Заявка #" + ticket), WAIT);
        assertThat(announcement.allButtons()).extracting(BotMessage.InlineButton::callbackData)
                .contains("take:" + ticket);
        BotMessage header = inTopic(thread, "🎫 Заявка #" + ticket);
        assertThat(header.text()).contains("Гость #" + ticket, "В ЦОНе отказали", "Ждёт волонтёра");
        assertThat(header.allButtons()).extracting(BotMessage.InlineButton::callbackData).contains("take:" + ticket);

        // while nobody holds it, the team already sees what the guest adds
        assertThat(CHATS.ask(olga, "Паспорт у меня заграничный").text()).contains("Добавлено к заявке #" + ticket);
        assertThat(inTopic(thread, "Паспорт у меня заграничный").text()).startsWith("#" + ticket + " · Гость #"
                + ticket);
        TELEGRAM.sendText(vera, GROUP, thread, "Я бы взяла, но сначала спрошу");
        assertThat(inTopic(thread, "ещё никто не взял").allButtons()).extracting(BotMessage.InlineButton::callbackData)
                .contains("take:" + ticket);

        assertThat(CHATS.press(vera, announcement, "take:" + ticket)).contains("Заявка #" + ticket + " ваша", "теме");
        TELEGRAM.awaitBotMessage(GROUP, m -> m.messageId() == announcement.messageId()
                && m.text().contains("взял(а) Вера"), WAIT);
        inTopic(thread, "Вера взял(а) заявку #" + ticket);
        TELEGRAM.awaitBotMessage(GROUP, m -> m.messageId() == header.messageId() && m.text().contains("Ведёт: Вера")
                && m.button("Перехватить").isPresent(), WAIT);
        CHATS.awaitMessageWith(olga.id(), "Волонтёр Вера взял(а)");

        // the volunteer writes in the topic; the guest gets it under her name
        int olgaBefore = TELEGRAM.botMessages(olga.id()).size();
        TELEGRAM.sendText(vera, GROUP, thread, "Здравствуйте! Попробуйте другой ЦОН");
        assertThat(TELEGRAM.awaitBotMessages(olga.id(), olgaBefore + 1, WAIT).get(olgaBefore).text())
                .isEqualTo("💬 Вера, волонтёр:\nЗдравствуйте! Попробуйте другой ЦОН");
        TELEGRAM.sendDocument(vera, GROUP, thread, new byte[]{1, 2, 3}, "blank.pdf", "application/pdf");
        BotMessage document = TELEGRAM.awaitBotMessage(olga.id(), m -> "document".equals(m.media()), WAIT);
        assertThat(TELEGRAM.file(document.fileId()).orElseThrow().bytes()).containsExactly(1, 2, 3);
        // and the guest's messages, edits and photos reach the topic
        TELEGRAM.sendPhoto(olga, olga.id(), new byte[]{7, 7}, "spravka.jpg", "вот справка");
        BotMessage photo = TELEGRAM.awaitBotMessage(GROUP, m -> m.threadId() == thread && "photo".equals(m.media()),
                WAIT);
        assertThat(photo.text()).contains("Гость #" + ticket, "вот справка");
        int olgaSays = TELEGRAM.sendText(olga, "А в какой?");
        BotMessage copy = inTopic(thread, "А в какой?");
        TELEGRAM.editText(olga, olgaSays, "А в какой именно?");
        TELEGRAM.awaitBotMessage(GROUP, m -> m.messageId() == copy.messageId() && m.text().contains("именно"), WAIT);

        // another volunteer writing is told who holds it; one press takes it over, and the guest hears the new name
        TELEGRAM.sendText(boris, GROUP, thread, "Я тоже могу помочь");
        BotMessage holder = inTopic(thread, "ведёт Вера");
        assertThat(TELEGRAM.botMessages(olga.id())).noneMatch(m -> m.text().contains("тоже могу помочь"));
        assertThat(CHATS.press(boris, holder, "takeover:" + ticket)).isEqualTo("Заявка #" + ticket + " теперь ваша");
        inTopic(thread, "теперь ведёт Борис (до этого — Вера)");
        assertThat(CHATS.awaitMessageWith(olga.id(), "Борис").text()).contains("#" + ticket, "до этого — Вера");
        TELEGRAM.awaitBotMessage(GROUP, m -> m.messageId() == announcement.messageId()
                && m.text().contains("взял(а) Борис"), WAIT);
        assertThat(CHATS.press(boris, holder, "takeover:" + ticket)).contains("и так ваша");
        olgaBefore = TELEGRAM.botMessages(olga.id()).size();
        TELEGRAM.sendText(boris, GROUP, thread, "Теперь отвечаю я");
        assertThat(TELEGRAM.awaitBotMessages(olga.id(), olgaBefore + 1, WAIT).get(olgaBefore).text())
                .isEqualTo("💬 Борис, волонтёр:\nТеперь отвечаю я");
        TELEGRAM.sendText(vera, GROUP, thread, "Вера ещё здесь");
        inTopic(thread, "ведёт Борис");
        assertThat(TELEGRAM.botMessages(olga.id())).noneMatch(m -> m.text().contains("Вера ещё здесь"));

        // /close in the topic closes the ticket and the topic; reopening reopens both
        TELEGRAM.sendText(vera, GROUP, thread, "/close");
        inTopic(thread, "ведёте не вы");
        TELEGRAM.sendText(boris, GROUP, thread, "/close");
        inTopic(thread, "Заявка #" + ticket + " закрыта. Спасибо");
        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.topic(GROUP, thread).map(Topic::closed).orElse(false));
        BotMessage rate = CHATS.awaitMessageWith(olga.id(), "Оцените");
        CHATS.press(olga, rate, "reopen:" + ticket);
        CHATS.awaitMessageWith(olga.id(), "снова открыта");
        Awaitility.await().atMost(WAIT).until(() -> !TELEGRAM.topic(GROUP, thread).map(Topic::closed).orElse(true));
        inTopic(thread, "снова открыл(а) заявку #" + ticket + "; её ведёт Борис");
        TELEGRAM.sendText(olga, "Ещё вопрос после открытия");
        inTopic(thread, "Ещё вопрос после открытия");
        TELEGRAM.sendText(boris, GROUP, thread, "Отвечаю после открытия");
        CHATS.awaitMessageWith(olga.id(), "Отвечаю после открытия");

        assertPrivacy(olga, List.of(vera, boris));
        TELEGRAM.sendText(boris, GROUP, thread, "/close");
        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.topic(GROUP, thread).map(Topic::closed).orElse(false));
    }

    @Test
    void aTopicDeletedMidConversationIsCreatedAgainAndNothingTheGuestWroteIsLost() {
        EmulatedUser vera = volunteer("Вера-2");
        EmulatedUser guest = CHATS.newUser("ru");
        long ticket = openTicket(guest, "Как продлить регистрацию в Казахстане?");
        int thread = awaitTopic(ticket).threadId();
        CHATS.press(vera, inTopic(thread, "🎫 Заявка #" + ticket), "take:" + ticket);
        inTopic(thread, "взял(а) заявку");
        TELEGRAM.sendText(guest, "Первое сообщение");
        inTopic(thread, "Первое сообщение");

        TELEGRAM.deleteTopic(OWNER, GROUP, thread);
        TELEGRAM.sendText(guest, "Второе сообщение");
        TELEGRAM.sendText(guest, "Третье сообщение");
        TELEGRAM.sendPhoto(guest, guest.id(), new byte[]{5}, "photo.jpg", "и фото");

        Topic again = Awaitility.await().atMost(WAIT).until(() -> topicOf(ticket), Optional::isPresent).orElseThrow();
        assertThat(again.threadId()).isNotEqualTo(thread);
        int newThread = again.threadId();
        BotMessage header = inTopic(newThread, "🎫 Заявка #" + ticket);
        assertThat(header.text()).contains("удалили", "Ведёт: Вера-2");
        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.botMessages(GROUP, newThread).size() >= 4);
        List<BotMessage> inNew = TELEGRAM.botMessages(GROUP, newThread);
        assertThat(inNew.subList(1, 4)).extracting(BotMessage::text).containsExactly("Второе сообщение",
                "Третье сообщение", "и фото");
        assertThat(inNew.get(3).media()).isEqualTo("photo");
        assertThat(TELEGRAM.topics(GROUP)).filteredOn(t -> t.name().startsWith("#" + ticket + " ")).hasSize(1);

        int before = TELEGRAM.botMessages(guest.id()).size();
        TELEGRAM.sendText(vera, GROUP, newThread, "Вижу все три, отвечаю");
        assertThat(TELEGRAM.awaitBotMessages(guest.id(), before + 1, WAIT).get(before).text())
                .endsWith("Вижу все три, отвечаю");
        TELEGRAM.sendText(guest, "Спасибо");
        inTopic(newThread, "Спасибо");
        TELEGRAM.sendText(vera, GROUP, newThread, "/close");
        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.topic(GROUP, newThread).map(Topic::closed)
                .orElse(false));
    }

    @Test
    void whatTheGuestWritesBeforeTheTopicExistsWaitsForItAndFollowsTheHeaderInOrder() {
        TELEGRAM.failNext("createForumTopic", 502, 0, 2); // Telegram hiccups: the topic comes a second or two late
        EmulatedUser guest = CHATS.newUser("ru");
        long ticket = openTicket(guest, "Где купить SIM-карту?");
        assertThat(CHATS.ask(guest, "Я в Бишкеке").text()).contains("Добавлено к заявке #" + ticket);
        assertThat(CHATS.ask(guest, "И паспорт российский").text()).contains("Добавлено к заявке #" + ticket);
        assertThat(topicOf(ticket)).as("not created yet").isEmpty();

        int thread = awaitTopic(ticket).threadId();
        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.botMessages(GROUP, thread).size() >= 3);
        assertThat(TELEGRAM.botMessages(GROUP, thread)).extracting(BotMessage::text).hasSize(3)
                .satisfies(texts -> assertThat(texts.get(0)).startsWith("🎫 Заявка #" + ticket))
                .endsWith("Я в Бишкеке", "И паспорт российский");
        CHATS.ask(guest, "/cancel");
        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.topic(GROUP, thread).map(Topic::closed).orElse(false));
        inTopic(thread, "закрыта (Гость #" + ticket + ")");
    }

    @Autowired
    Tickets tickets;
    @Autowired
    TicketThreads threads;
    @Autowired
    Topics topics;
    @Autowired
    Relay relay;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    /**
     * A guest's message handled while the receipt of its ticket's new topic is being recorded: whichever commits
     * first, the message ends up in the topic (sent by its own update, or by the receipt that sees it waiting).
     */
    @Test
    void aMessageAndTheReceiptOfItsTopicTakeTurns() throws Exception {
        EmulatedUser guest = CHATS.newUser("ru");
        int written = TELEGRAM.sendText(guest, "Пишу, пока создаётся тема");
        TELEGRAM.awaitBotMessages(guest.id(), 1, WAIT); // handled by the bot as a question, before any ticket
        Ticket ticket = transaction.execute(status -> {
            Ticket created = tickets.create(guest.id(), org.relohelp.chat.Language.RU, null, null, "Вопрос");
            threads.creating(created.number(), GROUP);
            return created;
        });
        int thread = TELEGRAM.createTopic(OWNER, GROUP, "#" + ticket.number() + " · ? · ru");
        org.relohelp.chat.Incoming message = new org.relohelp.chat.Incoming(guest.id(), guest.id(), written,
                "Пишу, пока создаётся тема", "text", 0, false);
        java.util.concurrent.CountDownLatch kept = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        Thread update = new Thread(() -> transaction.executeWithoutResult(status -> {
            long pair = relay.keep(ticket, message);
            assertThat(topics.fromRefugee(ticket, message, pair)).isTrue();
            kept.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        update.start();
        assertThat(kept.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread receipt = new Thread(() -> transaction.executeWithoutResult(status ->
                topics.created(ticket.number(), thread)));
        receipt.start();
        receipt.join(500);
        assertThat(receipt.isAlive()).as("the receipt waits for the update that holds the topic's row").isTrue();
        commit.countDown();
        update.join(10_000);
        receipt.join(10_000);

        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.botMessages(GROUP, thread).size() >= 2);
        assertThat(TELEGRAM.botMessages(GROUP, thread)).extracting(BotMessage::text).hasSize(2)
                .endsWith("Пишу, пока создаётся тема");
    }

    @Test
    void aVerifiedAnswerIsSentFromInsideTheTopicAndCounted() {
        EmulatedUser vera = volunteer("Вера-3");
        EmulatedUser other = volunteer("Другой");
        EmulatedUser guest = CHATS.newUser("ru");
        long ticket = openTicket(guest, "Мне отказали в ИИН в ЦОНе");
        int thread = awaitTopic(ticket).threadId();
        CHATS.press(vera, inTopic(thread, "🎫 Заявка #" + ticket), "take:" + ticket);
        inTopic(thread, "взял(а) заявку");

        TELEGRAM.sendText(vera, GROUP, thread, "/kb иин цон");
        BotMessage found = inTopic(thread, "Статьи по «иин цон» для заявки #" + ticket);
        BotMessage.InlineButton first = found.allButtons().get(0);
        assertThat(first.callbackData()).startsWith("kbv:" + ticket + ":");
        CHATS.press(vera, found, first.callbackData());
        BotMessage preview = inTopic(thread, "Так Гость #" + ticket + " увидит статью");
        assertThat(preview.text()).contains("🗓");
        BotMessage.InlineButton send = preview.button("Отправить Гостю #" + ticket).orElseThrow();
        assertThat(CHATS.press(other, preview, send.callbackData())).contains("только волонтёр, который её ведёт");

        int before = TELEGRAM.botMessages(guest.id()).size();
        assertThat(CHATS.press(vera, preview, send.callbackData())).contains("Отправлено");
        BotMessage article = TELEGRAM.awaitBotMessages(guest.id(), before + 1, WAIT).get(before);
        assertThat(article.text()).contains("📎", "🗓").doesNotContain("Так Гость", "Вера-3");
        assertThat(article.allButtons()).extracting(BotMessage.InlineButton::callbackData)
                .anyMatch(data -> data.startsWith("fb:+:"));
        inTopic(thread, "отправлена: Гость #" + ticket + " (отправил(а) Вера-3)");
        TELEGRAM.awaitBotMessage(GROUP, m -> m.messageId() == preview.messageId() && m.buttons().isEmpty(), WAIT);
        assertThat(CHATS.press(vera, preview, send.callbackData())).contains("уже отправлена");

        // a line of one's own: a reply to a new preview
        CHATS.press(vera, found, found.allButtons().get(found.allButtons().size() - 1).callbackData());
        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.botMessages(GROUP, thread).stream()
                .filter(m -> m.text().contains("увидит статью")).count() == 2);
        BotMessage second = TELEGRAM.botMessages(GROUP, thread).stream()
                .filter(m -> m.text().contains("увидит статью")).reduce((a, b) -> b).orElseThrow();
        before = TELEGRAM.botMessages(guest.id()).size();
        TELEGRAM.sendReply(vera, GROUP, second.messageId(), "Вот что говорит наша база:");
        BotMessage withLine = TELEGRAM.awaitBotMessages(guest.id(), before + 1, WAIT).get(before);
        assertThat(withLine.text()).startsWith("💬 Вера-3, волонтёр: Вот что говорит наша база:").contains("🗓");
        inTopic(thread, "со своей строкой");
        assertThat(jdbc.sql("select count(*) from ticket_article where ticket_id = ? and sent_at is not null "
                + "and bot_found is not null").param(ticket).query(Integer.class).single()).isEqualTo(2);

        TELEGRAM.sendText(vera, GROUP, thread, "/close");
        Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.topic(GROUP, thread).map(Topic::closed).orElse(false));
        assertThat(CHATS.ask(ADMIN, "/stats").text()).contains("/kb", "×");
        assertThat(CHATS.ask(ADMIN, "/gaps").text()).doesNotContain("#" + ticket + " ·");
    }

    @Test
    void withoutTheRightToManageTopicsTheStartUpLineSaysSoAndTicketsGoOnPrivately(CapturedOutput output) {
        Awaitility.await().atMost(WAIT).until(() -> topicCheck.verdict().isPresent());
        assertThat(topicCheck.verdict().orElseThrow()).contains("is a forum and the bot manages its topics");
        try {
            TELEGRAM.setBotRights(GROUP, BotRights.administrator(BotRights.Right.DELETE_MESSAGES));
            assertThat(topicCheck.check()).hasValueSatisfying(line -> assertThat(line)
                    .contains("lacks the administrator right to manage topics"));
            TELEGRAM.setBotRights(GROUP, BotRights.MEMBER);
            assertThat(topicCheck.check()).hasValueSatisfying(line -> assertThat(line)
                    .contains("not an administrator"));
            assertThat(output).contains("Topic mode is on, but in group " + GROUP + " the bot is not an administrator");

            EmulatedUser vera = volunteer("Вера-4");
            EmulatedUser guest = CHATS.newUser("ru");
            long ticket = openTicket(guest, "Где снять квартиру в Алматы?");
            CHATS.awaitMessageWith(GROUP, "Не удалось создать тему для заявки #" + ticket);
            assertThat(topicOf(ticket)).isEmpty();
            assertThat(CHATS.ask(guest, "Бюджет небольшой").text()).contains("Добавлено к заявке #" + ticket);
            TELEGRAM.sendText(vera, "/take " + ticket);
            assertThat(CHATS.awaitMessageWith(vera.id(), "🎫 Заявка #" + ticket).text()).contains("Гость #" + ticket);
            CHATS.awaitMessageWith(vera.id(), "Бюджет небольшой");
            TELEGRAM.sendText(vera, "Посмотрите krisha.kz");
            CHATS.awaitMessageWith(guest.id(), "Посмотрите krisha.kz");
            CHATS.ask(vera, "/close " + ticket);
        } finally {
            TELEGRAM.setBotRights(GROUP, MANAGES_TOPICS);
        }
    }

    private static void assertPrivacy(EmulatedUser guest, List<EmulatedUser> volunteers) {
        List<String> group = TELEGRAM.botMessages(GROUP).stream().map(BotMessage::text).toList();
        assertThat(group).noneMatch(t -> t.contains(guest.firstName()) || t.contains(String.valueOf(guest.id())));
        assertThat(TELEGRAM.topics(GROUP)).noneMatch(t -> t.name().contains(guest.firstName()));
        for (EmulatedUser volunteer : volunteers) {
            assertThat(TELEGRAM.botMessages(guest.id())).noneMatch(m -> m.text().contains(volunteer.firstName())
                    || m.text().contains(String.valueOf(volunteer.id())));
        }
    }

    private static Optional<Topic> topicOf(long ticket) {
        return TELEGRAM.topics(GROUP).stream().filter(t -> t.name().startsWith("#" + ticket + " ")).findFirst();
    }

    private static Topic awaitTopic(long ticket) {
        return Awaitility.await().atMost(WAIT).until(() -> topicOf(ticket), Optional::isPresent).orElseThrow();
    }

    /** The bot's latest message in a topic that contains the text. */
    private static BotMessage inTopic(int thread, String text) {
        try {
            TELEGRAM.awaitBotMessage(GROUP, m -> m.threadId() == thread && m.text().contains(text), WAIT);
        } catch (AssertionError e) {
            throw new AssertionError("no \"" + text + "\" in topic " + thread + ": " + TELEGRAM.botMessages(GROUP,
                    thread).stream().map(BotMessage::text).toList(), e);
        }
        return TELEGRAM.botMessages(GROUP, thread).stream().filter(m -> m.text().contains(text))
                .reduce((a, b) -> b).orElseThrow();
    }

    private static EmulatedUser volunteer(String name) {
        EmulatedUser user = CHATS.newUser("ru");
        Matcher code = Pattern.compile("start=(inv_[A-Za-z0-9_-]+)").matcher(CHATS.ask(ADMIN, "/invite").text());
        assertThat(code.find()).isTrue();
        assertThat(CHATS.ask(user, "/start " + code.group(1)).text()).contains("Добро пожаловать");
        assertThat(CHATS.ask(user, "/me name " + name).text()).contains("Сохранено");
        return user;
    }

    private static long openTicket(EmulatedUser refugee, String question) {
        assertThat(CHATS.ask(refugee, "/human").text()).contains("не увидят"); // asks for the question or offers the last one
        Matcher m = TICKET.matcher(CHATS.ask(refugee, question).text());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

}

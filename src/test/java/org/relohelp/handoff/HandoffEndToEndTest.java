package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Texts;
import org.relohelp.cluster.NotLeading;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A refugee reaches a volunteer and back, through the real client and database, without either account. */
class HandoffEndToEndTest extends EndToEndTest {

    private static final Pattern TICKET = Pattern.compile("#(\\d+)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void aQuestionReachesAVolunteerAndTheAnswersComeBack() {
        EmulatedUser vera = volunteer("Вера");
        EmulatedUser olga = newUser("ru");
        press(olga, ask(olga, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(olga.id(), 2, WAIT);
        BotMessage answer = ask(olga, "как получить иин");
        int before = TELEGRAM.botMessages(olga.id()).size();
        press(olga, answer, answer.button("волонтёр").orElseThrow().callbackData());
        assertThat(TELEGRAM.awaitBotMessages(olga.id(), before + 1, WAIT).get(before).text())
                .contains("Передать", "как получить иин", "Казахстан", "не увидят");

        // she writes another question instead of sending the one offered
        BotMessage created = ask(olga, "В ЦОНе отказали выдать ИИН, что делать?");
        assertThat(created.text()).contains("создана", "в очереди");
        long ticket = number(created.text());
        BotMessage announcement = awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket);
        assertThat(announcement.text()).contains("Казахстан", "ИИН и другие номера", "В ЦОНе отказали")
                .doesNotContain(olga.firstName(), String.valueOf(olga.id()));

        assertThat(ask(olga, "Паспорт у меня заграничный").text()).contains("Добавлено к заявке #" + ticket);

        assertThat(press(vera, announcement, "take:" + ticket)).isEqualTo("Заявка #" + ticket + " ваша");
        TELEGRAM.awaitBotMessage(VOLUNTEER_GROUP, m -> m.messageId() == announcement.messageId()
                && m.text().contains("взял(а) Вера") && m.buttons().isEmpty(), WAIT);
        BotMessage header = awaitMessageWith(vera.id(), "Гость #" + ticket);
        assertThat(header.text()).contains("В ЦОНе отказали").doesNotContain(olga.firstName());
        awaitMessageWith(vera.id(), "Паспорт у меня заграничный");
        assertThat(awaitMessageWith(olga.id(), "Волонтёр Вера взял(а)").text()).contains("#" + ticket);

        int olgaBefore = TELEGRAM.botMessages(olga.id()).size();
        int veraSays = TELEGRAM.sendText(vera, "Здравствуйте! Попробуйте другой ЦОН");
        BotMessage relayed = TELEGRAM.awaitBotMessages(olga.id(), olgaBefore + 1, WAIT).get(olgaBefore);
        assertThat(relayed.text()).isEqualTo("💬 Вера, волонтёр:\nЗдравствуйте! Попробуйте другой ЦОН");

        TELEGRAM.sendDocument(vera, vera.id(), new byte[]{1, 2, 3}, "blank.pdf", "application/pdf");
        BotMessage document = TELEGRAM.awaitBotMessage(olga.id(), m -> "document".equals(m.media()), WAIT);
        assertThat(TELEGRAM.file(document.fileId()).orElseThrow().bytes()).containsExactly(1, 2, 3);

        TELEGRAM.sendPhoto(olga, olga.id(), new byte[]{7, 7}, "spravka.jpg", "вот справка");
        BotMessage photo = TELEGRAM.awaitBotMessage(vera.id(), m -> "photo".equals(m.media()), WAIT);
        assertThat(photo.text()).contains("#" + ticket + " · Гость #" + ticket, "вот справка");
        assertThat(TELEGRAM.file(photo.fileId()).orElseThrow().bytes()).containsExactly(7, 7);

        int olgaSays = TELEGRAM.sendText(olga, "Спасибо, а в какой?");
        BotMessage copy = awaitMessageWith(vera.id(), "Спасибо, а в какой?");
        TELEGRAM.editText(olga, olgaSays, "Спасибо, а в какой именно?");
        TELEGRAM.awaitBotMessage(vera.id(), m -> m.messageId() == copy.messageId()
                && m.text().contains("в какой именно?") && m.text().contains("изменено"), WAIT);
        TELEGRAM.editText(vera, veraSays, "Здравствуйте! Попробуйте ЦОН на Жетысу");
        TELEGRAM.awaitBotMessage(olga.id(), m -> m.messageId() == relayed.messageId()
                && m.text().contains("Жетысу"), WAIT);

        assertThat(ask(vera, "/close").text()).contains("закрыта");
        BotMessage rate = awaitMessageWith(olga.id(), "Оцените");
        press(olga, rate, "rate:" + ticket + ":5");
        awaitMessageWith(olga.id(), "Спасибо за оценку");
        assertThat(ask(olga, "всё получилось").text()).contains("передадим");
        assertThat(jdbc.sql("select rating from ticket where id = ?").param(ticket).query(Integer.class).single())
                .isEqualTo(5);

        // after a close, a message is a new question: no offer to reopen, answered by the knowledge base
        BotMessage question = ask(olga, "как получить иин");
        assertThat(question.text()).contains("ИИН").doesNotContain("Открыть её снова");
        // reopening is a button under the rating, and only what is written after it reaches the volunteer
        assertThat(rate.allButtons()).extracting(BotMessage.InlineButton::callbackData).contains("reopen:" + ticket);
        press(olga, rate, "reopen:" + ticket);
        assertThat(awaitMessageWith(olga.id(), "снова открыта").text()).contains("Вера");
        assertThat(awaitMessageWith(vera.id(), "снова открыта").text()).contains("#" + ticket, "Гость #" + ticket);
        TELEGRAM.sendText(olga, "Ой, ещё вопрос про ИИН");
        awaitMessageWith(vera.id(), "Ой, ещё вопрос про ИИН");
        assertThat(TELEGRAM.botMessages(vera.id())).as("nothing written between the close and the reopen")
                .noneMatch(m -> m.text().contains("всё получилось") || m.text().contains("как получить иин"));
        TELEGRAM.sendText(vera, "Отвечаю после открытия");
        awaitMessageWith(olga.id(), "Отвечаю после открытия");

        List<String> seenByVera = TELEGRAM.botMessages(vera.id()).stream().map(BotMessage::text).toList();
        assertThat(seenByVera).noneMatch(t -> t.contains(olga.firstName()) || t.contains(String.valueOf(olga.id())));
        assertThat(TELEGRAM.botMessages(olga.id())).noneMatch(m -> m.text().contains(String.valueOf(vera.id())));
        ask(vera, "/close");
    }

    @Test
    void twoVolunteersPressingTakeTogetherMeansExactlyOneWinner() {
        EmulatedUser anna = volunteer("Анна");
        EmulatedUser boris = volunteer("Борис");
        long ticket = openTicket(newUser("ru"), "Где снять квартиру в Бишкеке?");
        BotMessage announcement = awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket);
        String first = TELEGRAM.press(anna, announcement, "take:" + ticket);
        String second = TELEGRAM.press(boris, announcement, "take:" + ticket);
        List<String> toasts = List.of(TELEGRAM.awaitCallbackAnswer(first, WAIT).orElseThrow(),
                TELEGRAM.awaitCallbackAnswer(second, WAIT).orElseThrow());
        assertThat(toasts).filteredOn(t -> t.endsWith("ваша")).hasSize(1);
        assertThat(toasts).filteredOn(t -> t.contains("уже взял(а)")).hasSize(1);
        ask(anna, "/close " + ticket);
        ask(boris, "/close " + ticket);
    }

    @Test
    void withSeveralTicketsARepliedMessageAndSwitchChooseTheRefugee() {
        EmulatedUser vera = volunteer("Вероника");
        EmulatedUser first = newUser("ru");
        EmulatedUser second = newUser("ru");
        long one = openTicket(first, "Вопрос первый про регистрацию");
        long two = openTicket(second, "Вопрос второй про жильё");
        ask(vera, "/take " + one);
        ask(vera, "/take " + two);
        BotMessage headerOne = awaitMessageWith(vera.id(), "Вопрос первый");
        TELEGRAM.sendText(vera, "/mine");
        assertThat(awaitMessageWith(vera.id(), "Ваши заявки").text()).contains("#" + one, "#" + two, "▶ #" + two);

        int before = TELEGRAM.botMessages(first.id()).size();
        TELEGRAM.sendReply(vera, vera.id(), headerOne.messageId(), "Ответ для первого");
        assertThat(TELEGRAM.awaitBotMessages(first.id(), before + 1, WAIT).get(before).text())
                .isEqualTo("💬 Вероника, волонтёр:\nОтвет для первого");
        TELEGRAM.sendText(vera, "/switch " + two);
        awaitMessageWith(vera.id(), "уходят в заявку #" + two);
        int beforeSecond = TELEGRAM.botMessages(second.id()).size();
        TELEGRAM.sendText(vera, "Ответ для второго");
        assertThat(TELEGRAM.awaitBotMessages(second.id(), beforeSecond + 1, WAIT).get(beforeSecond).text())
                .isEqualTo("💬 Вероника, волонтёр:\nОтвет для второго");
        assertThat(TELEGRAM.botMessages(first.id())).noneMatch(m -> m.text().contains("для второго"));

        TELEGRAM.sendText(vera, "/release " + two);
        awaitMessageWith(vera.id(), "Заявка #" + two + " возвращена");
        awaitMessageWith(second.id(), "вернулась в очередь");
        awaitMessageWith(VOLUNTEER_GROUP, "Заявку #" + two + " пока никто не взял");
        assertThat(ask(second, "/cancel").text()).contains("закрыта");
        ask(vera, "/close " + one);
    }

    /**
     * The walk of issue #15: with two tickets, a plain message says which guest got it; a reply to the other ticket
     * makes it the current one and says so; /close closes that one and says where messages go now; the next plain
     * message goes to the one ticket left. Before, the message went silently, and after the close the volunteer,
     * holding one ticket, was told "У вас несколько заявок": the closed ticket stayed current and won over the only one.
     */
    @Test
    void withTwoTicketsEveryMessageSaysWhichGuestGotItAndACloseLeavesTheOtherCurrent() {
        EmulatedUser vera = volunteer("Вера-две");
        EmulatedUser anna = newUser("ru");
        EmulatedUser emma = newUser("ru");
        long four = openTicket(anna, "Где найти психолога в Алматы?");
        long three = openTicket(emma, "Где переночевать с кошкой?");
        ask(vera, "/take " + four);
        BotMessage headerFour = awaitMessageWith(vera.id(), "Где найти психолога");
        ask(vera, "/take " + three);
        awaitMessageWith(vera.id(), "Где переночевать");
        awaitIdle();

        int emmaBefore = TELEGRAM.botMessages(emma.id()).size();
        BotMessage note = ask(vera, "Психологи: проект «Ковчег»");
        assertThat(note.text()).isEqualTo("↪ Ушло: Гость #" + three + " (заявка #" + three + ").");
        assertThat(TELEGRAM.awaitBotMessages(emma.id(), emmaBefore + 1, WAIT).get(emmaBefore).text())
                .endsWith("Психологи: проект «Ковчег»");

        int annaBefore = TELEGRAM.botMessages(anna.id()).size();
        BotMessage switched = CHATS.reply(vera, headerFour.messageId(), "Анна, вот психологи: «Ковчег»");
        assertThat(switched.text()).startsWith("↪ Ушло: Гость #" + four + " (заявка #" + four + ").")
                .contains("/close");
        assertThat(TELEGRAM.awaitBotMessages(anna.id(), annaBefore + 1, WAIT).get(annaBefore).text())
                .endsWith("Анна, вот психологи: «Ковчег»");

        BotMessage closed = ask(vera, "/close");
        assertThat(closed.text()).startsWith("Заявка #" + four + " закрыта")
                .contains("Гость #" + three + " (заявка #" + three + ")");
        awaitMessageWith(anna.id(), "Оцените");

        int before = TELEGRAM.botMessages(vera.id()).size();
        emmaBefore = TELEGRAM.botMessages(emma.id()).size();
        TELEGRAM.sendText(vera, "Для ночлега: хостелы с кошками");
        assertThat(TELEGRAM.awaitBotMessages(emma.id(), emmaBefore + 1, WAIT).get(emmaBefore).text())
                .endsWith("Для ночлега: хостелы с кошками");
        assertThat(messagesOnceIdle(vera, before)).as("one ticket: no note, and never \"several tickets\"").isEmpty();
        assertThat(ask(vera, "/mine").text()).contains("▶ #" + three);

        // a reply to the closed ticket's message goes nowhere, and says why
        BotMessage toClosed = CHATS.reply(vera, headerFour.messageId(), "Анна, ещё одно");
        assertThat(toClosed.text()).contains("#" + four, "закрыта", "не отправлено");
        assertThat(messagesOnceIdle(anna, TELEGRAM.botMessages(anna.id()).size())).isEmpty();
        assertThat(TELEGRAM.botMessages(emma.id())).noneMatch(m -> m.text().contains("ещё одно"));
        ask(vera, "/close " + three);
    }

    /**
     * Three tickets, the current one closed: the two left are named, and a plain message, /close and /release ask
     * which (the message is not sent) until a reply or /switch chooses; /release as a reply acts on the replied one.
     */
    @Test
    void whenReallyAmbiguousTheVolunteerIsAskedWhichTicketAndNothingIsSent() {
        EmulatedUser vera = volunteer("Вера-три");
        EmulatedUser first = newUser("ru");
        EmulatedUser second = newUser("ru");
        EmulatedUser third = newUser("ru");
        long one = openTicket(first, "Первый: про ИИН");
        long two = openTicket(second, "Второй: про жильё");
        long three = openTicket(third, "Третий: про визу");
        ask(vera, "/take " + one);
        BotMessage headerOne = awaitMessageWith(vera.id(), "Первый: про ИИН");
        ask(vera, "/take " + two);
        awaitMessageWith(vera.id(), "Второй: про жильё");
        ask(vera, "/take " + three);
        awaitMessageWith(vera.id(), "Третий: про визу");
        awaitIdle();

        BotMessage closed = ask(vera, "/close");
        assertThat(closed.text()).startsWith("Заявка #" + three + " закрыта").contains("#" + one, "#" + two, "/switch");

        int firstBefore = TELEGRAM.botMessages(first.id()).size();
        int secondBefore = TELEGRAM.botMessages(second.id()).size();
        BotMessage which = ask(vera, "Кому это?");
        assertThat(which.text()).contains("не отправлено", "#" + one, "#" + two, "/switch");
        assertThat(ask(vera, "/close").text()).contains("#" + one, "#" + two, "/close " + one);
        assertThat(ask(vera, "/release").text()).contains("#" + one, "#" + two, "/release " + one);
        assertThat(messagesOnceIdle(first, firstBefore)).isEmpty();
        assertThat(messagesOnceIdle(second, secondBefore)).isEmpty();

        BotMessage released = CHATS.reply(vera, headerOne.messageId(), "/release");
        assertThat(released.text()).startsWith("Заявка #" + one + " возвращена")
                .contains("Гость #" + two + " (заявка #" + two + ")");
        awaitMessageWith(first.id(), "вернулась в очередь");
        TELEGRAM.sendText(vera, "Теперь вам");
        awaitMessageWith(second.id(), "Теперь вам");
        assertThat(ask(first, "/cancel").text()).contains("закрыта");
        ask(vera, "/close " + two);
    }

    @Test
    void everyStaffCommandAndButtonIsRefusedToOthers() {
        EmulatedUser nobody = newUser("ru");
        for (String command : List.of("/queue", "/take 1", "/mine", "/switch 1", "/close", "/release", "/me")) {
            assertThat(ask(nobody, command).text()).as(command).contains("только для волонтёров");
        }
        for (String command : List.of("/addvolunteer 1", "/removevolunteer 1", "/invite", "/volunteers")) {
            // admin commands do not tell anyone else they exist
            assertThat(ask(nobody, command).text()).as(command).startsWith("Не знаю такой команды");
        }
        long ticket = openTicket(newUser("ru"), "Нужна помощь с регистрацией");
        BotMessage announcement = awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket);
        assertThat(press(nobody, announcement, "take:" + ticket)).contains("только для волонтёров");
        assertThat(press(nobody, announcement, "rate:" + ticket + ":5")).contains("больше не работает");
        assertThat(press(nobody, announcement, "reopen:" + ticket)).contains("больше не работает");
        assertThat(ask(nobody, "/start inv_forged").text()).contains("недействительна");

        EmulatedUser removed = volunteer("Пётр");
        TELEGRAM.sendText(removed, "/take " + ticket);
        awaitMessageWith(removed.id(), "Гость #" + ticket);
        awaitMessageWith(removed.id(), "ваша");
        assertThat(ask(ADMIN, "/removevolunteer " + removed.id()).text())
                .isEqualTo("Волонтёр " + removed.id() + " удалён(а). Заявок вернулось в очередь: 1.");
        awaitMessageWith(removed.id(), "больше не волонтёр");
        assertThat(jdbc.sql("select status from ticket where id = ?").param(ticket).query(String.class).single())
                .isEqualTo("QUEUED");
        for (String command : List.of("/queue", "/take " + ticket, "/mine", "/switch " + ticket, "/close " + ticket,
                "/release " + ticket, "/me", "/me name Шпион")) {
            int before = TELEGRAM.botMessages(removed.id()).size();
            TELEGRAM.sendText(removed, command);
            assertThat(TELEGRAM.awaitBotMessages(removed.id(), before + 1, WAIT).get(before).text()).as(command)
                    .contains("только для волонтёров");
        }
        for (String command : List.of("/addvolunteer " + removed.id(), "/invite", "/volunteers")) {
            assertThat(ask(removed, command).text()).as(command).startsWith("Не знаю такой команды");
        }
        assertThat(press(removed, announcement, "take:" + ticket)).contains("только для волонтёров");
        int beforeMessage = TELEGRAM.botMessages(removed.id()).size();
        TELEGRAM.sendText(removed, "сообщение после удаления");
        assertThat(TELEGRAM.awaitBotMessages(removed.id(), beforeMessage + 1, WAIT).get(beforeMessage).text())
                .doesNotContain("Гость");
    }

    /** A number as the bot shows it after '#', digit groups and all ("#1 234" reads as "1 234"). */
    private static final Pattern SHOWN = Pattern.compile("#(\\d[\\d\\s\\u00A0\\u202F,]*\\d|\\d)");

    @Test
    void fromTicket1234OnNumbersAndIdsAreShownAsTheyMustBeTyped() {
        long first = Math.max(1234, jdbc.sql("select coalesce(max(id), 0) + 1 from ticket").query(Long.class).single());
        jdbc.sql("alter table ticket alter column id restart with " + first).update();
        EmulatedUser vera = newUser("ru");
        ask(vera, "/start");
        assertThat(ask(ADMIN, "/addvolunteer " + vera.id()).text()).contains("Волонтёр " + vera.id() + " добавлен");
        EmulatedUser refugee = newUser("ru");
        ask(refugee, "/human");
        String created = ask(refugee, "Вопрос с четырёхзначным номером").text();
        assertThat(shown(created)).isEqualTo(String.valueOf(first));
        long ticket = first;

        BotMessage announcement = awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket);
        assertThat(announcement.allButtons()).extracting(BotMessage.InlineButton::callbackData).contains("take:" + ticket);
        TELEGRAM.sendText(vera, "/take " + shown(announcement.text()));
        assertThat(awaitMessageWith(vera.id(), " ваша").text()).isEqualTo("Заявка #" + ticket + " ваша");
        BotMessage header = awaitMessageWith(vera.id(), "Гость #" + ticket);
        Matcher switchTo = Pattern.compile("(/switch [^.\\n]+)").matcher(header.text());
        assertThat(switchTo.find()).as(header.text()).isTrue();
        assertThat(ask(vera, switchTo.group(1)).text()).contains("уходят в заявку #" + ticket);
        assertThat(shown(ask(vera, "/mine").text())).isEqualTo(String.valueOf(ticket));

        assertThat(ask(vera, "/release " + ticket).text()).contains("Заявка #" + ticket + " возвращена");
        BotMessage again = awaitMessageWith(VOLUNTEER_GROUP, "Заявку #" + ticket + " пока никто не взял");
        int headers = headers(vera, ticket);
        assertThat(press(vera, again, "take:" + shown(again.text()))).isEqualTo("Заявка #" + ticket + " ваша");
        // the ticket's header comes from the outbox after the commit: wait for it, or it would look like /close's reply
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> headers(vera, ticket) == headers + 1);
        assertThat(ask(vera, "/close " + ticket).text()).contains("Заявка #" + ticket + " закрыта");
        BotMessage rate = awaitMessageWith(refugee.id(), "Оцените");
        assertThat(shown(rate.text())).isEqualTo(String.valueOf(ticket));
        assertThat(rate.allButtons()).extracting(BotMessage.InlineButton::callbackData).contains("rate:" + ticket + ":5");

        BotMessage.InlineButton reopen = rate.button("Открыть заново").orElseThrow();
        assertThat(shown(reopen.text())).isEqualTo(String.valueOf(ticket));
        press(refugee, rate, reopen.callbackData());
        awaitMessageWith(refugee.id(), "Заявка #" + ticket + " снова открыта");
        String back = "Ваша заявка #" + ticket + " вернулась в очередь";
        long backBefore = TELEGRAM.botMessages(refugee.id()).stream().filter(m -> m.text().contains(back)).count();
        assertThat(ask(ADMIN, "/removevolunteer " + vera.id()).text())
                .isEqualTo("Волонтёр " + vera.id() + " удалён(а). Заявок вернулось в очередь: 1.");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> TELEGRAM.botMessages(refugee.id()).stream()
                .filter(m -> m.text().contains(back)).count() == backBefore + 1);
        assertThat(ask(refugee, "/cancel").text()).contains("Заявка #" + ticket + " закрыта");
    }

    private static String shown(String text) {
        Matcher m = SHOWN.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    @Autowired
    TicketTimers timers;
    @Autowired
    Tickets tickets;
    @Autowired
    Volunteers volunteers;
    @Autowired
    Announcements announcements;
    @Autowired
    VolunteerDesk desk;
    @Autowired
    Messenger messenger;
    @Autowired
    Texts texts;
    @Autowired
    HandoffProperties properties;
    @Autowired
    VolunteerLanguage languages;
    @Autowired
    Clock clock;

    @Test
    void untakenTicketsAreAnnouncedAgainAndSilentOnesReturnToTheQueue() {
        long waiting = openTicket(newUser("ru"), "Долго жду ответа");
        awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + waiting);
        timers.reannounce(LocalDateTime.now(clock).plusMinutes(1));
        awaitMessageWith(VOLUNTEER_GROUP, "Заявку #" + waiting + " пока никто не взял");

        EmulatedUser silent = volunteer("Молчун");
        ask(silent, "/take " + waiting);
        timers.returnSilent(LocalDateTime.now(clock).plusMinutes(1));
        assertThat(awaitMessageWith(ADMIN.id(), "Заявка #" + waiting).text()).contains("Молчун", "возвращена");
        assertThat(jdbc.sql("select status from ticket where id = ?").param(waiting).query(String.class).single())
                .isEqualTo("QUEUED");
    }

    @Test
    void anInstanceThatDoesNotLeadLeavesTicketTimersAlone() {
        long waiting = openTicket(newUser("ru"), "Жду, а никто не берёт");
        awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + waiting);
        jdbc.sql("update ticket set announced_at = ? where id = ?")
                .params(LocalDateTime.now(clock).minus(properties.reannounceAfter()).minusMinutes(1), waiting)
                .update();
        TicketTimers follower = new TicketTimers(tickets, volunteers, announcements, desk, messenger, texts, properties,
                languages, clock, new NotLeading(), transaction);

        follower.run(); // sends, if it did, before it returns

        assertThat(TELEGRAM.botMessages(VOLUNTEER_GROUP))
                .noneMatch(m -> m.text().contains("Заявку #" + waiting + " пока никто не взял"));
        timers.run();
        awaitMessageWith(VOLUNTEER_GROUP, "Заявку #" + waiting + " пока никто не взял");
    }

    @Autowired
    RefugeeDesk refugeeDesk;
    @Autowired
    VolunteerDesk volunteerDesk;

    /**
     * A guest's message handled while a volunteer's take of the ticket commits: whichever commits first, the
     * message reaches the volunteer (sent on by its own update, or among the waiting ones the take hands over).
     * Before, the take could miss a message that had found the ticket still waiting and was not committed yet: it
     * then waited for ever.
     */
    @Test
    void aMessageWrittenWhileTheTicketIsTakenReachesTheVolunteer() throws Exception {
        EmulatedUser vera = volunteer("Вера-гонка");
        EmulatedUser guest = newUser("ru");
        int written = TELEGRAM.sendText(guest, "Пишу, пока заявку берут");
        TELEGRAM.awaitBotMessages(guest.id(), 1, WAIT); // handled by the bot as a question, before any ticket
        long ticket = openTicket(guest, "Вопрос для гонки");
        org.relohelp.chat.Asked asked = new org.relohelp.chat.Asked(new org.relohelp.chat.Profile(guest.id(),
                org.relohelp.chat.Language.RU, null), guest.id(), true, new org.relohelp.chat.Incoming(guest.id(),
                guest.id(), written, "Пишу, пока заявку берут", "text", 0, false), "", "");
        java.util.concurrent.CountDownLatch kept = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        Thread message = new Thread(() -> transaction.executeWithoutResult(status -> {
            refugeeDesk.take(asked);
            kept.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        message.start();
        assertThat(kept.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread take = new Thread(() -> transaction.executeWithoutResult(status -> volunteerDesk.take(
                volunteers.active(vera.id()).orElseThrow(), ticket, org.relohelp.chat.Language.RU)));
        take.start();
        take.join(500);
        assertThat(take.isAlive()).as("the take waits for the message's update, which holds the ticket's row").isTrue();
        commit.countDown();
        message.join(10_000);
        take.join(10_000);

        awaitMessageWith(vera.id(), "Пишу, пока заявку берут");
        ask(vera, "/close " + ticket);
    }

    /**
     * A ticket taken before the bot has heard that its announcement reached the group (Telegram's answer on its way,
     * or the announcement waiting for the group's limit): the announcement still says who took it, once its id is known.
     */
    @Test
    void aTicketTakenBeforeItsAnnouncementsAnswerCameIsStillMarkedTaken() {
        EmulatedUser vera = volunteer("Вера-быстрая");
        EmulatedUser refugee = newUser("ru");
        TELEGRAM.holdResponses(true);
        assertThat(ask(refugee, "/human").text()).contains("не увидят"); // asks for the question or offers the last one
        BotMessage announcement;
        long ticket;
        try {
            TELEGRAM.sendText(refugee, "Вопрос, который берут сразу");
            announcement = awaitMessageWith(VOLUNTEER_GROUP, "Вопрос, который берут сразу");
            ticket = number(announcement.text());
            TELEGRAM.sendText(vera, "/take " + ticket);
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> "ASSIGNED".equals(jdbc.sql(
                    "select status from ticket where id = ?").param(ticket).query(String.class).single()));
        } finally {
            TELEGRAM.holdResponses(false);
        }
        assertThat(TELEGRAM.awaitBotMessage(VOLUNTEER_GROUP, m -> m.messageId() == announcement.messageId()
                && m.edits() > 0, WAIT).text()).isEqualTo("✅ Заявка #" + ticket + " — взял(а) Вера-быстрая");
        ask(vera, "/close");
    }

    /**
     * The group's post follows its ticket. Cancelled by the guest while waiting: "отменена гостем", no Take button,
     * and the question no longer in the group. Given back to the queue: the old post (which said who took it) points
     * to the new one below, which has Take. Closed: "закрыта". Before, a cancelled ticket's post still offered Take
     * (which only toasted "уже не в очереди"), and a closed one's still said who had taken it.
     */
    @Test
    void theGroupsPostFollowsItsTicketWhenItIsCancelledReleasedAndClosed() {
        EmulatedUser vera = volunteer("Вера-пост");
        EmulatedUser olga = newUser("ru");
        long cancelled = openTicket(olga, "Вопрос, который гость отменит");
        BotMessage post = awaitMessageWith(VOLUNTEER_GROUP, "Вопрос, который гость отменит");
        awaitIdle(); // the post's message id is known
        assertThat(ask(olga, "/cancel").text()).contains("закрыта");
        BotMessage cancelledPost = TELEGRAM.awaitBotMessage(VOLUNTEER_GROUP, m -> m.messageId() == post.messageId()
                && m.edits() > 0, WAIT);
        assertThat(cancelledPost.text()).isEqualTo("🚫 Заявка #" + cancelled + " — отменена гостем");
        assertThat(cancelledPost.allButtons()).isEmpty();

        EmulatedUser petr = newUser("ru");
        long ticket = openTicket(petr, "Вопрос, который вернут и закроют");
        BotMessage first = awaitMessageWith(VOLUNTEER_GROUP, "Вопрос, который вернут");
        assertThat(press(vera, first, "take:" + ticket)).endsWith("ваша");
        awaitMessageWith(vera.id(), "Вопрос, который вернут"); // the header
        awaitIdle();
        assertThat(ask(vera, "/release").text()).startsWith("Заявка #" + ticket + " возвращена");
        BotMessage again = awaitMessageWith(VOLUNTEER_GROUP, "Заявку #" + ticket + " пока никто не взял");
        assertThat(again.allButtons()).extracting(BotMessage.InlineButton::callbackData).containsExactly("take:" + ticket);
        BotMessage moved = TELEGRAM.awaitBotMessage(VOLUNTEER_GROUP, m -> m.messageId() == first.messageId()
                && m.text().contains("ниже"), WAIT);
        assertThat(moved.text()).isEqualTo("⏬ Заявка #" + ticket + " — объявлена заново ниже");
        assertThat(moved.allButtons()).isEmpty();

        awaitIdle();
        assertThat(press(vera, again, "take:" + ticket)).endsWith("ваша");
        TELEGRAM.awaitBotMessage(VOLUNTEER_GROUP, m -> m.messageId() == again.messageId()
                && m.text().contains("взял(а) Вера-пост"), WAIT);
        awaitIdle();
        assertThat(ask(vera, "/close").text()).startsWith("Заявка #" + ticket + " закрыта");
        BotMessage closedPost = TELEGRAM.awaitBotMessage(VOLUNTEER_GROUP, m -> m.messageId() == again.messageId()
                && m.text().contains("закрыта"), WAIT);
        assertThat(closedPost.text()).isEqualTo("☑️ Заявка #" + ticket + " — закрыта. Вёл(а): Вера-пост");
        assertThat(closedPost.allButtons()).isEmpty();
    }

    /** Cancelled before the bot heard that its post reached the group: the post is marked once its id is known. */
    @Test
    void aTicketCancelledBeforeItsAnnouncementsAnswerCameIsStillMarkedCancelled() {
        EmulatedUser refugee = newUser("ru");
        TELEGRAM.holdResponses(true);
        BotMessage announcement;
        long ticket;
        try {
            assertThat(ask(refugee, "/human").text()).contains("не увидят"); // asks for the question or offers the last one
            TELEGRAM.sendText(refugee, "Вопрос, который сразу отменят");
            announcement = awaitMessageWith(VOLUNTEER_GROUP, "Вопрос, который сразу отменят");
            ticket = number(announcement.text());
            TELEGRAM.sendText(refugee, "/cancel");
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> "CLOSED".equals(jdbc.sql(
                    "select status from ticket where id = ?").param(ticket).query(String.class).single()));
        } finally {
            TELEGRAM.holdResponses(false);
        }
        assertThat(TELEGRAM.awaitBotMessage(VOLUNTEER_GROUP, m -> m.messageId() == announcement.messageId()
                && m.edits() > 0, WAIT).text()).isEqualTo("🚫 Заявка #" + ticket + " — отменена гостем");
    }

    /**
     * A question the bot could not answer, then "Ask a volunteer" under that answer: the bot offers to send that very
     * question, quoted, with one button, and says the country the question named (the person chose none in their
     * profile); the ticket is the question, with that country, and the question is kept no longer. Before, the person
     * was asked to describe their question again, and told the volunteers would see "страну (не указана)".
     */
    @Test
    void askAVolunteerUnderAnAnswerOffersToSendThatVeryQuestion() {
        EmulatedUser anna = newUser("ru");
        String question = "у меня загран истекает через 2 месяца, где его продлить если я в алмате, в консульстве "
                + "очередь на полгода";
        BotMessage unsure = ask(anna, question);
        assertThat(unsure.text()).contains("Не уверен");
        int before = TELEGRAM.botMessages(anna.id()).size();
        press(anna, unsure, askVolunteer(unsure));
        BotMessage offer = TELEGRAM.awaitBotMessages(anna.id(), before + 1, WAIT).get(before);
        assertThat(offer.text()).contains(question, "Казахстан", "не увидят").doesNotContain("не указана");
        String send = offer.button("Отправить этот вопрос").orElseThrow().callbackData();

        press(anna, offer, send);
        BotMessage created = awaitMessageWith(anna.id(), "создана");
        long ticket = number(created.text());
        TELEGRAM.awaitBotMessage(anna.id(), m -> m.messageId() == offer.messageId() && m.buttons().isEmpty(), WAIT);
        assertThat(awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket).text()).contains("Казахстан", question);
        assertThat(jdbc.sql("select description from ticket where id = ?").param(ticket).query(String.class).single())
                .isEqualTo(question);
        assertThat(jdbc.sql("select count(*) from held_question where user_id = ?").param(anna.id())
                .query(Integer.class).single()).as("kept only until the ticket is made").isZero();
        assertThat(press(anna, offer, send)).as("a second press makes no second ticket").contains("больше не работает");
        assertThat(ask(anna, "/cancel").text()).contains("Заявка #" + ticket + " закрыта");
    }

    /**
     * /human typed after a question, as people do instead of pressing the button under the answer: the question is
     * offered for sending too. Before, /human always asked for the question again.
     */
    @Test
    void slashHumanAfterAQuestionOffersToSendIt() {
        EmulatedUser vika = newUser("ru");
        String question = "у меня загран истекает через 2 месяца, где его продлить если я в алмате";
        ask(vika, question);
        BotMessage offer = ask(vika, "/human");
        assertThat(offer.text()).contains(question, "Казахстан");
        press(vika, offer, offer.button("Отправить этот вопрос").orElseThrow().callbackData());
        long ticket = number(awaitMessageWith(vika.id(), "создана").text());
        assertThat(jdbc.sql("select description from ticket where id = ?").param(ticket).query(String.class).single())
                .isEqualTo(question);
        assertThat(ask(vika, "/cancel").text()).contains("Заявка #" + ticket + " закрыта");

        EmulatedUser nobody = newUser("ru");
        assertThat(ask(nobody, "/human").text()).startsWith("Опишите коротко");
    }

    /**
     * The country pressed under "which country?" goes with the question to the offer and the ticket; the person may
     * write another text instead, which becomes the ticket. "Ask a volunteer" under an older answer, after another
     * question, offers nothing to send.
     */
    @Test
    void theCountryPressedForAQuestionGoesWithItAndAnotherTextMayBeWrittenInstead() {
        EmulatedUser boris = newUser("ru");
        BotMessage older = ask(boris, "как снять квартиру в ташкенте");
        BotMessage which = ask(boris, "сколько можно находиться без регистрации");
        assertThat(which.text()).startsWith("О какой стране вопрос?");
        int before = TELEGRAM.botMessages(boris.id()).size();
        press(boris, which, which.button("Казахстан").orElseThrow().callbackData());
        BotMessage answer = TELEGRAM.awaitBotMessages(boris.id(), before + 1, WAIT).get(before);

        before = TELEGRAM.botMessages(boris.id()).size();
        press(boris, older, askVolunteer(older));
        BotMessage plain = TELEGRAM.awaitBotMessages(boris.id(), before + 1, WAIT).get(before);
        assertThat(plain.text()).startsWith("Опишите коротко").contains("не указана")
                .doesNotContain("сколько можно находиться");
        assertThat(plain.button("Отправить этот вопрос")).isEmpty();

        before = TELEGRAM.botMessages(boris.id()).size();
        press(boris, answer, askVolunteer(answer));
        BotMessage offer = TELEGRAM.awaitBotMessages(boris.id(), before + 1, WAIT).get(before);
        assertThat(offer.text()).contains("сколько можно находиться без регистрации", "Казахстан");
        BotMessage created = ask(boris, "Я в Алматы уже 80 дней без регистрации, что делать?");
        long ticket = number(created.text());
        assertThat(jdbc.sql("select description || ' / ' || country from ticket where id = ?").param(ticket)
                .query(String.class).single()).isEqualTo("Я в Алматы уже 80 дней без регистрации, что делать? / KZ");
        assertThat(jdbc.sql("select count(*) from held_question where user_id = ?").param(boris.id())
                .query(Integer.class).single()).isZero();
        assertThat(ask(boris, "/cancel").text()).contains("Заявка #" + ticket + " закрыта");
    }

    private static String askVolunteer(BotMessage answer) {
        return answer.allButtons().stream().map(BotMessage.InlineButton::callbackData)
                .filter(data -> data.startsWith("human")).findFirst().orElseThrow();
    }

    /**
     * An edit can come before the bot has heard that the message it edits was delivered (Telegram took the copy, its
     * answer is on its way): the edit waits for it instead of being lost.
     */
    @Test
    void anEditOfAMessageWhoseCopyIsStillOnItsWayFollowsIt() {
        EmulatedUser vera = volunteer("Вера-правка");
        EmulatedUser refugee = newUser("ru");
        long ticket = openTicket(refugee, "Вопрос про правки");
        press(vera, awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket), "take:" + ticket);
        awaitMessageWith(refugee.id(), "взял");
        awaitMessageWith(vera.id(), "Вопрос про правки"); // the ticket's header: nothing of the take still on its way
        // and Telegram's answers to them are in: a message seen in the chat may still await its answer, and holding
        // that answer would keep everything after it in its chat (the relay below) from going
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from outbox where "
                + "chat_id in (?, ?)").params(vera.id(), refugee.id()).query(Integer.class).single() == 0);
        TELEGRAM.holdResponses(true);
        try {
            int said = TELEGRAM.sendText(vera, "Первый вариант ответа");
            awaitMessageWith(refugee.id(), "Первый вариант ответа");
            TELEGRAM.editText(vera, said, "Исправленный ответ");
        } finally {
            TELEGRAM.holdResponses(false);
        }
        awaitMessageWith(refugee.id(), "Исправленный ответ");
        ask(vera, "/close");
    }

    private static int headers(EmulatedUser volunteer, long ticket) {
        return (int) TELEGRAM.botMessages(volunteer.id()).stream()
                .filter(m -> m.text().startsWith("🎫 Заявка #" + ticket)).count();
    }

    private EmulatedUser volunteer(String name) {
        EmulatedUser user = newUser("ru");
        BotMessage invite = ask(ADMIN, "/invite");
        Matcher code = Pattern.compile("start=(inv_[A-Za-z0-9_-]+)").matcher(invite.text());
        assertThat(code.find()).isTrue();
        assertThat(ask(user, "/start " + code.group(1)).text()).contains("Добро пожаловать");
        assertThat(ask(user, "/start " + code.group(1)).text()).contains("недействительна");
        assertThat(ask(user, "/me name " + name).text()).contains("Сохранено");
        return user;
    }

    private long openTicket(EmulatedUser refugee, String question) {
        assertThat(ask(refugee, "/human").text()).contains("не увидят"); // asks for the question or offers the last one
        return number(ask(refugee, question).text());
    }

    private static long number(String text) {
        Matcher m = TICKET.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}

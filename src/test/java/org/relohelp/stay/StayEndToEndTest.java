package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Texts;
import org.relohelp.cluster.NotLeading;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Until when may I stay?" answered for the user's own dates, and reminded in time. */
class StayEndToEndTest extends EndToEndTest {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("ru"));

    @Autowired
    ReminderDesk reminderDesk;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    CountryTime countryTime;
    @Autowired
    StayView stayView;
    @Autowired
    Messenger messenger;
    @Autowired
    Texts texts;
    @Autowired
    Reminders reminders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void countsTheStayWithEarlierTripsAndSetsAReminder() {
        EmulatedUser user = newUser("ru");
        press(user, ask(user, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Almaty")));

        assertThat(ask(user, "/stay").text()).contains("Казахстан", "когда вы въехали");
        assertThat(ask(user, "31.02.2025").text()).contains("Не понял дату");
        assertThat(ask(user, today.plusDays(3).format(TYPED)).text()).contains("ещё не наступила");
        BotMessage trips = ask(user, today.minusDays(20).format(TYPED));
        assertThat(trips.text()).contains("180", "поездки");
        assertThat(ask(user, today.minusDays(150).format(TYPED) + " – " + today.minusDays(121).format(TYPED)).text())
                .contains("Добавил: " + today.minusDays(150).format(SHOWN));
        BotMessage result = ask(user, "готово");
        // 30 trip days + 21 here; the trip leaves the window while days here come in: 90 reached on today + 69
        assertThat(result.text()).contains("использовано дней — 51, осталось — 69",
                "Последний законный день: " + today.plusDays(69).format(SHOWN), "90 дней в любые 180 дней",
                "Источники:", "не юридическая гарантия",
                // as honest as an article: the facts' age is their oldest source's date, and no person has checked
                "(сведения от ", "Человек эти правила с источниками ещё не сверял.").doesNotContain("проверено");

        String week = result.button("За 7 дней").orElseThrow().callbackData();
        assertThat(press(user, result, week)).contains("Напомню", today.plusDays(62).format(SHOWN));
        BotMessage marked = TELEGRAM.awaitBotMessage(user.id(), m -> m.messageId() == result.messageId()
                && m.button("✅").isPresent(), WAIT);
        assertThat(marked.button("✅ Напомню за 7 дней")).isPresent();
        assertThat(marked.button("За 1 день")).as("the other reminders still offered").isPresent();
        assertThat(marked.text()).isEqualTo(result.text());
        assertThat(press(user, result, week)).contains("уже есть");
        assertThat(ask(user, "/privacy").text()).contains("Напоминание: 🇰🇿 Казахстан · за 7 дней до "
                + today.plusDays(69).format(SHOWN) + " — ждёт отправки");
        BotMessage list = ask(user, "/reminders");
        assertThat(list.allButtons()).hasSize(1);
        assertThat(press(user, list, list.allButtons().get(0).callbackData())).contains("отменено");
        assertThat(reminders.pendingFor(user.id())).isEmpty();
        assertThat(press(user, list, "remind:0:1999-01-01:KZ")).contains("больше не работает");
    }

    @Test
    void askingUntilWhenStartsTheCountAndUnverifiedLimitsAreNotComputed() {
        EmulatedUser user = newUser("ru");
        BotMessage ask = ask(user, "до какого числа мне можно быть тут?");
        assertThat(ask.text()).contains("В какой стране");
        press(user, ask, "stay:c:UZ");
        TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        BotMessage result = ask(user, "вчера");
        assertThat(result.text()).contains("не знаю", "не позже").doesNotContain("Последний законный день");
        assertThat(result.button("О регистрации")).isPresent();

        BotMessage article = ask(user, "сколько можно находиться в грузии");
        assertThat(article.allButtons()).extracting(BotMessage.InlineButton::callbackData).contains("stay:start:GE");
    }

    @Test
    void aQuestionWithTheEntryDateGoesStraightOn() {
        EmulatedUser user = inKazakhstan();
        LocalDate first = latest(10, 1);
        BotMessage trips = ask(user, "до какого числа мне можно быть в казахстане если въехал 1 октября");
        assertThat(trips.text()).contains("Казахстан, въезд " + first.format(SHOWN), "180")
                .doesNotContain("когда вы въехали");
        press(user, trips, "stay:done");
        assertThat(awaitMessageWith(user.id(), "использовано дней").text()).contains("Въезд: " + first.format(SHOWN));
    }

    /** «в конце сентября 22го» was counted from 22 September of this year: four years of the stay lost. */
    @Test
    void aMonthAndYearWithoutADayIsAskedForTheDay() {
        EmulatedUser user = inKazakhstan();
        assertThat(ask(user, "/stay").text()).contains("когда вы въехали");
        assertThat(ask(user, "в конце сентября 22го").text()).contains("09.2022", "какого числа")
                .doesNotContain("использовано дней", "поездки");
        assertThat(ask(user, "28.09.2022").text()).contains("Казахстан, въезд 28 сентября 2022");
    }

    @Test
    void aCityInTheQuestionChoosesTheCountry() {
        EmulatedUser user = inKazakhstan();
        assertThat(ask(user, "до какого числа мне можно быть в Бишкеке").text())
                .contains("Кыргызстан: когда вы въехали").doesNotContain("Казахстан");
    }

    @Test
    void aCityAndDateTypedInLatinLettersFillTheCount() {
        EmulatedUser user = newUser("ru");
        assertThat(ask(user, "/stay").text()).contains("В какой стране");
        assertThat(ask(user, "v almaty s 3 sentyabrya").text())
                .contains("Казахстан, въезд " + latest(9, 3).format(SHOWN));
    }

    @Test
    void anEnglishQuestionWithTheCountryAndDate() {
        EmulatedUser emma = newUser("en");
        assertThat(ask(emma, "until when can I stay in Kyrgyzstan? I entered on 1 October").text())
                .contains("Kyrgyzstan, entry on " + latest(10, 1).format(DateTimeFormatter.ofPattern("d MMMM yyyy",
                        Locale.ENGLISH)));
    }

    @Test
    void theCountButtonUnderACountrysArticleCarriesTheCountry() {
        EmulatedUser user = newUser("ru");
        press(user, ask(user, "/start"), "country:GE");
        BotMessage greeting = TELEGRAM.awaitBotMessages(user.id(), 2, WAIT).get(1);
        press(user, greeting, "stay:start:KZ");
        assertThat(TELEGRAM.awaitBotMessages(user.id(), 3, WAIT).get(2).text())
                .contains("Казахстан: когда вы въехали").doesNotContain("Грузия", "В какой стране");
    }

    @Test
    void questionsDuringACountAreAnsweredAndTheCountIsOfferedAgain() {
        EmulatedUser user = inKazakhstan();
        assertThat(ask(user, "/stay").text()).contains("когда вы въехали");

        List<BotMessage> iin = say(user, "как получить ИИН?", 2);
        assertThat(iin.get(0).text()).contains("ИИН", "Источники").doesNotContain("Не понял дату");
        assertThat(iin.get(1).text()).startsWith("🧮 Продолжим подсчёт дней").contains("когда вы въехали");
        assertThat(iin.get(1).allButtons()).extracting(BotMessage.InlineButton::callbackData).contains("stay:cancel");
        List<BotMessage> rent = say(user, "сколько стоит аренда квартиры в Алматы?", 2);
        assertThat(rent.get(0).text()).doesNotContain("Не понял дату", "Продолжим");
        assertThat(rent.get(1).text()).startsWith("🧮 Продолжим подсчёт дней");
        String unanswerable = "где починить самокат для жирафа " + user.id() + "?";
        List<BotMessage> nothing = say(user, unanswerable, 2);
        assertThat(nothing.get(0).text()).contains("не нашёл ответа");
        assertThat(nothing.get(1).text()).startsWith("🧮 Продолжим подсчёт дней");
        assertThat(jdbc.sql("select count(*) from unanswered_question where question = ?").param(unanswerable)
                .query(Integer.class).single()).as("kept for /gaps").isEqualTo(1);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        assertThat(ask(user, today.minusDays(5).format(TYPED)).text()).as("the count went on").contains("180", "поездки");
        assertThat(ask(user, "нет").text()).contains("использовано дней — 6, осталось — 84");
    }

    @Test
    void theWordCancelEndsACount() {
        EmulatedUser user = inKazakhstan();
        ask(user, "/stay");
        assertThat(ask(user, "отмена").text()).contains("подсчёт дней отменён");
        assertCountEnded(user);
        assertThat(ask(user, "1 октября").text()).doesNotContain("Казахстан, въезд", "Не понял дату");
        // the Cancel button's label, typed or copied with its emoji, as every step reads it
        ask(user, "/stay");
        assertThat(ask(user, "✖️ Отмена").text()).contains("подсчёт дней отменён");
        assertCountEnded(user);
    }

    @Test
    void helpAndStartInTheMiddleEndTheCountSayItAndDoTheirJob() {
        EmulatedUser user = inKazakhstan();
        ask(user, "/stay");
        List<BotMessage> help = say(user, "/help", 2);
        assertThat(help.get(0).text()).isEqualTo("🧮 Подсчёт дней прерван. Начать заново: /stay");
        assertThat(help.get(1).text()).contains("Что я умею");
        assertCountEnded(user);

        ask(user, "/stay");
        List<BotMessage> start = say(user, "/start", 2);
        assertThat(start.get(0).text()).startsWith("🧮 Подсчёт дней прерван");
        assertThat(start.get(1).allButtons()).extracting(BotMessage.InlineButton::callbackData).contains("country:KZ");
        assertCountEnded(user);
    }

    @Test
    void slashCancelEndsACount() {
        EmulatedUser user = inKazakhstan();
        ask(user, "/stay");
        assertThat(ask(user, "/cancel").text()).contains("подсчёт дней отменён").doesNotContain("Отменять нечего");
        assertCountEnded(user);
    }

    @Test
    void theCancelButtonEndsACount() {
        EmulatedUser user = inKazakhstan();
        BotMessage asking = ask(user, "/stay");
        int before = TELEGRAM.botMessages(user.id()).size();
        press(user, asking, asking.button("Отмена").orElseThrow().callbackData());
        assertThat(TELEGRAM.awaitBotMessages(user.id(), before + 1, WAIT).get(before).text())
                .contains("подсчёт дней отменён");
        assertCountEnded(user);
    }

    @Test
    void askingForAVolunteerEndsACount() {
        EmulatedUser user = inKazakhstan();
        BotMessage asking = ask(user, "/stay");
        int before = TELEGRAM.botMessages(user.id()).size();
        press(user, asking, "human");
        List<BotMessage> volunteer = TELEGRAM.awaitBotMessages(user.id(), before + 2, WAIT).subList(before, before + 2);
        assertThat(volunteer.get(0).text()).startsWith("🧮 Подсчёт дней прерван");
        assertThat(volunteer.get(1).text()).contains("Опишите коротко ваш вопрос");
        assertCountEnded(user);
    }

    @Test
    void anArticlePressedDuringACountIsShownAndTheCountGoesOn() {
        EmulatedUser user = newUser("ru");
        BotMessage countries = ask(user, "/stay");
        press(user, countries, "stay:c:KZ");
        TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        List<BotMessage> unclear = say(user, "сколько можно находиться без регистрации", 2);
        String article = unclear.get(0).allButtons().stream().map(BotMessage.InlineButton::callbackData)
                // an article offered as a suggestion, or for a country the bot asks about
                .filter(a -> a.startsWith("art:") || a.startsWith("wc:kz")).findFirst().orElseThrow();
        int before = TELEGRAM.botMessages(user.id()).size();
        press(user, unclear.get(0), article);
        List<BotMessage> shown = TELEGRAM.awaitBotMessages(user.id(), before + 2, WAIT).subList(before, before + 2);
        assertThat(shown.get(0).text()).contains("Источники:");
        assertThat(shown.get(1).text()).startsWith("🧮 Продолжим подсчёт дней");
        assertThat(ask(user, "вчера").text()).contains("Казахстан, въезд", "поездки");
    }

    @Test
    void tripsAreReadInEveryFormTheEntryDateIs() {
        EmulatedUser user = inKazakhstan();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        ask(user, "/stay");
        assertThat(ask(user, today.minusDays(10).format(TYPED)).text()).contains("поездки");

        assertThat(ask(user, today.minusDays(100) + " – " + today.minusDays(91)).text()).as("ISO")
                .contains("Добавил: " + today.minusDays(100).format(SHOWN) + " – " + today.minusDays(91).format(SHOWN));
        assertThat(ask(user, "с " + today.minusDays(80).format(TYPED) + " по " + today.minusDays(71).format(TYPED))
                .text()).as("с … по …").contains("Добавил: " + today.minusDays(80).format(SHOWN));
        press(user, TELEGRAM.botMessages(user.id()).get(TELEGRAM.botMessages(user.id()).size() - 1), "stay:done");
        // 10 + 10 trip days + 11 here; both trips stay in the window until today + 80, so 90 on today + 59
        assertThat(awaitMessageWith(user.id(), "использовано дней").text())
                .contains("использовано дней — 31, осталось — 59", "Последний законный день: "
                        + today.plusDays(59).format(SHOWN));
    }

    @Test
    void anEnglishTripInOctoberIsRead() {
        EmulatedUser user = inKazakhstan();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        ask(user, "/stay");
        ask(user, today.minusDays(10).format(TYPED));
        int year = today.getYear() - 2;
        assertThat(ask(user, "1 October " + year + " – 5 November " + year).text())
                .contains("Добавил: 1 октября " + year + " – 5 ноября " + year);
    }

    @Test
    void aTripThatCouldNotBeReadIsNeverDroppedSilently() {
        EmulatedUser user = inKazakhstan();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        ask(user, "/stay");
        ask(user, today.minusDays(10).format(TYPED));
        BotMessage unread = ask(user, "летом, недели две");
        assertThat(unread.text()).contains("Не понял поездку");
        int before = TELEGRAM.botMessages(user.id()).size();
        press(user, unread, "stay:done");
        BotMessage pending = TELEGRAM.awaitBotMessages(user.id(), before + 1, WAIT).get(before);
        assertThat(pending.text()).contains("Последнюю поездку я не понял").doesNotContain("использовано дней");
        press(user, pending, pending.button("без неё").orElseThrow().callbackData());
        assertThat(awaitMessageWith(user.id(), "использовано дней").text()).contains("использовано дней — 11");
    }

    @Test
    void privacyListsACountInProgressWithItsDates() {
        EmulatedUser user = inKazakhstan();
        ask(user, "/stay");
        ask(user, "5 января 2026");
        ask(user, "с 1 по 10 ноября 2025");
        assertThat(ask(user, "/privacy").text()).contains("Незаконченный подсчёт дней (/stay): 🇰🇿 Казахстан, "
                + "въезд 5 января 2026, прежние поездки: 1 ноября 2025 – 10 ноября 2025", "/forget");
    }

    /** Sends a text and returns the bot's next {@code count} messages. */
    private static List<BotMessage> say(EmulatedUser user, String text, int count) {
        int before = TELEGRAM.botMessages(user.id()).size();
        TELEGRAM.sendText(user, text);
        return TELEGRAM.awaitBotMessages(user.id(), before + count, WAIT).subList(before, before + count);
    }

    private static EmulatedUser inKazakhstan() {
        EmulatedUser user = newUser("ru");
        press(user, ask(user, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        return user;
    }

    private void assertCountEnded(EmulatedUser user) {
        assertThat(jdbc.sql("select count(*) from stay_session where user_id = ?").param(user.id())
                .query(Integer.class).single()).as("no count in progress").isZero();
    }

    /** The latest such day not after today in Kazakhstan: what «1 октября» without a year means. */
    private static LocalDate latest(int month, int day) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        LocalDate date = LocalDate.of(today.getYear(), month, day);
        return date.isAfter(today) ? date.minusYears(1) : date;
    }

    @Test
    void aReminderDueWhileTheBotWasDownGoesOutOnceAndNotToABlockedUser() {
        EmulatedUser user = newUser("ru");
        ask(user, "/start");
        LocalDateTime past = LocalDateTime.now(clock).minusHours(3);
        reminders.add(user.id(), Country.KZ, Reminders.Kind.DAY_BEFORE, LocalDate.now(clock).plusDays(1), past, Language.RU);
        reminderDesk.sendDue();
        reminderDesk.sendDue();
        awaitMessageWith(user.id(), "последний законный день");
        assertThat(TELEGRAM.botMessages(user.id()).stream().filter(m -> m.text().contains("Напоминание"))).hasSize(1);

        reminders.add(user.id(), Country.KZ, Reminders.Kind.REGISTRATION, LocalDate.now(clock).plusDays(2), past,
                Language.RU);
        jdbc.sql("update reminder set state = 'SENDING' where user_id = ? and kind = 'REGISTRATION'")
                .param(user.id()).update();
        reminderDesk.releaseInterruptedSends();
        reminderDesk.sendDue();
        awaitMessageWith(user.id(), "зарегистрироваться");

        EmulatedUser blocker = newUser("ru");
        ask(blocker, "/start");
        reminders.add(blocker.id(), Country.KZ, Reminders.Kind.WEEK_BEFORE, LocalDate.now(clock).plusDays(7), past,
                Language.RU);
        reminders.add(blocker.id(), Country.KZ, Reminders.Kind.DAY_BEFORE, LocalDate.now(clock).plusDays(7),
                past.plusDays(6), Language.RU);
        TELEGRAM.block(blocker);
        reminderDesk.sendDue();
        // Telegram's 403 comes back with the delivery, after the commit: then the rest is cancelled
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from reminder where user_id = ? and state = 'PENDING'").param(blocker.id())
                .query(Integer.class).single()).isZero());
    }

    @Test
    void anInstanceThatDoesNotLeadSendsNoReminder() {
        EmulatedUser user = newUser("ru");
        ask(user, "/start");
        LocalDateTime past = LocalDateTime.now(clock).minusHours(3);
        reminders.add(user.id(), Country.KZ, Reminders.Kind.DAY_BEFORE, LocalDate.now(clock).plusDays(1), past, Language.RU);
        ReminderDesk follower = new ReminderDesk(reminders, countryTime, stayView, messenger, texts, new NotLeading(),
                transaction);

        follower.sendDue();

        assertThat(jdbc.sql("select state from reminder where user_id = ?").param(user.id()).query(String.class)
                .single()).isEqualTo("PENDING");
        reminderDesk.sendDue();
        awaitMessageWith(user.id(), "последний законный день");
    }
}

package org.relohelp.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    @Test
    void countsTheStayWithEarlierTripsAndSetsAReminder() {
        EmulatedUser user = newUser("ru");
        press(user, ask(user, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));

        assertThat(ask(user, "/stay").text()).contains("Казахстан", "когда вы въехали");
        assertThat(ask(user, "31.02.2025").text()).contains("Не понял дату");
        assertThat(ask(user, today.plusDays(3).format(TYPED)).text()).contains("ещё не наступила");
        BotMessage trips = ask(user, today.minusDays(20).format(TYPED));
        assertThat(trips.text()).contains("180", "поездки");
        assertThat(ask(user, today.minusDays(150).format(TYPED) + " – " + today.minusDays(121).format(TYPED)).text())
                .contains("Добавил поездку");
        BotMessage result = ask(user, "готово");
        assertThat(result.text()).contains("использовано дней — 51, осталось — 39",
                "Последний законный день: " + today.plusDays(69).format(SHOWN), "90 дней в любые 180 дней",
                "Источники:", "Проверено".toLowerCase(), "не юридическая гарантия");

        String week = result.button("За 7 дней").orElseThrow().callbackData();
        assertThat(press(user, result, week)).contains("Напомню", today.plusDays(62).format(SHOWN));
        assertThat(press(user, result, week)).contains("уже есть");
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
    void aReminderDueWhileTheBotWasDownGoesOutOnceAndNotToABlockedUser() {
        EmulatedUser user = newUser("ru");
        ask(user, "/start");
        LocalDateTime past = LocalDateTime.now(ZoneOffset.UTC).minusHours(3);
        reminders.add(user.id(), Country.KZ, Reminders.Kind.DAY_BEFORE, LocalDate.now().plusDays(1), past, Language.RU);
        reminderDesk.sendDue();
        reminderDesk.sendDue();
        awaitMessageWith(user.id(), "последний законный день");
        assertThat(TELEGRAM.botMessages(user.id()).stream().filter(m -> m.text().contains("Напоминание"))).hasSize(1);

        reminders.add(user.id(), Country.KZ, Reminders.Kind.REGISTRATION, LocalDate.now().plusDays(2), past,
                Language.RU);
        jdbc.sql("update reminder set state = 'SENDING' where user_id = ? and kind = 'REGISTRATION'")
                .param(user.id()).update();
        reminderDesk.releaseInterruptedSends();
        reminderDesk.sendDue();
        awaitMessageWith(user.id(), "зарегистрироваться");

        EmulatedUser blocker = newUser("ru");
        ask(blocker, "/start");
        reminders.add(blocker.id(), Country.KZ, Reminders.Kind.WEEK_BEFORE, LocalDate.now().plusDays(7), past,
                Language.RU);
        reminders.add(blocker.id(), Country.KZ, Reminders.Kind.DAY_BEFORE, LocalDate.now().plusDays(7),
                past.plusDays(6), Language.RU);
        TELEGRAM.block(blocker);
        reminderDesk.sendDue();
        assertThat(jdbc.sql("select count(*) from reminder where user_id = ? and state = 'PENDING'")
                .param(blocker.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void anInstanceThatDoesNotLeadSendsNoReminder() {
        EmulatedUser user = newUser("ru");
        ask(user, "/start");
        LocalDateTime past = LocalDateTime.now(ZoneOffset.UTC).minusHours(3);
        reminders.add(user.id(), Country.KZ, Reminders.Kind.DAY_BEFORE, LocalDate.now().plusDays(1), past, Language.RU);
        ReminderDesk follower = new ReminderDesk(reminders, countryTime, stayView, messenger, texts, new NotLeading());

        follower.sendDue();

        assertThat(jdbc.sql("select state from reminder where user_id = ?").param(user.id()).query(String.class)
                .single()).isEqualTo("PENDING");
        reminderDesk.sendDue();
        awaitMessageWith(user.id(), "последний законный день");
    }
}

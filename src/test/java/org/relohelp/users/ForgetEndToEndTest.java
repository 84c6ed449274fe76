package org.relohelp.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the bot keeps about a person, and that /forget and retention really remove it. */
@ExtendWith(OutputCaptureExtension.class)
class ForgetEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Forgetting forgetting;
    @Autowired
    Clock clock;

    @Test
    void forgetLeavesNoRowMentioningTheUserAndLogsCarryNoWords(CapturedOutput output) {
        EmulatedUser vera = volunteer();
        EmulatedUser refugee = new EmulatedUser(nextId(), "Шпинатова", "ru");
        press(refugee, ask(refugee, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(refugee.id(), 2, WAIT);
        ask(refugee, "где найти шпинатный ЦОН для ИИН");
        ask(refugee, "/human");
        long ticket = number(ask(refugee, "Секретный вопрос про шпинат и регистрацию").text());
        TELEGRAM.sendText(vera, "/take " + ticket);
        awaitMessageWith(vera.id(), "Гость #" + ticket);
        TELEGRAM.sendText(refugee, "моя шпинатная история");
        awaitMessageWith(vera.id(), "шпинатная история");
        TELEGRAM.sendText(vera, "ответ про шпинат");
        awaitMessageWith(refugee.id(), "ответ про шпинат");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Almaty")));
        ask(refugee, "/stay");
        TELEGRAM.sendText(refugee, today.minusDays(5).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        BotMessage trips = awaitMessageWith(refugee.id(), "поездки");
        press(refugee, trips, "stay:done");
        BotMessage count = awaitMessageWith(refugee.id(), "Последний законный день");
        press(refugee, count, count.button("За 7 дней").orElseThrow().callbackData());
        assertThat(ask(refugee, "/privacy").text()).contains("Гость #N", "/forget");

        BotMessage confirm = ask(refugee, "/forget");
        assertThat(confirm.text()).contains("Удалить всё");
        press(refugee, confirm, "forget:yes");
        TELEGRAM.awaitBotMessage(refugee.id(), m -> m.messageId() == confirm.messageId()
                && m.text().contains("всё о вас удалено"), WAIT);
        awaitMessageWith(vera.id(), "покинул(а) чат");

        assertThat(rowsMentioning(refugee.id())).isEmpty();
        assertThat(output.getAll()).doesNotContain("шпинат", "Шпинат", "Секретный", "Шпинатова", TOKEN);

        BotMessage volunteerConfirm = ask(vera, "/forget");
        press(vera, volunteerConfirm, "forget:yes");
        TELEGRAM.awaitBotMessage(vera.id(), m -> m.text().contains("всё о вас удалено"), WAIT);
        assertThat(rowsMentioning(vera.id())).isEmpty();
    }

    /**
     * The last question, held for "Ask a volunteer" under its answer: /privacy lists it, /forget deletes it, and it
     * goes once its hour is over (the purge, or the check every 30 seconds).
     */
    @Test
    void theQuestionHeldForAskAVolunteerIsListedForgottenAndExpires(CapturedOutput output) {
        EmulatedUser asker = new EmulatedUser(nextId(), "Щавелева", "ru");
        ask(asker, "где щавелевый ЦОН для ИИН в Алматы");
        assertThat(rowsMentioning(asker.id())).containsKey("HELD_QUESTION.USER_ID");
        assertThat(ask(asker, "/privacy").text()).contains("последний вопрос", "60 мин");
        BotMessage confirm = ask(asker, "/forget");
        press(asker, confirm, "forget:yes");
        TELEGRAM.awaitBotMessage(asker.id(), m -> m.messageId() == confirm.messageId()
                && m.text().contains("всё о вас удалено"), WAIT);
        assertThat(rowsMentioning(asker.id())).isEmpty();
        assertThat(output.getAll()).doesNotContain("щавел", "Щавел");

        EmulatedUser later = newUser("ru");
        ask(later, "где получить ИИН в Алматы");
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("update held_question set created_at = ? where user_id = ?").params(now.minusMinutes(61), later.id())
                .update();
        forgetting.purge(now);
        assertThat(jdbc.sql("select count(*) from held_question where user_id = ?").param(later.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void retentionPurgesOldBusinessAndForgetsBlockedAndInactiveUsers() {
        EmulatedUser blocked = newUser("ru");
        EmulatedUser inactive = newUser("ru");
        EmulatedUser waitingForReminder = newUser("ru");
        EmulatedUser active = newUser("ru");
        for (EmulatedUser u : List.of(blocked, inactive, waitingForReminder, active)) {
            ask(u, "/start");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("update profile set blocked_at = ? where user_id = ?").params(now.minusDays(8), blocked.id()).update();
        jdbc.sql("update profile set last_seen_at = ? where user_id in (?, ?)")
                .params(now.minusDays(31), inactive.id(), waitingForReminder.id()).update();
        jdbc.sql("insert into reminder (user_id, country, kind, event_date, send_at, state, language, created_at) "
                        + "values (?, 'KZ', 'WEEK_BEFORE', ?, ?, 'PENDING', 'ru', ?)")
                .params(waitingForReminder.id(), now.plusDays(40).toLocalDate(), now.plusDays(33), now).update();
        jdbc.sql("insert into unanswered_question (question, language, asked_at) values ('old', 'ru', ?)")
                .param(now.minusDays(31)).update();
        jdbc.sql("insert into ticket (user_id, language, description, status, created_at, queued_at, closed_at) "
                + "values (?, 'ru', 'old', 'CLOSED', ?, ?, ?)").params(active.id(), now.minusDays(40), now.minusDays(40),
                now.minusDays(31)).update();

        forgetting.purge(now);

        assertThat(rowsMentioning(blocked.id())).isEmpty();
        assertThat(rowsMentioning(inactive.id())).isEmpty();
        assertThat(rowsMentioning(waitingForReminder.id())).isNotEmpty();
        assertThat(rowsMentioning(active.id())).containsOnlyKeys("PROFILE.USER_ID");
        assertThat(jdbc.sql("select count(*) from unanswered_question where asked_at < ?").param(now.minusDays(30))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void writingAgainMakesAUserActiveAndNoLongerBlocked() {
        EmulatedUser back = newUser("ru");
        EmulatedUser recent = newUser("ru");
        ask(back, "/start");
        ask(recent, "/start");
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("update profile set blocked_at = ?, last_seen_at = ? where user_id = ?")
                .params(now.minusDays(3), now.minusDays(3), back.id()).update();
        LocalDateTime recentlySeen = now.minusSeconds(20).withNano(0);
        jdbc.sql("update profile set last_seen_at = ? where user_id = ?").params(recentlySeen, recent.id()).update();

        ask(back, "/help");
        ask(recent, "/help");

        assertThat(jdbc.sql("select blocked_at is null and last_seen_at > ? from profile where user_id = ?")
                .params(now.minusMinutes(1), back.id()).query(Boolean.class).single()).isTrue();
        // seen within the minute: not written again
        assertThat(jdbc.sql("select last_seen_at from profile where user_id = ?").param(recent.id())
                .query(LocalDateTime.class).single()).isEqualTo(recentlySeen);
    }

    /** Every BIGINT column of every table, searched for the id: "table.column" to the number of rows. */
    /** The rows that mention a person once the messages already sent to them are off the outbox (a row lives
     *  there from the commit that queues it until Telegram's answer is recorded, a moment after the person sees it). */
    private Map<String, Integer> rowsMentioning(long userId) {
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from outbox where chat_id = ?").param(userId)
                .query(Integer.class).single() == 0);
        List<String> columns = jdbc.sql("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = 'PUBLIC' and data_type = 'BIGINT' and table_name <> 'flyway_schema_history'")
                .query(String.class).list();
        assertThat(columns).contains("PROFILE.USER_ID", "TICKET.USER_ID", "MESSAGE_PAIR.REFUGEE_CHAT",
                "REMINDER.USER_ID", "VOLUNTEER.USER_ID");
        Map<String, Integer> found = new java.util.TreeMap<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            int rows = jdbc.sql("select count(*) from \"" + parts[0] + "\" where \"" + parts[1] + "\" = ?")
                    .param(userId).query(Integer.class).single();
            if (rows > 0) {
                found.put(column, rows);
            }
        }
        return found;
    }

    private static long nextId() {
        return newUser("ru").id();
    }

    private EmulatedUser volunteer() {
        EmulatedUser user = newUser("ru");
        Matcher code = Pattern.compile("start=(inv_\\S+)").matcher(ask(ADMIN, "/invite").text());
        assertThat(code.find()).isTrue();
        ask(user, "/start " + code.group(1));
        return user;
    }

    private static long number(String text) {
        Matcher m = Pattern.compile("#(\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}

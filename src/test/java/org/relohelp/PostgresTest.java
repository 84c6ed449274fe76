package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.relohelp.users.Forgetting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The postgres profile on a real PostgreSQL server: every migration applies, the schema is the one H2 gets, and
 * the features work end to end through the real client — the first conversation with feedback, the volunteer
 * handoff, the admins' statistics, drafts and broadcasts, the stay count with a reminder, /forget and the
 * retention purge. The repositories' own behaviour
 * on PostgreSQL is in the *OnPostgresTest classes of each feature package.
 */
class PostgresTest extends PostgresEndToEndTest {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("ru"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    FlywayProperties flywayProperties;
    @Autowired
    Forgetting forgetting;
    @Autowired
    Clock clock;

    @Test
    void everyMigrationIsAppliedAndValidOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        List<String> applied = java.util.Arrays.stream(flyway.info().applied()).map(m -> m.getVersion().getVersion())
                .toList();
        assertThat(applied).startsWith("0", "1", "2", "3", "4", "5", "6").doesNotContain("7");
        assertThat(flyway.info().applied()).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed());
        // V1's "clob" columns are text here, through the domain V0 creates
        assertThat(jdbc.sql("select domain_name || ':' || data_type from information_schema.columns "
                + "where table_schema = current_schema() and table_name = 'article' and column_name = 'body'")
                .query(String.class).single()).isEqualTo("clob:text");
    }

    @Test
    void theSchemaHasTheTablesAndColumnsH2Gets() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-parity;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations(flywayProperties.getLocations().stream()
                .map(l -> l.replace("{vendor}", "h2")).toArray(String[]::new)).load().migrate();
        Set<String> onH2 = columns(JdbcClient.create(h2), "PUBLIC");
        Set<String> onPostgres = columns(jdbc, jdbc.sql("select current_schema()").query(String.class).single());
        assertThat(onPostgres).contains("inbox.payload null", "ticket.id not null").isEqualTo(onH2);
    }

    @Test
    void aFirstConversationWithCountryAnswerAndFeedback() {
        EmulatedUser anna = CHATS.newUser("ru");
        BotMessage greeting = CHATS.ask(anna, "/start");
        assertThat(greeting.text()).contains("Relohelp", "В какой стране вы сейчас?");
        CHATS.press(anna, greeting, "country:KZ");
        assertThat(TELEGRAM.awaitBotMessages(anna.id(), 2, WAIT).get(1).text()).contains("Запомнил");
        assertThat(jdbc.sql("select country from profile where user_id = ?").param(anna.id()).query(String.class)
                .single()).isEqualTo("KZ");

        BotMessage answer = CHATS.ask(anna, "как получить иин");
        assertThat(answer.text()).contains("ИИН", "Источники:", "Сведения от");
        String helped = answer.allButtons().stream().map(BotMessage.InlineButton::callbackData)
                .filter(action -> action.startsWith("fb:+:kz-tax-id:")).findFirst().orElseThrow();
        assertThat(CHATS.press(anna, answer, helped)).isEqualTo("Спасибо за отзыв!");
        assertThat(jdbc.sql("select count(*) from article_vote where article_id = 'kz-tax-id' and helpful")
                .query(Integer.class).single()).isPositive();

        BotMessage nonsense = CHATS.ask(anna, "фывапролдж ячсмить");
        assertThat(nonsense.text()).contains("не нашёл ответа");
        assertThat(jdbc.sql("select count(*) from unanswered_question where question = 'фывапролдж ячсмить'")
                .query(Integer.class).single()).isEqualTo(1);

        BotMessage languages = CHATS.ask(anna, "/lang");
        int before = TELEGRAM.botMessages(anna.id()).size();
        CHATS.press(anna, languages, "lang:en");
        assertThat(TELEGRAM.awaitBotMessages(anna.id(), before + 1, WAIT).get(before).text()).contains("English");
        assertThat(jdbc.sql("select language from profile where user_id = ?").param(anna.id()).query(String.class)
                .single()).isEqualTo("en");
        assertThat(CHATS.ask(anna, "/help").text()).contains("What I can do");
    }

    @Test
    void aTicketReachesAVolunteerAndComesBackRatedAndReopened() {
        EmulatedUser vera = volunteer("Вера");
        EmulatedUser olga = refugeeInKazakhstan();
        assertThat(CHATS.ask(olga, "/human").text()).contains("Опишите");
        BotMessage created = CHATS.ask(olga, "В ЦОНе отказали выдать ИИН, что делать?");
        assertThat(created.text()).contains("создана", "в очереди");
        long ticket = number(created.text());
        BotMessage announcement = CHATS.awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket);
        assertThat(CHATS.ask(olga, "Паспорт у меня заграничный").text()).contains("Добавлено к заявке #" + ticket);

        assertThat(CHATS.press(vera, announcement, "take:" + ticket)).isEqualTo("Заявка #" + ticket + " ваша");
        CHATS.awaitMessageWith(vera.id(), "Гость #" + ticket);
        CHATS.awaitMessageWith(vera.id(), "Паспорт у меня заграничный");
        int olgaBefore = TELEGRAM.botMessages(olga.id()).size();
        int veraSays = TELEGRAM.sendText(vera, "Здравствуйте! Попробуйте другой ЦОН");
        assertThat(TELEGRAM.awaitBotMessages(olga.id(), olgaBefore + 1, WAIT).get(olgaBefore).text())
                .isEqualTo("💬 Вера, волонтёр:\nЗдравствуйте! Попробуйте другой ЦОН");
        TELEGRAM.editText(vera, veraSays, "Здравствуйте! Попробуйте ЦОН на Жетысу");
        CHATS.awaitMessageWith(olga.id(), "Жетысу");

        assertThat(CHATS.ask(vera, "/close").text()).contains("закрыта");
        CHATS.press(olga, CHATS.awaitMessageWith(olga.id(), "Оцените"), "rate:" + ticket + ":5");
        CHATS.awaitMessageWith(olga.id(), "Спасибо за оценку");
        assertThat(CHATS.ask(olga, "всё получилось").text()).contains("передадим");
        assertThat(jdbc.sql("select rating from ticket where id = ?").param(ticket).query(Integer.class).single())
                .isEqualTo(5);
        CHATS.press(olga, CHATS.awaitMessageWith(olga.id(), "Ваша оценка"), "reopen:" + ticket);
        CHATS.awaitMessageWith(vera.id(), "снова открыта");
        TELEGRAM.sendText(olga, "Ой, ещё вопрос про ИИН");
        CHATS.awaitMessageWith(vera.id(), "Ой, ещё вопрос про ИИН");
        CHATS.ask(vera, "/close");
    }

    @Test
    void adminStatisticsGapsAndStaleKnowledge() {
        String before = CHATS.ask(ADMIN, "/stats").text();
        EmulatedUser refugee = refugeeInKazakhstan();
        assertThat(CHATS.ask(refugee, "как получить иин").text()).contains("ИИН");
        CHATS.ask(refugee, "где купить зимние шины для велосипеда");
        EmulatedUser vera = volunteer("Вероника");
        long ticket = openTicket(refugee, "Нужна помощь с арендой");
        CHATS.press(vera, CHATS.awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket), "take:" + ticket);
        CHATS.awaitMessageWith(vera.id(), "Гость #" + ticket);
        TELEGRAM.sendText(vera, "Посмотрите объявления на krisha.kz");
        CHATS.awaitMessageWith(refugee.id(), "krisha.kz");
        assertThat(CHATS.ask(vera, "/close").text()).contains("закрыта");
        CHATS.press(refugee, CHATS.awaitMessageWith(refugee.id(), "Оцените"), "rate:" + ticket + ":4");
        CHATS.awaitMessageWith(refugee.id(), "Спасибо за оценку");

        String after = CHATS.ask(ADMIN, "/stats").text();
        assertThat(count(after, "Ответила база знаний: (\\d+)")).isEqualTo(count(before, "Ответила база знаний: (\\d+)") + 1);
        assertThat(count(after, "Заявок волонтёрам: (\\d+)")).isEqualTo(count(before, "Заявок волонтёрам: (\\d+)") + 1);
        assertThat(after).containsPattern("Медиана до первого ответа волонтёра \\(заявки за 30 дней\\): \\d+ мин")
                .containsPattern("За 7 дней: \\d+ — .*Казахстан \\d+");
        assertThat(CHATS.ask(ADMIN, "/gaps 7").text()).startsWith("Частые вопросы без ответа за 7 дн.")
                .contains("где купить зимние шины");
        assertThat(CHATS.ask(ADMIN, "/stale").text()).startsWith("Давно не проверялось");
    }

    @Test
    void aVolunteersAnswerSavedAsADraftIsApprovedAndFound() {
        EmulatedUser vera = volunteer("Валентина");
        EmulatedUser olga = refugeeInKazakhstan();
        long ticket = openTicket(olga, "Как сделать ветпаспорт котёнку?");
        TELEGRAM.sendText(vera, "/take " + ticket);
        CHATS.awaitMessageWith(vera.id(), "Гость #" + ticket);
        CHATS.awaitMessageWith(vera.id(), "Заявка #" + ticket + " ваша");
        String answer = "Ветеринарный паспорт для котёнка выдают в любой ветклинике за один день: нужны прививка "
                + "от бешенства и микрочип.";
        int answerId = TELEGRAM.sendText(vera, answer);
        CHATS.awaitMessageWith(olga.id(), "микрочип");
        long draft = number(CHATS.reply(vera, answerId, "/savekb").text());
        assertThat(CHATS.reply(vera, answerId, "/savekb").text()).contains("уже сохранён как черновик #" + draft);

        BotMessage shown = CHATS.ask(ADMIN, "/drafts");
        assertThat(shown.text()).contains("Черновик #" + draft, "микрочип");
        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        CHATS.press(ADMIN, shown, "draft:edit:" + draft);
        TELEGRAM.awaitBotMessages(ADMIN.id(), before + 1, WAIT);
        String title = "Ветеринарный паспорт для котёнка в Казахстане";
        BotMessage edited = CHATS.ask(ADMIN, title + "\n" + answer + "\n#id-number");
        assertThat(edited.text()).contains("Черновик #" + draft, title);
        assertThat(CHATS.press(ADMIN, edited, "draft:ok:" + draft)).isEqualTo("Опубликовано");
        assertThat(jdbc.sql("select count(*) from draft").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from draft_edit").query(Integer.class).single()).isZero();
        assertThat(CHATS.ask(CHATS.newUser("ru"), "ветеринарный паспорт для котёнка в казахстане").text())
                .contains(title, "микрочип");
        CHATS.ask(vera, "/close");
    }

    @Test
    void aBroadcastReachesTheCountryOnceAndSkipsTheMuted() {
        EmulatedUser anna = CHATS.newUser("ru");
        EmulatedUser muted = CHATS.newUser("ru");
        for (EmulatedUser user : List.of(anna, muted)) {
            CHATS.press(user, CHATS.ask(user, "/start"), "country:AM");
            TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        }
        assertThat(CHATS.ask(muted, "/mute").text()).contains("/unmute");
        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        TELEGRAM.sendText(ADMIN, "/broadcast AM Правило пребывания изменилось");
        BotMessage control = TELEGRAM.awaitBotMessages(ADMIN.id(), before + 2, WAIT).get(before + 1);
        assertThat(control.text()).contains("Получателей: 1");
        String send = control.button("Отправить: 1").orElseThrow().callbackData();
        CHATS.press(ADMIN, control, send);
        long id = Long.parseLong(send.substring(send.lastIndexOf(':') + 1));
        assertThat(TELEGRAM.awaitBotMessage(ADMIN.id(), m -> m.text().startsWith("✅ Рассылка #" + id + " завершена"),
                WAIT).text()).contains("доставлено 1");
        assertThat(CHATS.awaitMessageWith(anna.id(), "Правило пребывания изменилось").text()).contains("/mute");
        assertThat(TELEGRAM.botMessages(muted.id())).noneMatch(m -> m.text().contains("Правило пребывания"));
        assertThat(jdbc.sql("select state from broadcast where id = ?").param(id).query(String.class).single())
                .isEqualTo("DONE");
    }

    @Test
    void theStayCountWithARememberedTripAndAReminder() {
        EmulatedUser user = refugeeInKazakhstan();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Almaty")));
        assertThat(CHATS.ask(user, "/stay").text()).contains("Казахстан", "когда вы въехали");
        assertThat(CHATS.ask(user, today.minusDays(20).format(TYPED)).text()).contains("180", "поездки");
        assertThat(CHATS.ask(user, today.minusDays(150).format(TYPED) + " – " + today.minusDays(121).format(TYPED)).text())
                .contains("Добавил:");
        BotMessage result = CHATS.ask(user, "готово");
        assertThat(result.text()).contains("использовано дней — 51, осталось — 69");
        String week = result.button("За 7 дней").orElseThrow().callbackData();
        assertThat(CHATS.press(user, result, week)).contains("Напомню", today.plusDays(62).format(SHOWN));
        assertThat(CHATS.press(user, result, week)).contains("уже есть");
        BotMessage list = CHATS.ask(user, "/reminders");
        assertThat(CHATS.press(user, list, list.allButtons().get(0).callbackData())).contains("отменено");
    }

    @Test
    void forgetLeavesNoRowMentioningTheUser() {
        EmulatedUser vera = volunteer("Вика");
        EmulatedUser refugee = refugeeInKazakhstan();
        long ticket = openTicket(refugee, "Вопрос про регистрацию");
        TELEGRAM.sendText(vera, "/take " + ticket);
        CHATS.awaitMessageWith(vera.id(), "Гость #" + ticket);
        TELEGRAM.sendText(vera, "ответ волонтёра");
        CHATS.awaitMessageWith(refugee.id(), "ответ волонтёра");
        CHATS.ask(refugee, "/stay");
        TELEGRAM.sendText(refugee, LocalDate.now(clock.withZone(ZoneId.of("Asia/Almaty"))).minusDays(5).format(TYPED));
        CHATS.press(refugee, CHATS.awaitMessageWith(refugee.id(), "поездки"), "stay:done");
        BotMessage count = CHATS.awaitMessageWith(refugee.id(), "Последний законный день");
        CHATS.press(refugee, count, count.button("За 7 дней").orElseThrow().callbackData());
        assertThat(rowsMentioning(refugee.id())).containsKeys("profile.user_id", "ticket.user_id", "reminder.user_id",
                "message_pair.refugee_chat");

        BotMessage confirm = CHATS.ask(refugee, "/forget");
        CHATS.press(refugee, confirm, "forget:yes");
        TELEGRAM.awaitBotMessage(refugee.id(), m -> m.messageId() == confirm.messageId()
                && m.text().contains("всё о вас удалено"), WAIT);
        CHATS.awaitMessageWith(vera.id(), "покинул(а) чат");
        assertThat(rowsMentioning(refugee.id())).isEmpty();
    }

    @Test
    void retentionForgetsBlockedAndInactiveUsersAndPurgesOldBusiness() {
        EmulatedUser blocked = CHATS.newUser("ru");
        EmulatedUser inactive = CHATS.newUser("ru");
        EmulatedUser active = CHATS.newUser("ru");
        for (EmulatedUser u : List.of(blocked, inactive, active)) {
            CHATS.ask(u, "/start");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("update profile set blocked_at = ? where user_id = ?").params(now.minusDays(8), blocked.id()).update();
        jdbc.sql("update profile set last_seen_at = ? where user_id = ?").params(now.minusDays(31), inactive.id())
                .update();
        jdbc.sql("insert into ticket (user_id, language, description, status, created_at, queued_at, closed_at) "
                + "values (?, 'ru', 'old', 'CLOSED', ?, ?, ?)").params(active.id(), now.minusDays(40), now.minusDays(40),
                now.minusDays(31)).update();

        forgetting.purge(now);

        assertThat(rowsMentioning(blocked.id())).isEmpty();
        assertThat(rowsMentioning(inactive.id())).isEmpty();
        assertThat(rowsMentioning(active.id())).containsOnlyKeys("profile.user_id");
    }

    private static Set<String> columns(JdbcClient db, String schema) {
        return new TreeSet<>(db.sql("select lower(table_name) || '.' || lower(column_name) || ' ' "
                        + "|| case when is_nullable = 'YES' then 'null' else 'not null' end "
                        + "from information_schema.columns where table_schema = ? and lower(table_name) <> 'flyway_schema_history'")
                .param(schema).query(String.class).list());
    }

    /** Every bigint column of every table, searched for the id: "table.column" to the number of rows. */
    /** As ForgetEndToEndTest's: once the messages already seen are off the outbox. */
    private Map<String, Integer> rowsMentioning(long userId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from outbox where chat_id = ?")
                .param(userId).query(Integer.class).single() == 0);
        List<String> columns = jdbc.sql("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = current_schema() and data_type = 'bigint' "
                + "and table_name <> 'flyway_schema_history'").query(String.class).list();
        assertThat(columns).contains("profile.user_id", "ticket.user_id", "message_pair.refugee_chat", "volunteer.user_id",
                "housing_offer.host_id", "housing_request.guest_id", "housing_pair.sender_chat", "housing_host.user_id");
        Map<String, Integer> found = new TreeMap<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            int rows = jdbc.sql("select count(*) from " + parts[0] + " where " + parts[1] + " = ?").param(userId)
                    .query(Integer.class).single();
            if (rows > 0) {
                found.put(column, rows);
            }
        }
        return found;
    }

    /** A new Russian-speaking user who chose Kazakhstan with /start. */
    private static EmulatedUser refugeeInKazakhstan() {
        EmulatedUser user = CHATS.newUser("ru");
        CHATS.press(user, CHATS.ask(user, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        return user;
    }

    /** /human and a description: the new ticket's number. */
    private static long openTicket(EmulatedUser refugee, String description) {
        CHATS.ask(refugee, "/human");
        return number(CHATS.ask(refugee, description).text());
    }

    private EmulatedUser volunteer(String name) {
        EmulatedUser user = CHATS.newUser("ru");
        Matcher code = Pattern.compile("start=(inv_[A-Za-z0-9_-]+)").matcher(CHATS.ask(ADMIN, "/invite").text());
        assertThat(code.find()).isTrue();
        assertThat(CHATS.ask(user, "/start " + code.group(1)).text()).contains("Добро пожаловать");
        assertThat(CHATS.ask(user, "/me name " + name).text()).contains("Сохранено");
        return user;
    }

    private static int count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long number(String text) {
        Matcher m = Pattern.compile("#(\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}

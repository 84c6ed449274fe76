package org.relohelp.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.EndToEndTest;
import org.relohelp.chat.Messenger;
import org.relohelp.cluster.NotLeading;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.relohelp.users.Profiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /broadcast from preview to summary, against the emulator. Each test uses a country no other test class puts
 * users in (they share one database), so the audience is exactly the users made here.
 */
@ExtendWith(OutputCaptureExtension.class)
class BroadcastEndToEndTest extends EndToEndTest {

    private static final String HEADER_RU = "Сообщение от команды Relohelp";
    private static final String HEADER_EN = "A message from the Relohelp team";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    BroadcastRunner runner;
    @Autowired
    Broadcasts broadcasts;
    @Autowired
    BroadcastView view;
    @Autowired
    Profiles profiles;
    @Autowired
    Messenger messenger;
    @Autowired
    BroadcastProperties properties;
    @Autowired
    Clock clock;

    @Test
    void anAdminTellsEveryoneInACountryOnceAndSeesTheSummary(CapturedOutput output) throws Exception {
        EmulatedUser anna = inCountry("ru", "TJ");
        EmulatedUser boris = inCountry("ru", "TJ");
        EmulatedUser emma = inCountry("en", "TJ");
        EmulatedUser blocker = inCountry("ru", "TJ");
        EmulatedUser muted = inCountry("ru", "TJ");
        EmulatedUser away = inCountry("ru", "TJ");
        EmulatedUser elsewhere = inCountry("ru", "KG");
        assertThat(ask(muted, "/mute").text()).contains("больше не придут", "/unmute");
        jdbc.sql("update profile set last_seen_at = ? where user_id = ?")
                .params(LocalDateTime.now(clock).minusDays(31), away.id()).update();
        TELEGRAM.block(blocker);

        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        TELEGRAM.sendText(ADMIN, "/broadcast TJ Правило пребывания изменилось:\nтеперь 30 дней <b>без</b> регистрации & не 15.");
        List<BotMessage> preview = TELEGRAM.awaitBotMessages(ADMIN.id(), before + 2, WAIT);
        BotMessage copy = preview.get(before);
        BotMessage control = preview.get(before + 1);
        assertThat(copy.text()).isEqualTo("📣 " + HEADER_RU + "\n\nПравило пребывания изменилось:\nтеперь 30 дней "
                + "<b>без</b> регистрации & не 15.\n\nНе хотите получать такие сообщения? /mute");
        assertThat(control.text()).contains("Кому: 🇹🇯 Таджикистан, все языки", "Получателей: 4 (по-русски 3, по-английски 1)");
        String send = control.button("Отправить: 4").orElseThrow().callbackData();
        assertThat(control.button("Отмена")).isPresent();

        // pressed twice in a row, as an impatient thumb does
        String first = TELEGRAM.press(ADMIN, control, send);
        String second = TELEGRAM.press(ADMIN, control, send);
        assertThat(TELEGRAM.awaitCallbackAnswer(first, WAIT)).isEmpty();
        assertThat(TELEGRAM.awaitCallbackAnswer(second, WAIT).orElse("")).contains("уже отправляется");
        long id = Long.parseLong(send.substring(send.lastIndexOf(':') + 1));
        BotMessage summary = TELEGRAM.awaitBotMessage(ADMIN.id(),
                m -> m.text().startsWith("✅ Рассылка #" + id + " завершена"), WAIT);
        assertThat(summary.text()).contains("доставлено 3, заблокировали бота 1, не доставлено 0");
        // the progress message's last edit may come after the summary: both are on their way from the outbox
        TELEGRAM.awaitBotMessage(ADMIN.id(), m -> m.text().contains("Рассылка #" + id + ": отправлено 4 из 4."), WAIT);
        TELEGRAM.awaitBotMessage(ADMIN.id(), m -> m.messageId() == control.messageId() && m.text().contains("запущена"),
                WAIT);

        awaitIdle();
        assertThat(broadcastsTo(anna, HEADER_RU)).hasSize(1).first().extracting(BotMessage::text).isEqualTo(copy.text());
        assertThat(broadcastsTo(boris, HEADER_RU)).hasSize(1);
        assertThat(broadcastsTo(emma, HEADER_EN)).hasSize(1).first().extracting(BotMessage::text)
                .asString().endsWith("Don’t want these messages? /mute");
        for (EmulatedUser nobody : List.of(muted, away, elsewhere)) {
            assertThat(broadcastsTo(nobody, HEADER_RU)).as("user %s", nobody.id()).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from profile where user_id = ? and blocked_at is not null")
                .param(blocker.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from broadcast where id = ? and state = 'DONE' and body is null")
                .param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from broadcast_recipient where broadcast_id = ?").param(id)
                .query(Integer.class).single()).isZero();
        assertThat(output.getAll()).doesNotContain("Правило пребывания", "регистрации");
    }

    @Test
    void cancelSendsNothingAndOnlyTheAdminsOwnButtonsWork() throws Exception {
        EmulatedUser armen = inCountry("ru", "AM");
        EmulatedUser stranger = newUser("ru");
        assertThat(ask(stranger, "/broadcast AM текст").text()).startsWith("Не знаю такой команды");

        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        TELEGRAM.sendText(ADMIN, "/broadcast AM ru Проверка отмены");
        BotMessage control = TELEGRAM.awaitBotMessages(ADMIN.id(), before + 2, WAIT).get(before + 1);
        String send = control.button("Отправить: 1").orElseThrow().callbackData();
        long id = Long.parseLong(send.substring(send.lastIndexOf(':') + 1));

        BotMessage strangers = ask(stranger, "/help");
        assertThat(press(stranger, strangers, send)).contains("больше не работает");
        assertThat(press(ADMIN, control, "bc:send:x" + id)).contains("больше не работает");
        assertThat(press(ADMIN, control, "bc:send:" + (id + 1000))).contains("больше не работает");
        assertThat(state(id)).isEqualTo("DRAFT");

        assertThat(press(ADMIN, control, "bc:cancel:" + id)).isEmpty();
        TELEGRAM.awaitBotMessage(ADMIN.id(), m -> m.messageId() == control.messageId() && m.text().contains("отменена"), WAIT);
        assertThat(press(ADMIN, control, send)).contains("больше не работает");
        assertThat(state(id)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from broadcast where id = ? and body is null").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(messagesOnceIdle(armen, TELEGRAM.botMessages(armen.id()).size())).isEmpty();
        assertThat(broadcastsTo(armen, HEADER_RU)).isEmpty();
    }

    @Test
    void badInputGetsTheUsageAndAnEmptyAudienceIsSaidPlainly() {
        assertThat(ask(ADMIN, "/broadcast").text()).contains("/broadcast KZ ru текст", "3500");
        assertThat(ask(ADMIN, "/broadcast XX привет").text()).contains("Как сделать рассылку");
        assertThat(ask(ADMIN, "/broadcast KZ ru").text()).contains("Как сделать рассылку");
        assertThat(ask(ADMIN, "/broadcast KZ " + "я".repeat(3501)).text()).contains("Слишком длинный текст: 3501");
        assertThat(ask(ADMIN, "/broadcast GE en Hello").text()).contains("некому отправить", "Грузия, по-английски");
    }

    @Test
    void muteAndUnmuteAnswerInTheUsersLanguage() {
        EmulatedUser emma = newUser("en");
        assertThat(ask(emma, "/mute").text()).contains("no longer get broadcasts", "/unmute");
        assertThat(muted(emma)).isTrue();
        assertThat(ask(emma, "/unmute").text()).contains("on again", "/mute");
        assertThat(muted(emma)).isFalse();
        assertThat(ask(emma, "/help").text()).contains("/mute");
    }

    @Test
    void aRestartResumesWithThoseNotYetSentAndRepeatsNobody() throws Exception {
        EmulatedUser sent = inCountry("ru", "UZ");
        EmulatedUser inTheAir = inCountry("ru", "UZ");
        EmulatedUser waiting1 = inCountry("ru", "UZ");
        EmulatedUser waiting2 = inCountry("en", "UZ");
        // as the process left it when it died: one sent, one in the air, two not started (the recipients first,
        // so that no pass of the runner finds the broadcast without them)
        long id = jdbc.sql("select coalesce(max(id), 0) from broadcast").query(Long.class).single() + 100;
        recipient(id, sent, "SENT");
        recipient(id, inTheAir, "SENDING");
        recipient(id, waiting1, "PENDING");
        recipient(id, waiting2, "PENDING");
        jdbc.sql("insert into broadcast (id, admin_id, country, body, state, sent, blocked, failed, skipped, created_at) "
                + "values (?, ?, 'UZ', 'Продолжение после перезапуска', 'SENDING', 0, 0, 0, 0, ?)")
                .params(id, ADMIN.id(), LocalDateTime.now(clock)).update();

        runner.resume();

        BotMessage summary = TELEGRAM.awaitBotMessage(ADMIN.id(),
                m -> m.text().startsWith("✅ Рассылка #" + id + " завершена"), WAIT);
        assertThat(summary.text()).contains("доставлено 4, заблокировали бота 0, не доставлено 0");
        awaitIdle();
        assertThat(broadcastsTo(waiting1, HEADER_RU)).hasSize(1);
        assertThat(broadcastsTo(waiting2, HEADER_EN)).hasSize(1);
        assertThat(broadcastsTo(sent, HEADER_RU)).isEmpty();
        assertThat(broadcastsTo(inTheAir, HEADER_RU)).isEmpty();
    }

    @Test
    void anInstanceThatDoesNotLeadSendsNoBroadcast() {
        EmulatedUser reader = newUser("ru"); // no country: in no other test's audience
        ask(reader, "/start");
        long id = jdbc.sql("select coalesce(max(id), 0) from broadcast").query(Long.class).single() + 100;
        recipient(id, reader, "PENDING");
        jdbc.sql("insert into broadcast (id, admin_id, country, body, state, sent, blocked, failed, skipped, created_at) "
                + "values (?, ?, 'AM', 'Только от ведущего', 'SENDING', 0, 0, 0, 0, ?)")
                .params(id, ADMIN.id(), LocalDateTime.now(clock)).update();
        BroadcastRunner follower = new BroadcastRunner(broadcasts, view, profiles, messenger, properties, clock,
                new NotLeading(), transaction);

        follower.pass();

        assertThat(broadcastsTo(reader, HEADER_RU)).isEmpty();
        assertThat(jdbc.sql("select state from broadcast_recipient where broadcast_id = ?").param(id)
                .query(String.class).single()).isEqualTo("PENDING");
        runner.wake();
        TELEGRAM.awaitBotMessage(reader.id(), m -> m.text().contains("Только от ведущего"), WAIT);
    }

    private static EmulatedUser inCountry(String language, String country) {
        EmulatedUser user = newUser(language);
        press(user, ask(user, "/start"), "country:" + country);
        TELEGRAM.awaitBotMessages(user.id(), 2, WAIT);
        return user;
    }

    private static List<BotMessage> broadcastsTo(EmulatedUser user, String header) {
        return TELEGRAM.botMessages(user.id()).stream().filter(m -> m.text().contains(header)).toList();
    }

    private void recipient(long id, EmulatedUser user, String state) {
        jdbc.sql("insert into broadcast_recipient (broadcast_id, user_id, language, state) values (?, ?, ?, ?)")
                .params(id, user.id(), user.languageCode(), state).update();
    }

    private String state(long id) {
        return jdbc.sql("select state from broadcast where id = ?").param(id).query(String.class).single();
    }

    private boolean muted(EmulatedUser user) {
        return jdbc.sql("select muted from profile where user_id = ?").param(user.id()).query(Boolean.class).single();
    }
}

package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Html;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What people type — a volunteer's name, a ticket's description, a command's argument, a trip, a broadcast, a
 * draft's title — with {@code <b>}, {@code &} and {@code <} in it, comes back exactly as typed: sent as HTML (the
 * emulator refuses bad HTML as Telegram does, and the bot would fall back to plain text, losing the tags), escaped
 * once (twice would show "&amp;amp;").
 */
class TypedTextEndToEndTest extends EndToEndTest {

    private static final String NAME = "<b>Вера</b> & Co <3";
    private static final String DESCRIPTION = "Срочно: <b>ИИН</b> & ЦОН, 1 < 2";

    @Autowired
    Clock clock;

    @Test
    void namesDescriptionsAndArgumentsAreShownExactlyAsTyped() {
        EmulatedUser vera = volunteer();
        assertThat(ask(vera, "/me name " + NAME).text()).contains("Сохранено");
        exactly(ask(vera, "/me"), "Имя для беженцев: " + NAME);
        EmulatedUser boris = volunteer();

        EmulatedUser refugee = newUser("ru");
        press(refugee, ask(refugee, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(refugee.id(), 2, WAIT);
        ask(refugee, "/human");
        long ticket = number(ask(refugee, DESCRIPTION).text());
        BotMessage announcement = awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket);
        exactly(announcement, DESCRIPTION);

        TELEGRAM.sendText(vera, "/take " + ticket);
        exactly(awaitMessageWith(vera.id(), "Гость #" + ticket), DESCRIPTION);
        exactly(awaitMessageWith(refugee.id(), "взял(а) вашу заявку"), "Волонтёр " + NAME + " взял(а)");
        exactly(TELEGRAM.awaitBotMessage(VOLUNTEER_GROUP, m -> m.messageId() == announcement.messageId()
                && m.edits() > 0, WAIT), "взял(а) " + NAME);
        exactly(ask(boris, "/take " + ticket), "Заявку #" + ticket + " уже взял(а) " + NAME);
        assertThat(press(boris, announcement, "take:" + ticket)).isEqualTo("Заявку #" + ticket + " уже взял(а) " + NAME);
        exactly(ask(boris, "/close <b>&<"), "Нет вашей открытой заявки #<b>&<.");
        exactly(ask(refugee, "/human"), "её ведёт волонтёр " + NAME);
        exactly(ask(ADMIN, "/volunteers"), "• " + NAME + " · id " + vera.id());

        String answer = "Ответ: <i>да</i> & <нет>";
        int answerId = TELEGRAM.sendText(vera, answer);
        exactly(awaitMessageWith(refugee.id(), "Ответ:"), answer);
        long draft = number(CHATS.reply(vera, answerId, "/savekb").text());
        BotMessage anyAdminMessage = ask(ADMIN, "/admin");
        press(ADMIN, anyAdminMessage, "draft:edit:" + draft);
        awaitMessageWith(ADMIN.id(), "Пришлите новый текст черновика #" + draft);
        BotMessage edited = ask(ADMIN, "Заголовок <b>&<\n" + answer);
        exactly(edited, "Заголовок <b>&<");
        exactly(edited, answer);
        press(ADMIN, edited, "draft:no:" + draft);
        ask(vera, "/close " + ticket);
        awaitMessageWith(refugee.id(), "Оцените"); // the close reaches the refugee from the outbox, after the commit

        LocalDate today = LocalDate.now(clock);
        ask(refugee, "/stay");
        ask(refugee, today.minusDays(20).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertThat(ask(refugee, "<b>01.03.2025</b> & <").text()).startsWith("Не понял поездку");
        ask(refugee, "готово");

        String body = "Важно: <b>не</b> & 1 < 2";
        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        TELEGRAM.sendText(ADMIN, "/broadcast KZ " + body);
        exactly(TELEGRAM.awaitBotMessages(ADMIN.id(), before + 2, WAIT).get(before), body);
        BotMessage control = TELEGRAM.botMessages(ADMIN.id()).get(before + 1);
        press(ADMIN, control, control.button("Отмен").orElseThrow().callbackData());
    }

    /** The person sees what was typed, and it went out as HTML, escaped once. */
    private static void exactly(BotMessage message, String typed) {
        assertThat(message.text()).contains(typed);
        assertThat(message.html()).contains(Html.escape(typed));
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

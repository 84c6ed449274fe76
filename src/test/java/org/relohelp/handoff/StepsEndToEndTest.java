package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The handoff's steps are never traps (#15): a ticket's description and a rating's comment can be left with a
 * command, /cancel, their Cancel button or "отмена" typed, and a question asked instead of a comment is answered as
 * a question.
 */
class StepsEndToEndTest extends EndToEndTest {

    private static final Pattern TICKET = Pattern.compile("#(\\d+)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommandInTheMiddleOfADescriptionEndsItSaysSoAndDoesItsJob() {
        EmulatedUser user = newUser("ru");
        assertThat(ask(user, "/human").text()).contains("Опишите");
        int before = TELEGRAM.botMessages(user.id()).size();
        TELEGRAM.sendText(user, "/help");
        List<BotMessage> replies = TELEGRAM.awaitBotMessages(user.id(), before + 2, WAIT).subList(before, before + 2);
        assertThat(replies.get(0).text()).startsWith("Заявку не создаю");
        assertThat(replies.get(1).text()).contains("Что я умею", "/human");
        // the next message is a question again, not a ticket
        assertThat(ask(user, "как получить иин в казахстане").text()).contains("ИИН").doesNotContain("создана");
        assertThat(jdbc.sql("select count(*) from ticket where user_id = ?").param(user.id()).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void theDescriptionsCancelButtonLeavesIt() {
        EmulatedUser user = newUser("en");
        BotMessage describe = ask(user, "/human");
        String cancel = describe.button("Cancel").orElseThrow().callbackData();
        press(user, describe, cancel);
        assertThat(awaitMessageWith(user.id(), "no request created").text()).isNotBlank();
        assertThat(press(user, describe, cancel)).as("a second press").contains("Nothing to cancel");
    }

    /**
     * "отмена" typed at the description, as the Cancel button reads, is /cancel: no ticket, so nothing for the
     * volunteers (it was a ticket "отмена" announced in their group); so are "Отмена!", the label copied with emoji,
     * and "Stop" in English. A sentence with the word in it is still a description.
     */
    @Test
    void aCancelWordTypedAtTheDescriptionCreatesNoTicket() {
        for (String typed : List.of("отмена", "Отмена!", "✖️ ОТМЕНА 🙏", "отменить", "стоп.")) {
            EmulatedUser user = newUser("ru");
            assertThat(ask(user, "/human").text()).contains("Опишите");
            assertThat(ask(user, typed).text()).as(typed).isEqualTo("Хорошо, заявку не создаю.");
            assertThat(ask(user, "как получить иин в казахстане").text()).as(typed).contains("ИИН")
                    .doesNotContain("создана");
            assertThat(tickets(user)).as(typed).isZero();
        }
        EmulatedUser english = newUser("en");
        ask(english, "/human");
        assertThat(ask(english, "Stop").text()).isEqualTo("OK, no request created.");
        assertThat(tickets(english)).isZero();

        EmulatedUser meaning = newUser("ru");
        ask(meaning, "/human");
        assertThat(ask(meaning, "Отмена рейса: что делать с визой?").text()).contains("создана");
        assertThat(tickets(meaning)).isOne();
        ask(meaning, "/cancel");
    }

    /** At the rating's comment "отмена" is /cancel too: it is no comment. */
    @Test
    void aCancelWordTypedAtTheRatingsCommentIsNoComment() {
        EmulatedUser refugee = newUser("ru");
        EmulatedUser vera = volunteer();
        ask(refugee, "/human");
        long ticket = number(ask(refugee, "Вопрос перед оценкой").text());
        press(vera, awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket), "take:" + ticket);
        awaitMessageWith(vera.id(), "Вопрос перед оценкой");
        assertThat(ask(vera, "/close").text()).contains("закрыта");
        press(refugee, awaitMessageWith(refugee.id(), "Оцените"), "rate:" + ticket + ":5");
        awaitMessageWith(refugee.id(), "Спасибо за оценку");
        assertThat(ask(refugee, "Отмена").text()).isEqualTo("Хорошо.");
        assertThat(jdbc.sql("select rating_comment from ticket where id = ?").param(ticket).query(String.class)
                .optional().orElse(null)).isNull();
    }

    @Test
    void aQuestionInsteadOfARatingCommentIsAnsweredAndTheCommentAskedForAgain() {
        EmulatedUser refugee = newUser("ru");
        EmulatedUser vera = volunteer();
        ask(refugee, "/human");
        long ticket = number(ask(refugee, "Вопрос для шага").text());
        press(vera, awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket), "take:" + ticket);
        awaitMessageWith(vera.id(), "Вопрос для шага");
        assertThat(ask(vera, "/close").text()).contains("закрыта");
        BotMessage rate = awaitMessageWith(refugee.id(), "Оцените");
        press(refugee, rate, "rate:" + ticket + ":4");
        awaitMessageWith(refugee.id(), "Спасибо за оценку");

        int before = TELEGRAM.botMessages(refugee.id()).size();
        TELEGRAM.sendText(refugee, "а как получить иин в казахстане?");
        List<BotMessage> replies = TELEGRAM.awaitBotMessages(refugee.id(), before + 2, WAIT)
                .subList(before, before + 2);
        assertThat(replies.get(0).text()).contains("ИИН");
        assertThat(replies.get(1).text()).contains("пару слов", "/skip");
        assertThat(jdbc.sql("select rating_comment from ticket where id = ?").param(ticket).query(String.class)
                .optional().orElse(null)).as("the question is not the comment").isNull();
        assertThat(ask(refugee, "спасибо, всё понятно").text()).contains("передадим");
    }

    /**
     * The country question just asked wins over the open ticket for its one answer: "казахстан" typed after /country
     * is saved as the button would save it, not relayed ("✓ Добавлено к заявке" before, and the country unchanged).
     * What is not a country is relayed as before, and so is a country typed when the question was not just asked.
     */
    @Test
    void aCountryTypedAfterCountryIsSavedNotRelayedIntoTheTicket() {
        EmulatedUser user = newUser("ru");
        ask(user, "/human");
        long ticket = number(ask(user, "Вопрос, пока выбираю страну").text());
        assertThat(ask(user, "/country").allButtons()).hasSize(7);
        assertThat(ask(user, "казахстан").text()).startsWith("Запомнил: 🇰🇿 Казахстан");
        assertThat(country(user)).isEqualTo("KZ");

        assertThat(ask(user, "/country").text()).contains("В какой стране вы сейчас?");
        assertThat(ask(user, "Я сейчас в Тбилиси!").text()).startsWith("Запомнил: 🇬🇪 Грузия");
        assertThat(country(user)).isEqualTo("GE");

        ask(user, "/country");
        assertThat(ask(user, "а в Казахстане ИИН нужен?").text()).isEqualTo("✓ Добавлено к заявке #" + ticket + ".");
        assertThat(ask(user, "армения").text()).as("the question was answered already")
                .isEqualTo("✓ Добавлено к заявке #" + ticket + ".");
        assertThat(country(user)).isEqualTo("GE");
        ask(user, "/cancel");
    }

    @Test
    void privacyListsTheTicketTheBotKeeps() {
        EmulatedUser user = newUser("ru");
        ask(user, "/human");
        long ticket = number(ask(user, "Вопрос, который хранится").text());
        assertThat(ask(user, "/privacy").text()).contains("Ваша заявка #" + ticket + " ждёт волонтёра");
        ask(user, "/cancel");
        assertThat(ask(user, "/privacy").text()).contains("Закрытые заявки: #" + ticket);
    }

    private String country(EmulatedUser user) {
        return jdbc.sql("select country from profile where user_id = ?").param(user.id()).query(String.class)
                .optional().orElse(null);
    }

    private int tickets(EmulatedUser user) {
        return jdbc.sql("select count(*) from ticket where user_id = ?").param(user.id()).query(Integer.class).single();
    }

    private EmulatedUser volunteer() {
        EmulatedUser user = newUser("ru");
        ask(user, "/start");
        assertThat(ask(ADMIN, "/addvolunteer " + user.id()).text()).contains("добавлен");
        return user;
    }

    private static long number(String text) {
        Matcher m = TICKET.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}

package org.relohelp.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;

/** The admins' /stats, /gaps and /stale, through the real bot; to anyone else these commands do not exist. */
class AdminEndToEndTest extends EndToEndTest {

    @Autowired
    StaleKnowledge staleKnowledge;

    @Test
    void statsCountAnswersUnansweredQuestionsTicketsFirstRepliesAndRatings() {
        String before = ask(ADMIN, "/stats").text();
        EmulatedUser refugee = newUser("ru");
        press(refugee, ask(refugee, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(refugee.id(), 2, WAIT);
        assertThat(ask(refugee, "как получить иин").text()).contains("ИИН");
        ask(refugee, "сколько стоит выгул собак на луне");
        EmulatedUser volunteer = volunteer();
        long ticket = openTicket(refugee, "Нужна помощь с арендой");
        BotMessage announcement = awaitMessageWith(VOLUNTEER_GROUP, "Заявка #" + ticket);
        press(volunteer, announcement, "take:" + ticket);
        awaitMessageWith(volunteer.id(), "Гость #" + ticket);
        TELEGRAM.sendText(volunteer, "Посмотрите объявления на krisha.kz");
        awaitMessageWith(refugee.id(), "krisha.kz");
        assertThat(ask(volunteer, "/close").text()).contains("закрыта");
        press(refugee, awaitMessageWith(refugee.id(), "Оцените"), "rate:" + ticket + ":4");
        awaitMessageWith(refugee.id(), "Спасибо за оценку");

        String after = ask(ADMIN, "/stats").text();
        assertThat(number(after, "Ответила база знаний: (\\d+)")).isEqualTo(number(before, "Ответила база знаний: (\\d+)") + 1);
        assertThat(number(after, "Без уверенного ответа: (\\d+)"))
                .isEqualTo(number(before, "Без уверенного ответа: (\\d+)") + 1);
        assertThat(number(after, "Заявок волонтёрам: (\\d+)")).isEqualTo(number(before, "Заявок волонтёрам: (\\d+)") + 1);
        assertThat(number(after, "оценок: (\\d+)")).isEqualTo(number(before, "оценок: (\\d+)") + 1);
        // the refugee is one more person; the volunteer, who worked, is none
        assertThat(number(after, "За 7 дней: (\\d+)")).isEqualTo(number(before, "За 7 дней: (\\d+)") + 1);
        assertThat(after).containsPattern("Доля решённых без волонтёра: \\d+%")
                .containsPattern("Медиана до первого ответа волонтёра \\(заявки за 30 дней\\): \\d+ мин")
                .containsPattern("За 7 дней: \\d+ — .*Казахстан \\d+")
                .doesNotContain(refugee.firstName(), String.valueOf(refugee.id()), "выгул");
    }

    @Test
    void gapsGroupSimilarUnansweredQuestionsWithTheirCount() {
        EmulatedUser one = newUser("ru");
        EmulatedUser two = newUser("ru");
        EmulatedUser three = newUser("ru");
        ask(one, "где купить зимние шины для велосипеда");
        ask(two, "Где купить зимние шины на велосипед?");
        ask(three, "gde kupit zimnie shiny dlya velosipeda");

        String gaps = ask(ADMIN, "/gaps 7").text();
        assertThat(gaps).startsWith("Частые вопросы без ответа за 7 дн.")
                .contains("3 × «где купить зимние шины на велосипед»", "gde kupit zimnie shiny dlya velosipeda")
                .doesNotContain(one.firstName(), String.valueOf(one.id()));
        assertThat(ask(ADMIN, "/gaps неделю").text()).startsWith("Напишите число дней от 1 до 365");
    }

    @Test
    void staleKnowledgeIsListedToAdminsAndMarkedToUsers() {
        String stale = ask(ADMIN, "/stale").text();
        // no article and no stay rule has been checked by a person yet; a rule's facts are as old as its oldest source
        assertThat(stale).startsWith("Давно не проверялось").contains("ge-stay (ru, en)", "человеком не проверялась",
                "правило, 🇰🇬 Кыргызстан: 30 дней без регистрации — человеком не проверялось, самый старый факт от "
                        + "10 февраля 2021");
        EmulatedUser user = newUser("ru");
        BotMessage old = ask(user, "сколько можно находиться в грузии");
        // the facts shown are as old as their oldest source: older than a year
        assertThat(old.text()).containsPattern("Этим сведениям \\d+ мес\\.");
    }

    @Test
    void theWeeklyListReachesEveryAdmin() {
        int before = TELEGRAM.botMessages(ADMIN.id()).size();
        staleKnowledge.remindAdmins();
        assertThat(TELEGRAM.awaitBotMessages(ADMIN.id(), before + 1, WAIT).get(before).text())
                .startsWith("Давно не проверялось");
    }

    @Test
    void toAnyoneElseTheAdminCommandsDoNotExist() {
        EmulatedUser user = newUser("ru");
        for (String command : new String[] {"/stats", "/gaps", "/stale", "/admin"}) {
            assertThat(ask(user, command).text()).as(command).startsWith("Не знаю такой команды");
        }
        assertThat(ask(ADMIN, "/admin").text()).contains("/stats", "/gaps", "/stale", "/reload", "/drafts", "/broadcast");
    }

    private EmulatedUser volunteer() {
        EmulatedUser user = newUser("ru");
        Matcher code = Pattern.compile("start=(inv_[A-Za-z0-9_-]+)").matcher(ask(ADMIN, "/invite").text());
        assertThat(code.find()).isTrue();
        assertThat(ask(user, "/start " + code.group(1)).text()).contains("Добро пожаловать");
        ask(user, "/me name Лена");
        return user;
    }

    private long openTicket(EmulatedUser refugee, String question) {
        assertThat(ask(refugee, "/human").text()).contains("не увидят"); // asks for the question or offers the last one
        return number(ask(refugee, question).text(), "#(\\d+)");
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}

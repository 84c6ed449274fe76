package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verified answers from inside a ticket in the private relay (the default mode): /kb lists matching articles for
 * the volunteer's current ticket, a press shows one as the guest will get it, and sending delivers it exactly as
 * the bot's answers look; a reply to the preview puts a line of the volunteer's own above it. The ticket's history
 * records what was sent; /stats counts it against the bot's own answer, and /gaps lists tickets closed without any.
 */
class TicketArticlesEndToEndTest extends EndToEndTest {

    private static final Pattern TICKET = Pattern.compile("#(\\d+)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVolunteerSendsAnArticleFromTheKnowledgeBaseAndItIsCounted() {
        EmulatedUser vera = volunteer("Вера-kb");
        EmulatedUser olga = newUser("ru");
        assertThat(ask(vera, "/kb иин").text()).contains("Нет заявки");
        long ticket = openTicket(olga, "Как получить ИИН иностранцу?");
        TELEGRAM.sendText(vera, "/take " + ticket);
        awaitMessageWith(vera.id(), "🎫 Заявка #" + ticket);
        awaitMessageWith(vera.id(), "Заявка #" + ticket + " ваша");
        awaitMessageWith(olga.id(), "взял(а)");

        assertThat(ask(vera, "/kb").text()).contains("несколько слов");
        assertThat(ask(vera, "/kb щщщщ ыыыыы").text()).contains("ничего не нашлось");
        BotMessage found = ask(vera, "/kb иин цон");
        assertThat(found.text()).contains("для заявки #" + ticket);
        assertThat(found.allButtons()).isNotEmpty().allMatch(b -> b.callbackData().startsWith("kbv:" + ticket + ":"));
        BotMessage.InlineButton first = found.allButtons().get(0);

        press(vera, found, first.callbackData());
        BotMessage preview = awaitMessageWith(vera.id(), "Так Гость #" + ticket + " увидит статью");
        assertThat(preview.allButtons()).extracting(BotMessage.InlineButton::text)
                .containsExactly("📤 Отправить Гостю #" + ticket);
        EmulatedUser nobody = newUser("ru");
        assertThat(press(nobody, preview, preview.allButtons().get(0).callbackData())).contains("только для волонтёров");

        int before = TELEGRAM.botMessages(olga.id()).size();
        assertThat(press(vera, preview, preview.allButtons().get(0).callbackData())).isEqualTo("Отправлено: Гость #"
                + ticket);
        BotMessage article = TELEGRAM.awaitBotMessages(olga.id(), before + 1, WAIT).get(before);
        // exactly as the bot's own answers look: title, text, sources, the facts' date, and the answer's buttons
        String title = first.text().split(" — ")[0].replace("…", "");
        assertThat(article.text()).contains(title.substring(0, Math.min(20, title.length())), "📎", "🗓")
                .doesNotContain("Так Гость", "Вера-kb", vera.firstName());
        assertThat(article.allButtons()).extracting(BotMessage.InlineButton::callbackData)
                .anyMatch(data -> data.startsWith("fb:+:")).anyMatch(data -> data.startsWith("human"));
        assertThat(awaitMessageWith(vera.id(), "отправлена: Гость #" + ticket).text()).contains("Вера-kb");
        TELEGRAM.awaitBotMessage(vera.id(), m -> m.messageId() == preview.messageId() && m.buttons().isEmpty(), WAIT);

        // a line of one's own: a reply to the preview
        press(vera, found, first.callbackData());
        Awaitility.await().atMost(WAIT).until(() -> previews(vera).size() == 2);
        BotMessage second = previews(vera).get(1);
        before = TELEGRAM.botMessages(olga.id()).size();
        TELEGRAM.sendReply(vera, vera.id(), second.messageId(), "Вот <что> говорит база");
        BotMessage withLine = TELEGRAM.awaitBotMessages(olga.id(), before + 1, WAIT).get(before);
        assertThat(withLine.text()).startsWith("💬 Вера-kb, волонтёр: Вот <что> говорит база").contains("🗓");
        awaitMessageWith(vera.id(), "со своей строкой");
        // an ordinary message still reaches the guest as before
        TELEGRAM.sendText(vera, "Обычный ответ");
        awaitMessageWith(olga.id(), "💬 Вера-kb, волонтёр:\nОбычный ответ");
        assertThat(jdbc.sql("select count(*) from ticket_article where ticket_id = ? and sent_at is not null")
                .param(ticket).query(Integer.class).single()).isEqualTo(2);

        // another ticket closed without any article: a candidate in /gaps, unlike this one
        long unaided = openTicket(newUser("ru"), "Можно ли привезти кота без ветпаспорта?");
        TELEGRAM.sendText(vera, "/take " + unaided);
        awaitMessageWith(vera.id(), "🎫 Заявка #" + unaided);
        awaitMessageWith(vera.id(), "Заявка #" + unaided + " ваша");
        ask(vera, "/close " + unaided);
        ask(vera, "/close " + ticket);
        String gaps = ask(ADMIN, "/gaps").text();
        assertThat(gaps).contains("закрытые без статьи", "#" + unaided + " · ", "ветпаспорта")
                .doesNotContain("#" + ticket + " · ");
        String stats = ask(ADMIN, "/stats").text();
        assertThat(stats).contains("отправленные волонтёрами", title.substring(0, Math.min(20, title.length())));
        assertThat(stats).doesNotContain(olga.firstName(), vera.firstName());
    }

    private static List<BotMessage> previews(EmulatedUser volunteer) {
        return TELEGRAM.botMessages(volunteer.id()).stream().filter(m -> m.text().contains("увидит статью")).toList();
    }

    private EmulatedUser volunteer(String name) {
        EmulatedUser user = newUser("ru");
        Matcher code = Pattern.compile("start=(inv_[A-Za-z0-9_-]+)").matcher(ask(ADMIN, "/invite").text());
        assertThat(code.find()).isTrue();
        assertThat(ask(user, "/start " + code.group(1)).text()).contains("Добро пожаловать");
        assertThat(ask(user, "/me name " + name).text()).contains("Сохранено");
        return user;
    }

    private long openTicket(EmulatedUser refugee, String question) {
        assertThat(ask(refugee, "/human").text()).contains("Опишите");
        Matcher m = TICKET.matcher(ask(refugee, question).text());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}

package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A refugee's first minutes with the bot, through the real client, context and database. */
class ConversationEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void startCountryQuestionAnswerAndFeedback() {
        EmulatedUser anna = newUser("ru");
        BotMessage greeting = ask(anna, "/start");
        assertThat(greeting.text()).contains("Relohelp", "🔒", "В какой стране вы сейчас?");
        assertThat(greeting.allButtons()).extracting(BotMessage.InlineButton::text)
                .contains("🇰🇿 Казахстан", "🇺🇿 Узбекистан", "🇰🇬 Кыргызстан", "🇹🇯 Таджикистан", "🇬🇪 Грузия",
                        "🇦🇲 Армения", "🌍 Другая страна");

        assertThat(press(anna, greeting, greeting.button("Казахстан").orElseThrow().callbackData())).isEmpty();
        TELEGRAM.awaitBotMessage(anna.id(), m -> m.messageId() == greeting.messageId() && m.edits() == 1, WAIT);
        assertThat(TELEGRAM.botMessages(anna.id()).get(0).text()).contains("Страна: 🇰🇿 Казахстан");
        assertThat(TELEGRAM.awaitBotMessages(anna.id(), 2, WAIT).get(1).text()).contains("Запомнил");
        assertThat(jdbc.sql("select country from profile where user_id = ?").param(anna.id()).query(String.class)
                .single()).isEqualTo("KZ");

        BotMessage answer = ask(anna, "как получить иин");
        assertThat(answer.text()).contains("ИИН", "Источники:", "Сведения от");
        assertThat(answer.html()).contains("<a href=\"http");
        assertThat(actions(answer)).contains("art:kz-tax-id:ru", "human:kz-tax-id")
                .anyMatch(a -> a.startsWith("fb:+:kz-tax-id:")).anyMatch(a -> a.startsWith("fb:-:kz-tax-id:"));

        assertThat(press(anna, answer, vote(answer, "+"))).isEqualTo("Спасибо за отзыв!");
        BotMessage voted = TELEGRAM.awaitBotMessage(anna.id(),
                m -> m.messageId() == answer.messageId() && m.edits() == 1, WAIT);
        assertThat(voted.allButtons()).extracting(BotMessage.InlineButton::text).first().asString().startsWith("✅");
        assertThat(actions(voted)).isEqualTo(actions(answer));
        assertThat(jdbc.sql("select count(*) from article_vote where article_id = 'kz-tax-id' and helpful")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void notHelpedOffersAnotherWayAndTheVolunteerButtonStartsARequest() {
        EmulatedUser ira = newUser("ru");
        BotMessage answer = ask(ira, "как снять квартиру в ташкенте");
        String notHelped = answer.button("Не помогло").orElseThrow().callbackData();
        assertThat(press(ira, answer, notHelped)).isEqualTo("Спасибо за отзыв!");
        assertThat(TELEGRAM.awaitBotMessages(ira.id(), 2, WAIT).get(1).text()).contains("Жаль");
        assertThat(jdbc.sql("select count(*) from article_vote where article_id = ? and not helpful")
                .param(notHelped.split(":")[2]).query(Integer.class).single()).isPositive();

        assertThat(press(ira, answer, "human")).isEmpty();
        assertThat(TELEGRAM.awaitBotMessages(ira.id(), 3, WAIT).get(2).text()).contains("Опишите", "волонтёры");
        assertThat(ask(ira, "/cancel").text()).contains("не создаю");
    }

    @Test
    void aCityInTheQuestionWinsOverTheProfileCountry() {
        EmulatedUser boris = newUser("ru");
        BotMessage greeting = ask(boris, "/start");
        press(boris, greeting, "country:KZ");
        TELEGRAM.awaitBotMessages(boris.id(), 2, WAIT);
        BotMessage answer = ask(boris, "сколько можно находиться в тбилиси без визы");
        assertThat(actions(answer)).anyMatch(a -> a.startsWith("fb:+:ge-stay:"));
    }

    @Test
    void answersBeforeAnyCountryIsChosenAndInEnglishForEnglishQuestions() {
        EmulatedUser clara = newUser("en");
        BotMessage answer = ask(clara, "how do I get an IIN in Almaty");
        assertThat(actions(answer)).anyMatch(a -> a.startsWith("fb:+:kz-tax-id:"));
        assertThat(answer.text()).contains("Sources:", "Facts as of", "No person has checked");
        assertThat(answer.button("Helped")).isPresent();
    }

    @Test
    void translitAndTyposAreUnderstood() {
        EmulatedUser dima = newUser("ru");
        BotMessage answer = ask(dima, "kak poluchit iin v kazahstane");
        assertThat(actions(answer)).anyMatch(a -> a.startsWith("fb:+:kz-tax-id:"));
        BotMessage typo = ask(dima, "нужна ли прописска в ереване");
        assertThat(actions(typo)).anyMatch(a -> a.startsWith("fb:+:am-stay:"));
    }

    @Test
    void unclearQuestionsGetSuggestionsNeverARandomArticle() {
        EmulatedUser eva = newUser("ru");
        press(eva, ask(eva, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(eva.id(), 2, WAIT);
        BotMessage unclear = ask(eva, "документы");
        assertThat(unclear.text()).containsAnyOf("Не уверен", "Нашёл два подходящих ответа");
        List<String> actions = actions(unclear);
        assertThat(actions).last().isEqualTo("human:-"); // under an answer: the question can go with the request
        assertThat(actions.subList(0, actions.size() - 1)).hasSizeBetween(2, 3)
                .allMatch(a -> a.startsWith("sec:") || a.startsWith("art:"));

        int before = TELEGRAM.botMessages(eva.id()).size();
        press(eva, unclear, actions.get(0));
        BotMessage article = TELEGRAM.awaitBotMessages(eva.id(), before + 1, WAIT).get(before);
        assertThat(article.text()).contains("Источники:");

        BotMessage nonsense = ask(eva, "фывапролдж ячсмить");
        assertThat(nonsense.text()).contains("не нашёл ответа");
        assertThat(nonsense.allButtons()).extracting(BotMessage.InlineButton::callbackData).containsExactly("human:-");
        assertThat(jdbc.sql("select count(*) from unanswered_question where question = 'фывапролдж ячсмить'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    private static List<String> actions(BotMessage message) {
        return message.allButtons().stream().map(BotMessage.InlineButton::callbackData).toList();
    }

    /** The 👍 ("+") or 👎 ("-") button's data. */
    private static String vote(BotMessage message, String sign) {
        return actions(message).stream().filter(a -> a.startsWith("fb:" + sign + ":")).findFirst().orElseThrow();
    }

    @Test
    void greetingsAndThanksGetAShortHumanReply() {
        EmulatedUser fedor = newUser("ru");
        assertThat(ask(fedor, "Привет!").text()).startsWith("Здравствуйте").doesNotContain("Источники");
        assertThat(ask(fedor, "спасибо большое").text()).startsWith("Пожалуйста");
        assertThat(ask(fedor, "thanks a lot").text()).startsWith("You’re welcome");
    }

    /**
     * Thanks and greetings with a name or a few words more are still thanks and greetings: "вера спасибо
     * огромное!!" after a volunteer's answer got "О какой стране вопрос?" with the country buttons. Words that ask
     * something still get an answer.
     */
    @Test
    void thanksAndGreetingsWithANameOrAFewWordsMoreGetTheShortReplyToo() {
        EmulatedUser anna = newUser("ru");
        for (String thanks : List.of("вера спасибо огромное!!", "Спасибо, Тимур!", "спасибо, вы мне очень помогли")) {
            BotMessage reply = ask(anna, thanks);
            assertThat(reply.text()).as(thanks).startsWith("Пожалуйста");
            assertThat(reply.allButtons()).as(thanks).isEmpty();
        }
        assertThat(ask(anna, "здравствуйте, меня зовут Анна").text()).startsWith("Здравствуйте");
        assertThat(ask(anna, "thanks Vera").text()).startsWith("You’re welcome");
        assertThat(ask(anna, "привет, как получить иин").text()).contains("ИИН").doesNotStartWith("Здравствуйте");
        assertThat(ask(anna, "спасибо, а в алматы?").text()).doesNotStartWith("Пожалуйста");
        assertThat(ask(anna, "спасибо, а регистрация в ереване нужна").text()).contains("Армени")
                .doesNotStartWith("Пожалуйста");
    }

    /** The country question answered in words: a country or a city, or a button's label typed, is saved. */
    @Test
    void theCountryQuestionMayBeAnsweredInWords() {
        EmulatedUser ivan = newUser("ru");
        ask(ivan, "/start");
        assertThat(ask(ivan, "в Алматы").text()).startsWith("Запомнил: 🇰🇿 Казахстан");
        assertThat(jdbc.sql("select country from profile where user_id = ?").param(ivan.id()).query(String.class)
                .single()).isEqualTo("KZ");
        ask(ivan, "/country");
        assertThat(ask(ivan, "🌍 Другая страна").text()).startsWith("Понял. Подробные статьи");
        assertThat(jdbc.sql("select country from profile where user_id = ?").param(ivan.id()).query(String.class)
                .single()).isEqualTo("OTHER");
        EmulatedUser jane = newUser("en");
        ask(jane, "/country");
        assertThat(ask(jane, "Kyrgyzstan").text()).startsWith("Got it: 🇰🇬 Kyrgyzstan");
        // a question that names a country is still a question
        ask(jane, "/country");
        assertThat(ask(jane, "how do I get an IIN in Almaty").text()).contains("IIN").doesNotStartWith("Got it");
    }

    @Test
    void helpLanguageAndCountryCommands() {
        EmulatedUser gleb = newUser("ru");
        assertThat(ask(gleb, "/help").text()).contains("/country", "/lang", "не выбрана");
        BotMessage languages = ask(gleb, "/lang");
        press(gleb, languages, "lang:en");
        assertThat(TELEGRAM.awaitBotMessages(gleb.id(), 3, WAIT).get(2).text()).contains("English");
        assertThat(ask(gleb, "/help").text()).contains("What I can do");
        assertThat(ask(gleb, "/country").allButtons()).hasSize(7);
        assertThat(TELEGRAM.commands("ru")).anyMatch(c -> c.startsWith("country - "));
        assertThat(TELEGRAM.commands("en")).anyMatch(c -> c.startsWith("lang - "));
        // the menu comes from what the features declare, in their order, with /help after /start
        assertThat(TELEGRAM.commands("")).extracting(c -> c.split(" ")[0]).containsExactly("start", "help", "stay",
                "reminders", "housing", "human", "cancel", "country", "lang", "privacy", "mute", "unmute");
    }
}

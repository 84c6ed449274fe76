package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Knowledge answers through the real bot: which country, when a question does not say; destinations the bot does
 * not cover; a section first and the whole article on request; one changeable vote per person and answer.
 */
class AnswersEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQuestionWithoutItsCountryGetsWhichCountryAndIsAnsweredForTheOnePressed() {
        EmulatedUser anna = newUser("ru");
        String question = "сколько можно находиться без регистрации";
        BotMessage ask = ask(anna, question);
        assertThat(ask.text()).startsWith("О какой стране вопрос?").contains("/country");
        assertThat(ask.allButtons()).extracting(BotMessage.InlineButton::text).containsExactly("🇰🇿 Казахстан",
                "🇺🇿 Узбекистан", "🇰🇬 Кыргызстан", "🇹🇯 Таджикистан", "🇬🇪 Грузия", "🇦🇲 Армения", "🌍 Другая страна");
        assertThat(actions(ask)).allMatch(a -> a.startsWith("wc:") && a.length() <= 64);
        // not kept for curators: each button carries the section that answers it in its country (the question is
        // held only a short while, for "Ask a volunteer": HandoffEndToEndTest)
        assertThat(jdbc.sql("select count(*) from unanswered_question where question = ?").param(question)
                .query(Integer.class).single()).isZero();

        String kazakhstan = ask.button("Казахстан").orElseThrow().callbackData();
        assertThat(kazakhstan).startsWith("wc:kz-stay:");
        press(anna, ask, kazakhstan);
        BotMessage answer = TELEGRAM.awaitBotMessages(anna.id(), 2, WAIT).get(1);
        assertThat(answer.text()).contains("Казахстан", "Источники:", "Сведения от");
        assertThat(actions(answer)).anyMatch(a -> a.startsWith("fb:+:kz-stay:")).contains("art:kz-stay:ru",
                "stay:start:KZ", "human:kz-stay");
        BotMessage asked = TELEGRAM.awaitBotMessage(anna.id(), m -> m.messageId() == ask.messageId()
                && m.edits() == 1, WAIT);
        assertThat(asked.buttons()).as("answered: nothing left to press").isEmpty();
        assertThat(jdbc.sql("select count(*) from profile where user_id = ? and country is null").param(anna.id())
                .query(Integer.class).single()).as("the profile is not changed").isOne();

        BotMessage again = ask(anna, "how long can I stay without registration");
        assertThat(again.text()).startsWith("Which country is this about?");
        press(anna, again, "wc:*:en");
        BotMessage other = TELEGRAM.awaitBotMessages(anna.id(), 4, WAIT).get(3);
        assertThat(other.text()).startsWith("I cover six countries in detail");
        assertThat(actions(other)).contains("art:az-stay:en", "art:tr-stay:en", "art:rs-stay:en", "art:mn-stay:en",
                "human:-");
        assertThat(press(anna, again, "wc:no-such-article:limit:en")).contains("больше не работает");
        assertThat(press(anna, again, "wc:-:FR:en")).contains("больше не работает");
    }

    /**
     * The six countries as people spell them in Latin letters, English or not ("kazakstan", "tadjikistan",
     * "hayastan"): each names its country, as "kazahstan" did. "kazakstan" got "Which country is this about?".
     */
    @Test
    void commonLatinSpellingsOfTheSixCountriesNameThem() {
        EmulatedUser emma = newUser("en");
        BotMessage walked = ask(emma, "hi, how long can i stay in kazakstan as russian?? i came 2 months ago");
        assertThat(actions(walked)).as(walked.text()).anyMatch(a -> a.startsWith("fb:+:kz-stay:"));
        java.util.Map<String, String> spellings = new java.util.LinkedHashMap<>();
        spellings.put("Kazakstan", "kz");
        spellings.put("Qazaqstan", "kz");
        spellings.put("Nur-Sultan", "kz");
        spellings.put("Usbekistan", "uz");
        spellings.put("Ozbekiston", "uz");
        spellings.put("Kyrgystan", "kg");
        spellings.put("Kirghizia", "kg");
        spellings.put("Tadjikistan", "tj");
        spellings.put("Tajikstan", "tj");
        spellings.put("Tojikiston", "tj");
        spellings.put("Sakartvelo", "ge");
        spellings.put("Tiflis", "ge");
        spellings.put("Hayastan", "am");
        spellings.forEach((spelling, country) -> {
            BotMessage answer = ask(emma, "how long can I stay in " + spelling + " without registration");
            assertThat(actions(answer)).as(spelling + ": " + answer.text())
                    .anyMatch(a -> a.startsWith("fb:+:" + country + "-stay:"));
        });
        BotMessage russian = ask(newUser("ru"), "skolko mozhno nahoditsya v kazakstane");
        assertThat(actions(russian)).as(russian.text()).anyMatch(a -> a.startsWith("fb:+:kz-stay:"));
    }

    @Test
    void aDestinationTheBotDoesNotCoverIsSaidToBeSoWithWhatItsArticleHas() {
        EmulatedUser boris = newUser("ru");
        press(boris, ask(boris, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(boris.id(), 2, WAIT);
        BotMessage baku = ask(boris, "сколько можно жить в баку без визы");
        assertThat(baku.text()).startsWith("🇦🇿 Азербайджан: об этой стране я подробно не рассказываю");
        assertThat(actions(baku)).anyMatch(a -> a.startsWith("fb:+:az-stay:")).contains("art:az-stay:ru");

        BotMessage istanbul = ask(newUser("en"), "how long can a russian stay in istanbul");
        assertThat(istanbul.text()).startsWith("🇹🇷 Turkey: I do not cover this country in detail");
        assertThat(actions(istanbul)).anyMatch(a -> a.startsWith("fb:+:tr-stay:"));
        assertThat(ask(boris, "/country").allButtons()).as("the country menu keeps the six").hasSize(7);
    }

    @Test
    void aSectionComesFirstAndTheWholeArticleOnRequest() {
        EmulatedUser clara = newUser("ru");
        press(clara, ask(clara, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(clara.id(), 2, WAIT);
        BotMessage section = ask(clara, "за сколько дней делают иин и платно ли");
        assertThat(actions(section)).anyMatch(a -> a.startsWith("fb:+:kz-tax-id:")).contains("art:kz-tax-id:ru");
        assertThat(section.text()).contains("1 рабочий день").doesNotContain("История");

        int before = TELEGRAM.botMessages(clara.id()).size();
        press(clara, section, "art:kz-tax-id:ru");
        TELEGRAM.awaitBotMessage(clara.id(), m -> m.allButtons().stream()
                .anyMatch(b -> b.callbackData().startsWith("fb:+:kz-tax-id:")) && m.messageId() != section.messageId(),
                WAIT);
        List<BotMessage> whole = TELEGRAM.botMessages(clara.id());
        String text = whole.subList(before, whole.size()).stream().map(BotMessage::text)
                .collect(Collectors.joining("\n"));
        assertThat(text).contains("История и спорное", "1 рабочий день", "Источники:", "Сведения от");
        assertThat(whole.subList(before, whole.size())).allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(4096));
        assertThat(whole.get(whole.size() - 1).allButtons()).extracting(BotMessage.InlineButton::callbackData)
                .doesNotContain("art:kz-tax-id:ru");
    }

    @Test
    void onePersonVotesOnceOnAnAnswerTheyGotAndMayChangeTheirVote() {
        EmulatedUser dina = newUser("ru");
        EmulatedUser egor = newUser("ru");
        BotMessage answer = ask(dina, "как снять квартиру в бишкеке");
        String helped = vote(answer, "+");
        String notHelped = vote(answer, "-");
        String article = helped.split(":")[2];
        int rows = votes(article, "helpful");

        assertThat(press(egor, answer, helped)).as("someone else's button").contains("больше не работает");
        assertThat(votes(article, "helpful")).isEqualTo(rows);

        assertThat(press(dina, answer, helped)).isEqualTo("Спасибо за отзыв!");
        BotMessage voted = TELEGRAM.awaitBotMessage(dina.id(), m -> m.messageId() == answer.messageId()
                && m.edits() == 1, WAIT);
        assertThat(voted.allButtons().get(0).text()).isEqualTo("✅ Помогло");
        assertThat(actions(voted)).as("only the vote row changes").isEqualTo(actions(answer));
        assertThat(press(dina, answer, helped)).as("the same vote again").isEqualTo("Спасибо за отзыв!");
        assertThat(votes(article, "helpful")).isEqualTo(rows + 1);

        assertThat(press(dina, answer, notHelped)).isEqualTo("Спасибо за отзыв!");
        BotMessage changed = TELEGRAM.awaitBotMessage(dina.id(), m -> m.messageId() == answer.messageId()
                && m.edits() == 2, WAIT);
        assertThat(changed.allButtons().get(1).text()).isEqualTo("✅ Не помогло");
        assertThat(votes(article, "helpful")).isEqualTo(rows);
        assertThat(votes(article, "not helpful")).isPositive();
        int all = votes(article, "helpful") + votes(article, "not helpful");

        BotMessage forget = ask(dina, "/forget");
        press(dina, forget, "forget:yes");
        TELEGRAM.awaitBotMessage(dina.id(), m -> m.messageId() == forget.messageId() && m.edits() == 1, WAIT);
        assertThat(votes(article, "helpful") + votes(article, "not helpful")).as("/forget deletes the vote")
                .isEqualTo(all - 1);
    }

    private int votes(String article, String condition) {
        return jdbc.sql("select count(*) from article_vote where article_id = ? and " + condition).param(article)
                .query(Integer.class).single();
    }

    private static List<String> actions(BotMessage message) {
        return message.allButtons().stream().map(BotMessage.InlineButton::callbackData).toList();
    }

    private static String vote(BotMessage message, String sign) {
        return actions(message).stream().filter(a -> a.startsWith("fb:" + sign + ":")).findFirst().orElseThrow();
    }
}

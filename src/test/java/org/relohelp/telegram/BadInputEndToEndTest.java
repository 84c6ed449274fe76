package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relohelp.EndToEndTest;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever people send, the bot answers politely or keeps quiet, never crashes, and changes nothing else. */
class BadInputEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void stickersPhotosAndVoiceGetAPoliteWord() {
        EmulatedUser user = newUser("ru");
        TELEGRAM.sendSticker(user);
        TELEGRAM.sendPhoto(user);
        TELEGRAM.sendVoice(user);
        assertThat(TELEGRAM.awaitBotMessages(user.id(), 3, WAIT)).allMatch(m -> m.text().contains("только текст"));
        assertThat(ask(user, "как снять квартиру в бишкеке").text()).contains("Источники:");
    }

    @Test
    void emptyAndHugeTextsAreAnsweredPolitelyAndNotStored() {
        EmulatedUser user = newUser("ru");
        int unansweredBefore = unanswered();
        assertThat(ask(user, "   ").text()).contains("Напишите, пожалуйста, вопрос");
        assertThat(ask(user, "а".repeat(10_000)).text()).contains("очень длинное");
        assertThat(unanswered()).isEqualTo(unansweredBefore);
        assertThat(profileCountry(user)).isNull();
    }

    @Test
    void unknownCommandsPointToHelp() {
        EmulatedUser user = newUser("en");
        assertThat(ask(user, "/frobnicate now").text()).contains("/help");
    }

    @Test
    void editsAndGroupMessagesAreLeftAlone() throws InterruptedException {
        EmulatedUser user = newUser("ru");
        int sent = TELEGRAM.sendText(user, "привет");
        TELEGRAM.awaitBotMessages(user.id(), 1, WAIT);
        TELEGRAM.editText(user, sent, "как получить иин");
        TELEGRAM.sendText(user, -1_000_000_000_123L, "как получить иин");
        assertThat(messagesOnceIdle(user, 1)).isEmpty();
        assertThat(TELEGRAM.botMessages(-1_000_000_000_123L)).isEmpty();
    }

    @Test
    void forgedButtonsAreRefusedWithoutSideEffects() {
        EmulatedUser user = newUser("ru");
        BotMessage greeting = ask(user, "/start");
        int votesBefore = jdbc.sql("select count(*) from article_vote").query(Integer.class).single();
        assertThat(press(user, greeting, "country:XX")).contains("больше не работает");
        assertThat(press(user, greeting, "fb:+:no-such-article")).contains("больше не работает");
        assertThat(press(user, greeting, "fb:+:kz-tax-id")).contains("больше не работает");
        assertThat(press(user, greeting, "fb:-:kz-tax-id:s1abcdefgh")).contains("больше не работает");
        assertThat(press(user, greeting, "lang:de")).contains("больше не работает");
        assertThat(press(user, greeting, "anything at all")).contains("больше не работает");
        assertThat(profileCountry(user)).isNull();
        assertThat(jdbc.sql("select count(*) from article_vote").query(Integer.class).single())
                .isEqualTo(votesBefore);
    }

    @Test
    void htmlInQuestionsCannotBreakTheReply() {
        EmulatedUser user = newUser("ru");
        BotMessage reply = ask(user, "<b>как</b> & снять <a href=x>квартиру</a> в алматы?");
        assertThat(reply.text()).isNotBlank();
    }

    private int unanswered() {
        return jdbc.sql("select count(*) from unanswered_question").query(Integer.class).single();
    }

    private String profileCountry(EmulatedUser user) {
        return jdbc.sql("select country from profile where user_id = ?").param(user.id()).query(String.class)
                .optional().orElse(null);
    }
}

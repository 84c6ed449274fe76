package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.relohelp.handoff.ColumnNamesTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2 writes each failed JDBC call, with its stack trace and possibly the statement's values, to
 * {@code relohelp.trace.db} beside the database. A conversation through every part of the bot must leave no such
 * file: it grew by 400 KB in a quarter of an hour of sandbox use from harmless column look-ups, and it is a file
 * people's words must never reach.
 */
class H2TraceEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConversationWritesNothingToH2sTraceFile() {
        EmulatedUser vera = volunteer();
        EmulatedUser refugee = newUser("ru");
        press(refugee, ask(refugee, "/start"), "country:KZ");
        TELEGRAM.awaitBotMessages(refugee.id(), 2, WAIT);
        BotMessage answer = ask(refugee, "как получить иин");
        press(refugee, answer, "fb:+:kz-tax-id");
        ask(refugee, "/human");
        long ticket = number(ask(refugee, "Секретный вопрос про регистрацию").text());
        ask(refugee, "Ещё одна деталь, пока жду");
        ask(vera, "/queue");
        TELEGRAM.sendText(vera, "/take " + ticket);
        awaitMessageWith(vera.id(), "Ещё одна деталь");
        int refugeeSays = TELEGRAM.sendText(refugee, "моя история");
        BotMessage copy = awaitMessageWith(vera.id(), "моя история");
        TELEGRAM.editText(refugee, refugeeSays, "моя история, исправлено");
        TELEGRAM.awaitBotMessage(vera.id(), m -> m.messageId() == copy.messageId() && m.text().contains("исправлено"),
                WAIT);
        TELEGRAM.sendReply(vera, vera.id(), copy.messageId(), "ответ волонтёра");
        awaitMessageWith(refugee.id(), "ответ волонтёра");
        ask(vera, "/mine");
        ask(vera, "/me");
        ask(vera, "/close " + ticket);
        press(refugee, awaitMessageWith(refugee.id(), "Оцените"), "rate:" + ticket + ":5");
        ask(ADMIN, "/volunteers");
        ask(ADMIN, "/stats");
        // and an error whose message carries a person's words, as a failed statement's would
        assertThatThrownBy(() -> jdbc.sql("select cast(? as int)").param("шпинатный вопрос").query(Integer.class)
                .single()).hasMessageContaining("шпинатный");

        Path trace = DATA.resolve("relohelp.trace.db");
        assertThat(trace.toFile().length()).as(() -> "H2 traced: " + ColumnNamesTest.beginning(trace)).isZero();
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

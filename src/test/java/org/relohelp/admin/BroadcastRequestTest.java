package org.relohelp.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/** The /broadcast syntax: an audience first, always, then the text with its own line breaks. */
class BroadcastRequestTest {

    @Test
    void audiences() {
        assertThat(BroadcastRequest.parse("KZ ru Правило изменилось"))
                .contains(new BroadcastRequest(Country.KZ, Language.RU, "Правило изменилось"));
        assertThat(BroadcastRequest.parse("kz Правило\nизменилось"))
                .contains(new BroadcastRequest(Country.KZ, null, "Правило\nизменилось"));
        assertThat(BroadcastRequest.parse("all Всем привет")).contains(new BroadcastRequest(null, null, "Всем привет"));
        assertThat(BroadcastRequest.parse("all en Hello")).contains(new BroadcastRequest(null, Language.EN, "Hello"));
        assertThat(BroadcastRequest.parse("EN Hello")).contains(new BroadcastRequest(null, Language.EN, "Hello"));
        assertThat(BroadcastRequest.parse("GE\n\nСтрока 1\n  Строка 2"))
                .contains(new BroadcastRequest(Country.GE, null, "Строка 1\n  Строка 2"));
    }

    @Test
    void noAudienceOrNoTextIsRefused() {
        assertThat(BroadcastRequest.parse("")).isEmpty();
        assertThat(BroadcastRequest.parse("KZ")).isEmpty();
        assertThat(BroadcastRequest.parse("KZ ru")).isEmpty();
        assertThat(BroadcastRequest.parse("all   ")).isEmpty();
        assertThat(BroadcastRequest.parse("Правило изменилось")).isEmpty();
        assertThat(BroadcastRequest.parse("XX текст")).isEmpty();
    }
}

package org.relohelp.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The texts format their arguments: numbers as people type them, strings escaped once, trusted HTML as it is. */
class TextsTest {

    private final Texts texts = new Texts(messages());

    @Test
    void numbersAreNotGrouped() {
        assertThat(texts.get(Language.RU, "handoff.switched", 1234L)).isEqualTo("Теперь ваши сообщения уходят в заявку #1234.");
        assertThat(texts.get(Language.EN, "handoff.switched", 1234)).isEqualTo("Your messages now go to request #1234.");
        assertThat(texts.get(Language.RU, "roster.added", 5_000_000_123L)).isEqualTo("Волонтёр 5000000123 добавлен(а).");
        assertThat(texts.plain(Language.EN, "handoff.take-lost", 1234L, "Vera"))
                .isEqualTo("Request #1234 was already taken by Vera");
        assertThat(texts.get(Language.EN, "broadcast.too-long", 12_345, 3_500)).startsWith("The text is too long: 12345 "
                + "characters, the limit is 3500.");
        assertThat(texts.get(Language.EN, "stats.rating", "4.5", 1_200)).endsWith("4.5 (1200 ratings)");
    }

    @Test
    void aChoiceStillChoosesByItsNumber() {
        assertThat(texts.get(Language.EN, "article.stale", "1", 1)).startsWith("⚠️ These facts are 1 month old");
        assertThat(texts.get(Language.EN, "article.stale", "14", 14)).startsWith("⚠️ These facts are 14 months old");
    }

    @Test
    void stringsAreEscapedOnceAndTrustedHtmlIsLeftAlone() {
        assertThat(texts.get(Language.EN, "handoff.taken", "<b>Vera</b> & Co <3", 7))
                .isEqualTo("Volunteer &lt;b&gt;Vera&lt;/b&gt; &amp; Co &lt;3 has taken your request #7 and will answer here.");
        assertThat(texts.get(Language.EN, "handoff.taken", "A &amp; B", 7)).startsWith("Volunteer A &amp;amp; B has");
        assertThat(texts.get(Language.EN, "handoff.taken", Html.trusted("<i>Vera</i>"), 7))
                .startsWith("Volunteer <i>Vera</i> has");
        assertThat(texts.plain(Language.EN, "handoff.take-lost", 7, "<b>Vera</b> & Co"))
                .isEqualTo("Request #7 was already taken by <b>Vera</b> & Co");
    }

    @Test
    void anApostropheInATextWithArgumentsIsKept() {
        assertThat(texts.get(Language.EN, "drafts.approved", 3, "draft-1.en.md")).contains("the bot's data folder");
    }

    @Test
    void aTextWithoutArgumentsIsUsedAsWritten() {
        assertThat(texts.get(Language.EN, "privacy.text")).startsWith("<b>Your data in Relohelp</b>");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}

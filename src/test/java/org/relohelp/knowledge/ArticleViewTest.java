package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Button;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.context.support.ResourceBundleMessageSource;

/** How an answer looks: one section with its own sources and age, or the whole article; honest about dates. */
class ArticleViewTest {

    private static final String STAMP = "s1abcdefgh";
    private final ArticleFileParser parser = new ArticleFileParser();

    private static ArticleView view(String now) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Texts texts = new Texts(messages);
        KnowledgeProperties properties = new KnowledgeProperties(Path.of("config/knowledge"), null, 0.5, 1.25, 12, 7);
        return new ArticleView(texts, new Staleness(properties, texts,
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC)));
    }

    private Article article(String verified) throws InvalidArticleException {
        return parser.parse("kz/kz-test.ru.md", ArticleFileParserTest.v2(verified));
    }

    @Test
    void anAnswerIsOneSectionWithItsOwnSourcesAndTheAgeOfItsOldestOne() throws Exception {
        Article article = article("");
        Reply reply = view("2026-12-05T10:00:00Z").section(article, article.section("get").orElseThrow(),
                Language.RU, STAMP, null);
        assertThat(reply.html()).startsWith("<b>Как получить ИИН</b>\n<i>ИИН в Казахстане</i>\n\n")
                .contains("Придите в ЦОН с загранпаспортом.", "https://www.gov.kz/", "Новости")
                .doesNotContain("Бесплатно", "очереди", "Старый источник", "ИИН делают")
                .contains("Сведения от 29 февраля 2024 (дата самого старого источника). "
                        + "Человек эту статью с источниками ещё не сверял.")
                .contains("⚠️ Этим сведениям 33 мес.");
        assertThat(actions(reply)).containsExactly(List.of("fb:+:kz-test:" + STAMP + ":ru",
                "fb:-:kz-test:" + STAMP + ":ru"), List.of("art:kz-test:ru"), List.of("human:kz-test"));
    }

    @Test
    void theWholeArticleHasEverySectionAndSourceAndTheAgeOfItsAnswers() throws Exception {
        Article article = article("verified: 2026-12-01");
        Reply reply = view("2026-12-05T10:00:00Z").whole(article, Language.RU, STAMP, null);
        assertThat(reply.html()).startsWith("<b>ИИН в Казахстане</b>\n\nИИН делают <b>лично в ЦОН</b>")
                .contains("<b>Как получить ИИН</b>", "<b>Сколько стоит</b>", "<b>История и спорное</b>",
                        "Бесплатно, 1 рабочий день.", "В 2022 году стояли очереди.", "Старый источник", "gov.kz",
                        "Новости")
                // the history section's 2022 source is left out of the article's age
                .contains("Сведения от 29 февраля 2024", "Человек сверил статью с источниками 1 декабря 2026.");
        assertThat(actions(reply)).containsExactly(List.of("fb:+:kz-test:" + STAMP + ":ru",
                "fb:-:kz-test:" + STAMP + ":ru"), List.of("human:kz-test"));
    }

    @Test
    void freshFactsGetNoWarningAndEnglishReadersTheirOwnWords() throws Exception {
        Article article = parser.parse("kz/kz-test.en.md", ArticleFileParserTest.v2("")
                .replace("language: ru", "language: en"));
        Reply reply = view("2024-06-01T10:00:00Z").section(article, article.section("cost").orElseThrow(),
                Language.EN, STAMP, null);
        assertThat(reply.html()).contains("Facts as of 15 April 2025 (the oldest source’s date).",
                "No person has checked this article against its sources yet.").doesNotContain("⚠️");
        assertThat(reply.buttons().get(1).get(0).label()).isEqualTo("📄 Whole article");
    }

    /**
     * A page without a date is read on some day; that day is not its facts' date. Before, such sources carried the
     * day they were read as their date, so a section built on them said "facts as of" that day: the weakest source
     * looked like the freshest.
     */
    @Test
    void anUndatedSourceIsNeverShownAsTheFactsDate() throws Exception {
        Article article = parser.parse("kz/kz-test.ru.md", ArticleFileParserTest.v2("")
                .replace("date: 2025-04-15", "date: undated\n    accessed: 2026-12-05"));
        ArticleView view = view("2026-12-05T10:00:00Z");
        String alone = view.section(article, article.section("cost").orElseThrow(), Language.RU, STAMP, null).html();
        assertThat(alone).contains("Источники этих сведений не указывают даты (прочитаны 5 декабря 2026)")
                .doesNotContain("Сведения от", "⚠️");
        String beside = view.section(article, article.section("get").orElseThrow(), Language.RU, STAMP, null).html();
        assertThat(beside).contains("Сведения от 29 февраля 2024 (дата самого старого источника). "
                + "Часть источников без даты (прочитаны 5 декабря 2026).");
    }

    @Test
    void aVoteRedrawsOnlyTheVoteRow() throws Exception {
        Article article = article("");
        ArticleView view = view("2026-12-05T10:00:00Z");
        List<List<Button>> before = view.buttons(article, true, Language.RU, STAMP, null);
        List<List<Button>> helped = view.buttons(article, true, Language.RU, STAMP, true);
        List<List<Button>> notHelped = view.buttons(article, true, Language.RU, STAMP, false);
        assertThat(helped.get(0)).extracting(Button::label).containsExactly("✅ Помогло", "👎 Не помогло");
        assertThat(notHelped.get(0)).extracting(Button::label).containsExactly("👍 Помогло", "✅ Не помогло");
        assertThat(helped.subList(1, helped.size())).isEqualTo(before.subList(1, before.size()));
        assertThat(helped.get(0)).extracting(Button::action).isEqualTo(before.get(0).stream().map(Button::action)
                .toList());
    }

    @Test
    void aStayArticleForOneCountryCountsDaysInThatCountry() throws Exception {
        Article stay = parser.parse("kz/kz-test.ru.md", ArticleFileParserTest.v2("")
                .replace("topic: id-number", "topic: stay"));
        assertThat(actions(view("2026-12-05T10:00:00Z").section(stay, stay.section("get").orElseThrow(),
                Language.RU, STAMP, null))).contains(List.of("stay:start:KZ"));
        Article everywhere = parser.parse("general/kz-test.ru.md", ArticleFileParserTest.v2("")
                .replace("topic: id-number", "topic: stay").replace("countries: [KZ]", "countries: [all]"));
        assertThat(actions(view("2026-12-05T10:00:00Z").whole(everywhere, Language.RU, STAMP, null)))
                .noneMatch(row -> row.get(0).startsWith("stay:"));
    }

    @Test
    void anOldFormatArticleIsShownWhole() throws Exception {
        Article old = parser.parse("kz/kz-stay.ru.md", KnowledgeImportTest.article("kz-stay", "ru", "Срок"));
        Reply reply = view("2026-12-05T10:00:00Z").section(old, old.sections().get(0), Language.RU, STAMP,
                "Заметка");
        assertThat(reply.html()).startsWith("<i>Заметка</i>\n\n<b>Срок</b>\n\n<b>90 дней</b> в течение 180.")
                .contains("Сведения от 19 января 2023", "ещё не сверял");
        assertThat(actions(reply)).doesNotContain(List.of("art:kz-stay:ru")).contains(List.of("stay:start:KZ"));
    }

    private static List<List<String>> actions(Reply reply) {
        return reply.buttons().stream().map(row -> row.stream().map(Button::action).toList()).toList();
    }
}

package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Language;

/** Format v2 files and old ones as the parser reads them, and the bad files it refuses with a reason. */
class ArticleFileParserTest {

    private final ArticleFileParser parser = new ArticleFileParser();

    static final String V2 = """
            ---
            id: kz-test
            language: ru
            countries: [KZ]
            topic: id-number
            title: "ИИН в Казахстане"
            keywords: [ИИН, iin]
            sources:
              - ref: old
                title: "Старый источник"
                url: https://example.org/old
                date: 2022-09-29
              - ref: egov
                title: "gov.kz"
                url: https://www.gov.kz/
                date: 2024-02-29
              - ref: news
                title: "Новости"
                date: 2025-04-15
            %s
            ---
            ИИН делают **лично в ЦОН**: бесплатно, за 1 рабочий день (правила МВД от 29.02.2024).

            ## Как получить ИИН {#get}
            <!-- questions: как получить иин | где делают иин | kak poluchit iin -->
            <!-- sources: egov, news -->
            Придите в ЦОН с загранпаспортом.
            <!-- a curator's note, never shown -->

            ## Сколько стоит {#cost}
            <!-- questions: иин платно или нет | сколько стоит иин | за сколько дней делают иин -->
            <!-- sources: news -->
            Бесплатно, 1 рабочий день.

            ## История и спорное {#history}
            <!-- sources: old -->
            В 2022 году стояли очереди.
            """;

    static String v2(String verifiedLine) {
        return V2.formatted(verifiedLine);
    }

    @Test
    void readsTheLeadSectionsTheirQuestionsAndSourcesAndTheAgeOfTheirFacts() throws Exception {
        Article article = parser.parse("kz/kz-test.ru.md", v2(""));
        assertThat(article.language()).isEqualTo(Language.RU);
        assertThat(article.countries()).containsExactly(Destination.KZ);
        assertThat(article.topic()).isEqualTo("id-number");
        assertThat(article.lead()).startsWith("ИИН делают **лично в ЦОН**");
        assertThat(article.sectioned()).isTrue();
        assertThat(article.sections()).extracting(Article.Section::id).containsExactly("get", "cost", "history");
        Article.Section get = article.section("get").orElseThrow();
        assertThat(get.title()).isEqualTo("Как получить ИИН");
        assertThat(get.questions()).containsExactly("как получить иин", "где делают иин", "kak poluchit iin");
        assertThat(get.markdown()).isEqualTo("Придите в ЦОН с загранпаспортом.");
        assertThat(article.sourcesOf(get)).extracting(Article.Source::ref).containsExactly("egov", "news");
        assertThat(article.oldestFact(get)).contains(LocalDate.of(2024, 2, 29));
        assertThat(article.oldestFact(article.section("cost").orElseThrow())).contains(LocalDate.of(2025, 4, 15));
        // the history section is left out of the article's age, and it answers no question
        assertThat(article.section("history").orElseThrow().answers()).isFalse();
        assertThat(article.oldestFact()).contains(LocalDate.of(2024, 2, 29));
        assertThat(article.verified()).isNull();
    }

    @Test
    void verifiedIsTheDayAPersonCheckedTheArticle() throws Exception {
        assertThat(parser.parse("kz/kz-test.ru.md", v2("verified: 2026-12-01")).verified())
                .isEqualTo(LocalDate.of(2026, 12, 1));
        assertThatThrownBy(() -> parser.parse("kz/kz-test.ru.md", v2("verified: soon")))
                .hasMessageContaining("'verified' must be a date");
    }

    @Test
    void anUndatedSourceSaysWhenItWasReadAndNothingElseMayStandInForItsDate() throws Exception {
        Article article = parser.parse("kz/kz-test.ru.md",
                v2("").replace("date: 2025-04-15", "date: undated\n    accessed: 2026-12-05"));
        assertThat(article.sources()).filteredOn(s -> s.ref().equals("news")).singleElement().satisfies(news -> {
            assertThat(news.date()).isNull();
            assertThat(news.accessed()).isEqualTo(LocalDate.of(2026, 12, 5));
        });
        assertThat(article.oldestFact(article.section("cost").orElseThrow())).isEmpty();
        assertThatThrownBy(() -> parser.parse("kz/kz-test.ru.md", v2("").replace("date: 2025-04-15", "date: undated")))
                .hasMessageContaining("needs 'accessed'");
        assertThatThrownBy(() -> parser.parse("kz/kz-test.ru.md",
                v2("").replace("date: 2025-04-15", "date: 2025-04-15\n    accessed: 2026-12-05")))
                .hasMessageContaining("only for an undated source");
    }

    @Test
    void anOldFormatFileIsOneImplicitSectionNeverVerified() throws Exception {
        Article old = parser.parse("kz/kz-stay.ru.md", KnowledgeImportTest.article("kz-stay", "ru", "Срок"));
        assertThat(old.sectioned()).isFalse();
        assertThat(old.sections()).singleElement().satisfies(section -> {
            assertThat(section.implicit()).isTrue();
            assertThat(section.answers()).isTrue();
            assertThat(section.title()).isEqualTo("Срок");
            assertThat(section.markdown()).isEqualTo("**90 дней** в течение 180.");
        });
        assertThat(old.sourcesOf(old.sections().get(0))).hasSize(1);
        // before v2, 'verified' held the newest source's date: it is not taken for a person's check
        assertThat(old.verified()).isNull();
        assertThat(old.oldestFact()).contains(LocalDate.of(2023, 1, 19));
        Article banking = parser.parse("general/bank.ru.md", KnowledgeImportTest.article("bank", "ru", "Банки")
                .replace("topic: stay", "topic: banking"));
        assertThat(banking.topic()).isEqualTo("money");
    }

    @Test
    void countriesMayBeTheDestinationsTheBotDoesNotCover() throws Exception {
        Article baku = parser.parse("elsewhere/az-test.ru.md", v2("").replace("id: kz-test", "id: az-test")
                .replace("countries: [KZ]", "countries: [AZ]"));
        assertThat(baku.isElsewhere()).isTrue();
        assertThat(baku.isFor(Destination.AZ)).isTrue();
        assertThatThrownBy(() -> parser.parse("kz/kz-test.ru.md", v2("").replace("[KZ]", "[FR]")))
                .hasMessageContaining("unknown country 'FR'");
    }

    @Test
    void badFilesAreRefusedWithTheReason() {
        assertRefused(v2("").replace("## Сколько стоит {#cost}", "## Сколько стоит"),
                "the section 'Сколько стоит' has no id");
        assertRefused(v2("").replace("{#cost}", "{#get}"), "two sections have the id 'get'");
        assertRefused(v2("").replace("<!-- sources: news -->", "<!-- sources: news, rumours -->"),
                "section #cost cites the source 'rumours', which is not in the front matter's sources");
        assertRefused(v2("").replace("    date: 2025-04-15\n", ""), "and a 'date' (its own date");
        assertRefused(v2("").replace("  - ref: news\n    title", "  - title"), "the source 'Новости' needs a 'ref'");
        assertRefused(v2("").replace("<!-- sources: news -->\n", ""), "the section #cost has no '<!-- sources");
        assertRefused(v2("").replace("Бесплатно, 1 рабочий день.", ""), "the section #cost has no text");
        assertRefused(v2("").replace("{#cost}", "{#Cost 2}"), "section id 'Cost 2' must be lowercase");
        assertRefused(v2("").replace("{#cost}", "{#" + "c".repeat(45) + "}"), "is too long");
        assertRefused(v2("").replace("ИИН делают", "<!-- questions: иин -->\nИИН делают"),
                "questions and sources lines belong to sections");
        assertRefused(v2("").replace("ref: news", "ref: egov"), "two sources have the ref 'egov'");
    }

    @Test
    void commentsAreNeverShown() throws Exception {
        Article article = parser.parse("kz/kz-test.ru.md", v2(""));
        assertThat(article.sections()).allSatisfy(s -> assertThat(s.markdown()).doesNotContain("<!--", "note"));
        assertThat(TelegramHtml.fromMarkdown(article.section("get").orElseThrow().markdown()))
                .isEqualTo("Придите в ЦОН с загранпаспортом.");
        assertThat(Set.copyOf(article.keywords())).containsExactlyInAnyOrder("ИИН", "iin");
    }

    private void assertRefused(String content, String reason) {
        assertThatThrownBy(() -> parser.parse("kz/kz-test.ru.md", content))
                .isInstanceOf(InvalidArticleException.class).hasMessageContaining(reason);
    }
}

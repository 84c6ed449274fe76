package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Language;

/** The shipped knowledge base: complete, bilingual, sourced, shaped as format v2 asks, and valid for Telegram. */
class KnowledgeFilesTest {

    private final List<Article> articles = load();

    @Test
    void everyCountryHasHousingIdNumberAndStayInBothLanguages() {
        for (Destination country : List.of(Destination.KZ, Destination.UZ, Destination.KG, Destination.TJ,
                Destination.GE, Destination.AM)) {
            for (String topic : List.of("housing", "id-number", "stay")) {
                for (Language language : Language.values()) {
                    assertThat(articles).as(country + " " + topic + " " + language)
                            .anyMatch(a -> a.isFor(country) && !a.isGeneral() && a.topic().equals(topic)
                                    && a.language() == language);
                }
            }
        }
        assertThat(articles.stream().filter(Article::isGeneral).map(Article::topic))
                .contains("safety", "money", "phone", "housing");
    }

    @Test
    void russianAndEnglishVersionsComeInPairs() {
        Map<String, List<Language>> languages = articles.stream().collect(Collectors.groupingBy(Article::id,
                Collectors.mapping(Article::language, Collectors.toList())));
        assertThat(languages).allSatisfy((id, langs) -> assertThat(langs).as(id)
                .containsExactlyInAnyOrder(Language.RU, Language.EN));
    }

    @Test
    void bothLanguagesHaveTheSameSections() {
        Map<String, List<List<String>>> sections = articles.stream().collect(Collectors.groupingBy(Article::id,
                Collectors.mapping(a -> a.sections().stream().map(Article.Section::id).toList(), Collectors.toList())));
        assertThat(sections).allSatisfy((id, both) -> assertThat(both).as(id).containsOnly(both.get(0)));
    }

    @Test
    void everyArticleHasALinkedSourceAndEverySectionsFactsAreDatedOrSayTheyAreNot() {
        assertThat(articles).allSatisfy(a -> {
            assertThat(a.sources()).as(a.file()).anyMatch(s -> s.url() != null);
            assertThat(a.oldestFact().isPresent() || Article.undatedRead(a.sources()).isPresent()).as(a.file()).isTrue();
            if (a.sectioned()) {
                // a section's facts have a date, or it rests on pages without one, each saying when it was read
                assertThat(a.sections()).as(a.file()).allSatisfy(s -> assertThat(a.oldestFact(s).isPresent()
                        || Article.undatedRead(a.sourcesOf(s)).isPresent()).as(s.id()).isTrue());
                assertThat(a.sources()).as(a.file()).allSatisfy(s -> assertThat(s.date() != null
                        || s.accessed() != null).as(s.title()).isTrue());
            }
        });
    }

    /** Format v2: sections answer one question each, 3–8 ways of asking it, and fit a phone screen. */
    @Test
    void sectionsAreQuestionSized() {
        for (Article article : articles.stream().filter(Article::sectioned).toList()) {
            List<Article.Section> sections = article.sections();
            for (int i = 0; i < sections.size(); i++) {
                Article.Section section = sections.get(i);
                String where = article.file() + "#" + section.id();
                if (section.questions().isEmpty()) {
                    assertThat(i).as(where + ": only the last section (history) has no questions")
                            .isEqualTo(sections.size() - 1);
                } else {
                    assertThat(section.questions()).as(where).hasSizeBetween(3, 8);
                }
                String plain = org.relohelp.emulator.TelegramHtmlCheck.toPlainText(
                        TelegramHtml.fromMarkdown(section.markdown()));
                assertThat(plain.length()).as(where).isLessThanOrEqualTo(1500);
            }
        }
    }

    @Test
    void everyArticleRendersToHtmlTelegramAccepts() {
        for (Article article : articles) {
            for (String markdown : article.sections().stream().map(Article.Section::markdown).toList()) {
                String html = TelegramHtml.fromMarkdown(markdown);
                assertThat(html).as(article.file()).doesNotContain("**", "](", "&lt;!--");
                if (!article.sectioned()) {
                    String plain = org.relohelp.emulator.TelegramHtmlCheck.toPlainText(html);
                    assertThat(plain.length()).as(article.file()).isLessThan(3500);
                }
            }
        }
    }

    private static List<Article> load() {
        try {
            return SearchEvaluation.loadArticles(SearchEvaluation.KNOWLEDGE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

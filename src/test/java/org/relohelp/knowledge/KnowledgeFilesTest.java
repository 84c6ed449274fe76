package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/** The shipped knowledge base: complete, bilingual, sourced, and valid for Telegram. */
class KnowledgeFilesTest {

    private final List<Article> articles = load();

    @Test
    void everyCountryHasHousingTaxIdAndStayInBothLanguages() {
        for (Country country : List.of(Country.KZ, Country.UZ, Country.KG, Country.TJ, Country.GE, Country.AM)) {
            for (String topic : List.of("housing", "tax-id", "stay")) {
                for (Language language : Language.values()) {
                    assertThat(articles).as(country + " " + topic + " " + language)
                            .anyMatch(a -> a.isFor(country) && !a.isGeneral() && a.topic().equals(topic)
                                    && a.language() == language);
                }
            }
        }
        assertThat(articles.stream().filter(Article::isGeneral).map(Article::topic))
                .contains("safety", "banking", "sim", "shelter");
    }

    @Test
    void russianAndEnglishVersionsComeInPairs() {
        Map<String, List<Language>> languages = articles.stream().collect(Collectors.groupingBy(Article::id,
                Collectors.mapping(Article::language, Collectors.toList())));
        assertThat(languages).allSatisfy((id, langs) -> assertThat(langs).as(id)
                .containsExactlyInAnyOrder(Language.RU, Language.EN));
    }

    @Test
    void everyArticleHasALinkedSourceAndItsDate() {
        assertThat(articles).allSatisfy(a -> {
            assertThat(a.sources()).as(a.file()).anyMatch(s -> s.url() != null);
            assertThat(a.verified()).as(a.file()).isNotNull();
        });
    }

    @Test
    void everyArticleRendersToHtmlTelegramAcceptsWithinOneMessage() {
        for (Article article : articles) {
            String html = TelegramHtml.fromMarkdown(article.body());
            String plain = org.relohelp.emulator.TelegramHtmlCheck.toPlainText(html);
            assertThat(plain.length()).as(article.file()).isLessThan(3500);
            assertThat(html).as(article.file()).doesNotContain("**", "](");
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

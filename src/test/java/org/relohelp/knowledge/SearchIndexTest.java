package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/** The index's readers come from Lucene's SearcherManager: replaced on every rebuild and closed once unused. */
class SearchIndexTest {

    private static final Path KNOWLEDGE = Path.of("config/knowledge");
    private final TextAnalysis analysis = new TextAnalysis(KNOWLEDGE.resolve("synonyms.txt"));
    private final SearchIndex index = new SearchIndex(analysis, new PlaceNames(KNOWLEDGE.resolve("places.yml"),
            analysis), new PlaceNames(KNOWLEDGE.resolve("country-words.yml"), analysis), TopicWords.none());

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void aRebuildClosesTheReaderItReplaces() throws Exception {
        index.rebuild(List.of(article("kz-test", "ru")));
        IndexReader first = index.currentReader();
        assertThat(first.getRefCount()).isPositive();

        index.rebuild(List.of(article("kz-test", "ru"), article("kz-test", "en")));

        assertThat(first.getRefCount()).as("the replaced reader is closed").isZero();
        assertThat(index.currentReader()).isNotSameAs(first);
        assertThat(index.search("как получить иин", Optional.of(Country.KZ), Language.RU).hits())
                .extracting(h -> h.article().id()).containsExactly("kz-test");
    }

    @Test
    void aSearchUnderWayKeepsItsReaderUntilItIsDone() throws Exception {
        index.rebuild(List.of(article("kz-test", "ru")));
        IndexReader used = index.withSearcher(searcher -> {
            index.rebuild(List.of());
            assertThat(searcher.getIndexReader().getRefCount()).as("still open while searched").isPositive();
            assertThat(searcher.getIndexReader().numDocs()).isEqualTo(3);
            return searcher.getIndexReader();
        });
        assertThat(used.getRefCount()).isZero();
        assertThat(index.search("как получить иин", Optional.of(Country.KZ), Language.RU).hits()).isEmpty();
    }

    @Test
    void closingTheIndexClosesItsReader() throws Exception {
        index.rebuild(List.of(article("kz-test", "ru")));
        IndexReader reader = index.currentReader();
        index.close();
        assertThat(reader.getRefCount()).isZero();
    }

    private static Article article(String id, String language) throws InvalidArticleException {
        String text = ArticleFileParserTest.v2("").replace("id: kz-test", "id: " + id)
                .replace("language: ru", "language: " + language);
        return new ArticleFileParser().parse("kz/" + id + "." + language + ".md", text);
    }
}

package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.PostgresEndToEndTest;
import org.relohelp.chat.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Articles on PostgreSQL: the start-up import of config/knowledge, and the upsert and retirement of a file. */
class KnowledgeOnPostgresTest extends PostgresEndToEndTest {

    @Autowired
    ArticleStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theKnowledgeFolderWasImportedAtStartUp() {
        assertThat(store.active()).hasSizeGreaterThanOrEqualTo(44)
                .anyMatch(a -> a.id().equals("kz-tax-id") && a.language() == Language.RU && !a.sources().isEmpty());
    }

    @Test
    void aFileIsAddedChangedAndRetired() throws Exception {
        String file = "pg-test/pg-test.en.md";
        store.upsert(article(file, "First title", EnumSet.of(Destination.KZ)), "hash-1");
        assertThat(store.files().get(file).hash()).isEqualTo("hash-1");
        store.upsert(article(file, "Second title", EnumSet.noneOf(Destination.class)), "hash-2");
        Article changed = store.find("pg-test", Language.EN).orElseThrow();
        assertThat(changed.title()).isEqualTo("Second title");
        assertThat(changed.isGeneral()).isTrue();
        assertThat(changed.body()).hasSize(20_000);
        assertThat(changed.verified()).isNull();
        assertThat(changed.sources()).singleElement().extracting(Article.Source::date).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(jdbc.sql("select count(*) from article where file = ?").param(file).query(Integer.class).single())
                .isEqualTo(1);
        store.retire(file);
        assertThat(store.find("pg-test", Language.EN)).isEmpty();
        assertThat(store.files().get(file).retired()).isTrue();
    }

    private static Article article(String file, String title, EnumSet<Destination> countries) throws Exception {
        String body = "long text ".repeat(2_000);
        ArticleSections.Parsed parsed = ArticleSections.parse(body, title);
        return new Article("pg-test", Language.EN, countries, "stay", title, body, parsed.lead(), parsed.sections(),
                List.of("pg", "test"), List.of(new Article.Source(null, "source", "https://example.org/",
                LocalDate.of(2026, 1, 2), null)), null, file);
    }
}

package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relohelp.chat.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing the knowledge folder into H2: upsert new and changed, keep unchanged, retire removed, skip bad. */
@JdbcTest
@Import({KnowledgeImport.class, ArticleStore.class})
class KnowledgeImportTest {

    @Autowired
    KnowledgeImport importer;
    @Autowired
    ArticleStore store;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @Test
    void addsChangesKeepsAndRetires() throws IOException {
        write("kz/kz-stay.ru.md", article("kz-stay", "ru", "Срок пребывания"));
        write("kz/kz-stay.en.md", article("kz-stay", "en", "How long you may stay"));
        assertThat(importer.sync(dir)).isEqualTo(new ImportReport(2, 0, 0, 0, java.util.List.of()));

        write("kz/kz-stay.en.md", article("kz-stay", "en", "How long you may stay in Kazakhstan"));
        String updatedBefore = updatedAt("kz/kz-stay.ru.md");
        assertThat(importer.sync(dir)).isEqualTo(new ImportReport(0, 1, 1, 0, java.util.List.of()));
        assertThat(updatedAt("kz/kz-stay.ru.md")).isEqualTo(updatedBefore);
        assertThat(store.find("kz-stay", Language.EN).orElseThrow().title()).endsWith("in Kazakhstan");

        Files.delete(dir.resolve("kz/kz-stay.en.md"));
        assertThat(importer.sync(dir).retired()).isEqualTo(1);
        assertThat(store.find("kz-stay", Language.EN)).isEmpty();
        assertThat(store.active()).extracting(Article::file).containsExactly("kz/kz-stay.ru.md");

        write("kz/kz-stay.en.md", article("kz-stay", "en", "Back again"));
        assertThat(importer.sync(dir).changed()).isEqualTo(1);
        assertThat(store.find("kz-stay", Language.EN)).isPresent();
    }

    @Test
    void aMalformedFileIsReportedWithItsReasonAndTheRestLoads() throws IOException {
        write("kz/kz-stay.ru.md", article("kz-stay", "ru", "Срок"));
        write("kz/broken.ru.md", "no front matter here");
        write("kz/kz-housing.ru.md", article("kz-housing", "ru", "Жильё").replace("topic: stay", "topic: weather"));
        write("kz/wrong-name.ru.md", article("kz-sim", "ru", "SIM"));
        write("kz/bad-yaml.ru.md", "---\nid: [unclosed\n---\nтекст");
        ImportReport report = importer.sync(dir);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.invalid()).hasSize(4).anyMatch(r -> r.startsWith("kz/broken.ru.md: no front matter"))
                .anyMatch(r -> r.startsWith("kz/kz-housing.ru.md: topic must be one of"))
                .anyMatch(r -> r.startsWith("kz/wrong-name.ru.md: the file name must be kz-sim.ru.md"))
                .anyMatch(r -> r.startsWith("kz/bad-yaml.ru.md: the front matter is not valid YAML"));
    }

    @Test
    void aGoodVersionStaysInServiceWhileItsFileIsBroken() throws IOException {
        write("kz/kz-stay.ru.md", article("kz-stay", "ru", "Срок"));
        importer.sync(dir);
        write("kz/kz-stay.ru.md", "---\nid: kz-stay\n---\n");
        assertThat(importer.sync(dir).invalid()).hasSize(1);
        assertThat(store.find("kz-stay", Language.RU).orElseThrow().title()).isEqualTo("Срок");
    }

    @Test
    void twoFilesCannotClaimTheSameArticle() throws IOException {
        write("kz/kz-stay.ru.md", article("kz-stay", "ru", "Срок"));
        write("other/kz-stay.ru.md", article("kz-stay", "ru", "Копия"));
        ImportReport report = importer.sync(dir);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.invalid()).singleElement().asString().contains("the same id and language as");
    }

    @Test
    void publishedDraftsAreReadAfterTheKnowledgeBaseWhichWins() throws IOException {
        write("base/kz/kz-stay.ru.md", article("kz-stay", "ru", "Срок"));
        write("drafts/draft-20260101-1.ru.md", article("draft-20260101-1", "ru", "Черновик"));
        write("drafts/kz-stay.ru.md", article("kz-stay", "ru", "Старая копия"));
        ImportReport report = importer.sync(List.of(dir.resolve("base"), dir.resolve("drafts"), dir.resolve("none")));
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.invalid()).singleElement().asString()
                .startsWith("kz-stay.ru.md: the same id and language as kz/kz-stay.ru.md");
        assertThat(store.active()).extracting(Article::file)
                .containsExactlyInAnyOrder("kz/kz-stay.ru.md", "draft-20260101-1.ru.md");
        assertThat(store.find("kz-stay", Language.RU).orElseThrow().title()).isEqualTo("Срок");
    }

    @Test
    void translationsWithOtherSectionsAreBothRefusedAndTheRestLoads() throws IOException {
        String ru = ArticleFileParserTest.v2("");
        String en = ru.replace("language: ru", "language: en");
        write("kz/kz-test.ru.md", ru);
        write("kz/kz-test.en.md", en);
        write("kz/kz-stay.ru.md", article("kz-stay", "ru", "Срок"));
        assertThat(importer.sync(dir)).isEqualTo(new ImportReport(3, 0, 0, 0, java.util.List.of()));

        write("kz/kz-test.en.md", en.replace("{#cost}", "{#price}").replace("Бесплатно", "Free"));
        write("kz/kz-test.ru.md", ru.replace("Бесплатно", "Даром"));
        ImportReport report = importer.sync(dir);
        assertThat(report.invalid()).containsExactlyInAnyOrder(
                "kz/kz-test.en.md: its section ids [get, price, history] differ from kz/kz-test.ru.md's "
                        + "[get, cost, history]; both languages need the same sections in the same order",
                "kz/kz-test.ru.md: its section ids [get, cost, history] differ from kz/kz-test.en.md's "
                        + "[get, price, history]; both languages need the same sections in the same order");
        assertThat(report.unchanged()).isEqualTo(1);
        // the earlier good versions stay in service
        assertThat(store.find("kz-test", Language.RU).orElseThrow().section("cost").orElseThrow().markdown())
                .startsWith("Бесплатно");
        assertThat(store.find("kz-test", Language.EN).orElseThrow().section("price")).isEmpty();
    }

    @Test
    void aStoredArticleReadsBackWithItsSectionsSourcesAndDates() throws IOException {
        write("kz/kz-test.ru.md", ArticleFileParserTest.v2("verified: 2026-12-01"));
        importer.sync(dir);
        Article stored = store.find("kz-test", Language.RU).orElseThrow();
        assertThat(stored.sections()).extracting(Article.Section::id).containsExactly("get", "cost", "history");
        assertThat(stored.sourcesOf(stored.section("get").orElseThrow())).extracting(Article.Source::ref)
                .containsExactly("egov", "news");
        assertThat(stored.oldestFact()).contains(java.time.LocalDate.of(2024, 2, 29));
        assertThat(stored.verified()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
        assertThat(stored.countries()).containsExactly(Destination.KZ);
    }

    private String updatedAt(String file) {
        return jdbc.sql("select updated_at from article where file = ?").param(file).query(String.class).single();
    }

    private void write(String file, String content) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), content);
    }

    static String article(String id, String language, String title) {
        return """
                ---
                id: %s
                language: %s
                countries: [KZ]
                topic: stay
                title: "%s"
                keywords: [срок, stay]
                sources:
                  - title: Astana Times
                    url: https://astanatimes.com/
                    date: 2023-01-19
                verified: 2023-01-19
                ---
                **90 дней** в течение 180.
                """.formatted(id, language, title);
    }
}

package org.relohelp.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Articles in the database, one row per knowledge file. Retired rows stay so that feedback keeps its article. */
@Repository
class ArticleStore {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String COLUMNS = "file, article_id, language, countries, topic, title, body, keywords, "
            + "sources, verified";

    private final JdbcClient jdbc;
    private final Clock clock;

    ArticleStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What is stored per file: its content hash and the article it held, to tell changed files apart. */
    record StoredFile(String file, String hash, String articleId, String language, boolean retired) {
    }

    Map<String, StoredFile> files() {
        return jdbc.sql("select file, content_hash, article_id, language, retired from article")
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5)))
                .list().stream().collect(Collectors.toMap(StoredFile::file, f -> f));
    }

    void upsert(Article article, String hash) {
        // standard MERGE: H2 and PostgreSQL (15+) both run it; H2's "merge ... key" is H2's alone
        jdbc.sql("merge into article a using (select 1 as one) s on a.file = :file "
                        + "when matched then update set article_id = :id, language = :language, countries = :countries, "
                        + "topic = :topic, title = :title, body = :body, keywords = :keywords, sources = :sources, "
                        + "verified = :verified, content_hash = :hash, retired = false, updated_at = :now "
                        + "when not matched then insert (" + COLUMNS + ", content_hash, retired, updated_at) values "
                        + "(:file, :id, :language, :countries, :topic, :title, :body, :keywords, :sources, :verified, "
                        + ":hash, false, :now)")
                .param("file", article.file()).param("id", article.id()).param("language", article.language().code())
                .param("countries", countries(article.countries())).param("topic", article.topic())
                .param("title", article.title()).param("body", article.body())
                .param("keywords", json(article.keywords())).param("sources", json(article.sources()))
                .param("verified", article.verified()).param("hash", hash).param("now", LocalDateTime.now(clock))
                .update();
    }

    void retire(String file) {
        jdbc.sql("update article set retired = true, updated_at = ? where file = ?")
                .params(LocalDateTime.now(clock), file).update();
    }

    List<Article> active() {
        return jdbc.sql("select " + COLUMNS + " from article where not retired order by article_id, language")
                .query(this::article).list();
    }

    Optional<Article> find(String articleId, Language language) {
        return jdbc.sql("select " + COLUMNS + " from article where not retired and article_id = ? and language = ?")
                .params(articleId, language.code()).query(this::article).optional();
    }

    /** The sections are read from the stored text again: it was a valid article when it was imported. */
    private Article article(ResultSet rs, int row) throws SQLException {
        String title = rs.getString("title");
        String body = rs.getString("body");
        try {
            ArticleSections.Parsed parsed = ArticleSections.parse(body, title);
            return new Article(rs.getString("article_id"), Language.fromCode(rs.getString("language")),
                    countries(rs.getString("countries")), ArticleFileParser.topic(rs.getString("topic")), title, body,
                    parsed.lead(), parsed.sections(),
                    JSON.readValue(rs.getString("keywords"), new TypeReference<>() { }),
                    JSON.readValue(rs.getString("sources"), new TypeReference<>() { }),
                    rs.getObject("verified", java.time.LocalDate.class), rs.getString("file"));
        } catch (JsonProcessingException | InvalidArticleException e) {
            throw new SQLException("article " + rs.getString("file") + " cannot be read back: " + e.getMessage(), e);
        }
    }

    private static String countries(Set<Destination> countries) {
        return countries.isEmpty() ? "ALL" : countries.stream().map(Destination::name).sorted()
                .collect(Collectors.joining(","));
    }

    private static Set<Destination> countries(String stored) {
        if (stored.equals("ALL")) {
            return EnumSet.noneOf(Destination.class);
        }
        return Arrays.stream(stored.split(",")).map(c -> Destination.fromCode(c).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Destination.class)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

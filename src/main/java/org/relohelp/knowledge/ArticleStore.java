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
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Articles in H2, one row per knowledge file. Retired rows stay so that feedback keeps its article. */
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
        jdbc.sql("merge into article (" + COLUMNS + ", content_hash, retired, updated_at) key (file) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)")
                .params(article.file(), article.id(), article.language().code(), countries(article.countries()),
                        article.topic(), article.title(), article.body(), json(article.keywords()),
                        json(article.sources()), article.verified(), hash, LocalDateTime.now(clock))
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

    private Article article(ResultSet rs, int row) throws SQLException {
        try {
            return new Article(rs.getString("article_id"), Language.fromCode(rs.getString("language")),
                    countries(rs.getString("countries")), rs.getString("topic"), rs.getString("title"),
                    rs.getString("body"), JSON.readValue(rs.getString("keywords"), new TypeReference<>() { }),
                    JSON.readValue(rs.getString("sources"), new TypeReference<>() { }),
                    rs.getObject("verified", java.time.LocalDate.class), rs.getString("file"));
        } catch (JsonProcessingException e) {
            throw new SQLException("article " + rs.getString("file") + " has unreadable keywords or sources", e);
        }
    }

    private static String countries(Set<Country> countries) {
        return countries.isEmpty() ? "ALL" : countries.stream().map(Country::name).sorted()
                .collect(Collectors.joining(","));
    }

    private static Set<Country> countries(String stored) {
        if (stored.equals("ALL")) {
            return EnumSet.noneOf(Country.class);
        }
        return Arrays.stream(stored.split(",")).map(c -> Country.fromCode(c).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Country.class)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

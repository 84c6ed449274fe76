package org.relohelp.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.relohelp.chat.Country;

/**
 * Writes an article in the format {@link ArticleFileParser} reads. Texts are written as JSON strings, which
 * are valid YAML double-quoted scalars: a title with a colon, quotes or "#" cannot break the front matter.
 */
final class ArticleFileWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_KEYWORDS = 8;

    private ArticleFileWriter() {
    }

    static String write(String id, NewArticle article, LocalDate verified) {
        String countries = article.countries().isEmpty() ? "all"
                : article.countries().stream().map(Country::name).sorted().collect(Collectors.joining(", "));
        return "---\n"
                + "id: " + id + "\n"
                + "language: " + article.language().code() + "\n"
                + "countries: [" + countries + "]\n"
                + "topic: " + article.topic() + "\n"
                + "title: " + quoted(article.title()) + "\n"
                + "keywords: [" + keywords(article.title()).stream().map(ArticleFileWriter::quoted)
                .collect(Collectors.joining(", ")) + "]\n"
                + "sources:\n"
                + "  - title: " + quoted(article.sourceTitle()) + "\n"
                + "verified: " + verified + "\n"
                + "---\n\n"
                + article.body().strip() + "\n";
    }

    /** The title's longer words: a start that a curator refines in the repository; the body is searched anyway. */
    static List<String> keywords(String title) {
        List<String> words = Stream.of(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+"))
                .filter(w -> w.length() >= 4).distinct().limit(MAX_KEYWORDS).toList();
        return words.isEmpty() ? List.of(title.toLowerCase(Locale.ROOT).strip()) : words;
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

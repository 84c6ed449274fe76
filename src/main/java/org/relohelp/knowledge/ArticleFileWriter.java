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
 * Writes a reviewed article (an approved volunteer answer) in format v2: one section that answers the title's
 * question, its one source, and {@code verified} = the day an admin reviewed it. Texts in the front matter are
 * written as JSON strings, which are valid YAML double-quoted scalars: a title with a colon, quotes or "#" cannot
 * break it; in the text, a line that would start a section or a comment is escaped.
 */
final class ArticleFileWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_KEYWORDS = 8;

    private ArticleFileWriter() {
    }

    static final String SECTION = "answer";
    private static final String SOURCE = "volunteer";

    static String write(String id, NewArticle article, LocalDate verified) {
        String countries = article.countries().isEmpty() ? "all"
                : article.countries().stream().map(Country::name).sorted().collect(Collectors.joining(", "));
        String question = article.title().replaceAll("\\s+", " ").replace("|", "/").replace("--", "-");
        return "---\n"
                + "id: " + id + "\n"
                + "language: " + article.language().code() + "\n"
                + "countries: [" + countries + "]\n"
                + "topic: " + article.topic() + "\n"
                + "title: " + quoted(article.title()) + "\n"
                + "keywords: [" + keywords(article.title()).stream().map(ArticleFileWriter::quoted)
                .collect(Collectors.joining(", ")) + "]\n"
                + "sources:\n"
                + "  - ref: " + SOURCE + "\n"
                + "    title: " + quoted(article.sourceTitle()) + "\n"
                + "    date: " + verified + "\n"
                + "verified: " + verified + "\n"
                + "---\n\n"
                + "## " + question.replace("{", "(").replace("}", ")") + " {#" + SECTION + "}\n"
                + "<!-- questions: " + question + " -->\n"
                + "<!-- sources: " + SOURCE + " -->\n"
                + escaped(article.body().strip()) + "\n";
    }

    /** A volunteer's line starting with "#" or holding "<!--" stays text, never a heading or a comment. */
    private static String escaped(String body) {
        return body.lines().map(line -> line.replace("<!--", "<\\!--"))
                .map(line -> line.stripLeading().startsWith("#") ? "\\" + line.stripLeading() : line)
                .collect(Collectors.joining("\n"));
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

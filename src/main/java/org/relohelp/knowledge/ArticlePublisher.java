package org.relohelp.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.relohelp.chat.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Adds a reviewed article to the published drafts' folder ({@code <data-dir>/knowledge-drafts}: on the data volume,
 * writable, kept across upgrades; the knowledge folder may be read-only or inside the jar) and serves it at once
 * through the same import as {@code /reload}.
 */
@NamedInterface("curation")
@Component
public class ArticlePublisher {

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final KnowledgeProperties properties;
    private final KnowledgeBase knowledge;
    private final Clock clock;
    private final ArticleFileParser parser = new ArticleFileParser();

    ArticlePublisher(KnowledgeProperties properties, KnowledgeBase knowledge, Clock clock) {
        this.properties = properties;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    /** The topics an article may have. */
    public static List<String> topics() {
        return ArticleFileParser.TOPICS.stream().sorted().toList();
    }

    /**
     * Writes the article and imports it; returns its file name in the published drafts' folder. A text that
     * would not make a valid article is refused with an {@link IllegalArgumentException} before anything is
     * written; if the import does not take the file, the file is removed again.
     */
    public synchronized String publish(NewArticle article) {
        Path folder = properties.draftsDir();
        String id = freeId(article.baseId(), folder);
        String name = id + "." + article.language().code() + ".md";
        String content = ArticleFileWriter.write(id, article, LocalDate.now(clock));
        try {
            parser.parse(name, content);
        } catch (InvalidArticleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Path target = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            // written beside the target under a name the import ignores, then moved: a concurrent /reload
            // never reads half a file
            Path partial = folder.resolve(name + ".partial");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            knowledge.reload();
            if (knowledge.article(id, article.language()).filter(a -> a.file().equals(name)).isEmpty()) {
                throw new IllegalStateException("the import did not take " + name);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        log.info("Published knowledge file {}", name);
        return name;
    }

    private String freeId(String base, Path folder) {
        String id = base;
        for (int n = 2; taken(id, folder); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private boolean taken(String id, Path folder) {
        return Files.exists(folder.resolve(id + ".ru.md")) || Files.exists(folder.resolve(id + ".en.md"))
                || knowledge.article(id, Language.RU).isPresent();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {} after a failed publish: {}", file, e.getMessage());
        }
    }
}

package org.relohelp.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the database in line with the Markdown files: new and changed files are upserted, files that are
 * gone are retired, unchanged ones left alone. A malformed file is reported with its reason and skipped;
 * an earlier good version of it stays in service until the file is fixed. Several folders are read in order (the
 * knowledge base, then the published drafts); a file is named relative to its folder, and an id and language that
 * an earlier folder has already is refused, so the knowledge base wins.
 */
@Component
class KnowledgeImport {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImport.class);

    private final ArticleStore store;
    private final ArticleFileParser parser = new ArticleFileParser();

    KnowledgeImport(ArticleStore store) {
        this.store = store;
    }

    /** A file that parsed, with what is stored for it. */
    private record Read(String file, String hash, Article article, ArticleStore.StoredFile before) {
    }

    @Transactional
    ImportReport sync(Path dir) {
        return sync(List.of(dir));
    }

    /** The folders in order: a later folder's file may not claim an article an earlier one has (drafts). */
    @Transactional
    ImportReport sync(List<Path> dirs) {
        if (!Files.isDirectory(dirs.get(0))) {
            log.warn("Knowledge folder {} does not exist: no articles loaded", dirs.get(0).toAbsolutePath());
        }
        Map<String, ArticleStore.StoredFile> stored = store.files();
        Map<String, String> owners = new HashMap<>();
        List<String> invalid = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<Read> read = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path path : markdownFiles(dir)) {
                String file = dir.relativize(path).toString().replace('\\', '/');
                seen.add(file);
                String content = read(path);
                try {
                    Article article = parser.parse(file, content);
                    claim(owners, article.id() + "." + article.language().code(), file);
                    read.add(new Read(file, sha256(content), article, stored.get(file)));
                } catch (InvalidArticleException e) {
                    reject(invalid, file, e.getMessage());
                }
            }
        }
        List<Read> good = matchingTranslations(read, invalid);
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (Read r : good) {
            if (r.before() != null && !r.before().retired() && r.before().hash().equals(r.hash())) {
                unchanged++;
                continue;
            }
            store.upsert(r.article(), r.hash());
            if (r.before() == null) {
                added++;
            } else {
                changed++;
            }
        }
        int retired = 0;
        for (ArticleStore.StoredFile gone : stored.values()) {
            if (!gone.retired() && !seen.contains(gone.file())) {
                store.retire(gone.file());
                retired++;
            }
        }
        ImportReport report = new ImportReport(added, changed, unchanged, retired, List.copyOf(invalid));
        log.info("Knowledge import from {}: {} added, {} changed, {} unchanged, {} retired, {} invalid",
                dirs, added, changed, unchanged, retired, invalid.size());
        return report;
    }

    /**
     * The Russian and English file of an article must have the same sections: a reader switching language, and every
     * button naming a section, rely on it. A pair that differs is refused, both files (an earlier good version stays).
     */
    private static List<Read> matchingTranslations(List<Read> read, List<String> invalid) {
        Map<String, List<Read>> byId = new HashMap<>();
        read.forEach(r -> byId.computeIfAbsent(r.article().id(), id -> new ArrayList<>()).add(r));
        List<Read> good = new ArrayList<>();
        for (Read r : read) {
            List<String> ids = sectionIds(r.article());
            Optional<Read> other = byId.get(r.article().id()).stream().filter(o -> o != r).findFirst();
            if (other.isPresent() && !sectionIds(other.get().article()).equals(ids)) {
                reject(invalid, r.file(), "its section ids " + ids + " differ from " + other.get().file() + "'s "
                        + sectionIds(other.get().article()) + "; both languages need the same sections in the same "
                        + "order");
            } else {
                good.add(r);
            }
        }
        return good;
    }

    private static List<String> sectionIds(Article article) {
        return article.sections().stream().map(Article.Section::id).toList();
    }

    private static void reject(List<String> invalid, String file, String reason) {
        invalid.add(file + ": " + reason);
        log.warn("Knowledge file {} skipped: {}", file, reason);
    }

    private static void claim(Map<String, String> owners, String key, String file) throws InvalidArticleException {
        String owner = owners.putIfAbsent(key, file);
        if (owner != null) {
            throw new InvalidArticleException("the same id and language as " + owner);
        }
    }

    private static List<Path> markdownFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

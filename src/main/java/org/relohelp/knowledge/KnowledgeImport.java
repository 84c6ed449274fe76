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

    @Transactional
    ImportReport sync(Path dir) {
        return sync(List.of(dir));
    }

    @Transactional
    ImportReport sync(List<Path> dirs) {
        if (!Files.isDirectory(dirs.get(0))) {
            log.warn("Knowledge folder {} does not exist: no articles loaded", dirs.get(0).toAbsolutePath());
        }
        Map<String, ArticleStore.StoredFile> stored = store.files();
        Map<String, String> owners = new HashMap<>();
        List<String> invalid = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (Path dir : dirs) for (Path path : markdownFiles(dir)) {
            String file = dir.relativize(path).toString().replace('\\', '/');
            seen.add(file);
            String content = read(path);
            String hash = sha256(content);
            ArticleStore.StoredFile before = stored.get(file);
            try {
                if (before != null && !before.retired() && before.hash().equals(hash)) {
                    claim(owners, before.articleId() + "." + before.language(), file);
                    unchanged++;
                    continue;
                }
                Article article = parser.parse(file, content);
                claim(owners, article.id() + "." + article.language().code(), file);
                store.upsert(article, hash);
                if (before == null) {
                    added++;
                } else {
                    changed++;
                }
            } catch (InvalidArticleException e) {
                invalid.add(file + ": " + e.getMessage());
                log.warn("Knowledge file {} skipped: {}", file, e.getMessage());
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

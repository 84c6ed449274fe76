package org.relohelp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * Chooses the knowledge folder before anything starts, wherever the program was started from.
 * {@code RELOHELP_KNOWLEDGE_DIR} ({@code relohelp.knowledge.dir}) names one; without it, the knowledge base packaged
 * in the jar ({@code config/knowledge} at build time) is copied to {@code <data-dir>/knowledge} at every start, so the
 * import reads files as always (that folder is replaced each time: edit a folder of your own instead). The sandbox
 * always works on its own copy under its data folder, so nothing done in it reaches the configured folder. With a
 * bot token and no articles the program stops with one line saying what to set. Registered by {@code main} after the
 * {@code SandboxLauncher}, which may move the data folder; test contexts name their folder themselves.
 */
public class KnowledgeFolder implements SmartApplicationListener {

    public static final int EXIT_NO_ARTICLES = 3;
    /** Where the build puts config/knowledge inside the jar. */
    static final String PACKAGED = "packaged-knowledge";
    private static final Logger log = LoggerFactory.getLogger(KnowledgeFolder.class);

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        ConfigurableEnvironment environment = ((ApplicationEnvironmentPreparedEvent) event).getEnvironment();
        Path folder = choose(environment);
        boolean sandbox = environment.getProperty("relohelp.sandbox.active", Boolean.class, false);
        if (!sandbox && !hasArticles(folder)) {
            System.err.println("Relohelp cannot start: no articles in " + folder + ". Set RELOHELP_KNOWLEDGE_DIR to "
                    + "the knowledge base's folder (<country>/<id>.<language>.md inside), or unset it to use the one "
                    + "in the jar.");
            System.exit(EXIT_NO_ARTICLES);
        }
    }

    /** The folder the bot reads, made absolute and set as {@code relohelp.knowledge.dir}. */
    static Path choose(ConfigurableEnvironment environment) {
        String configured = environment.getProperty("relohelp.knowledge.dir", "").strip();
        Path source = configured.isEmpty() ? null : Path.of(configured).toAbsolutePath().normalize();
        boolean sandbox = environment.getProperty("relohelp.sandbox.active", Boolean.class, false);
        Path copy = Path.of(environment.getProperty("relohelp.data-dir", "./data")).resolve("knowledge")
                .toAbsolutePath().normalize();
        Path folder;
        if (source != null && (!sandbox || copy.startsWith(source) || source.startsWith(copy))) {
            folder = source;
        } else {
            replace(copy, source);
            folder = copy;
            log.info("Knowledge base: {} copied to {}", source == null ? "the one in the jar" : source, copy);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("relohelp-knowledge-folder",
                Map.of("relohelp.knowledge.dir", folder.toString())));
        return folder;
    }

    /** Empties {@code target} and copies the folder {@code from} into it, or the packaged knowledge base if null. */
    private static void replace(Path target, Path from) {
        try {
            FileSystemUtils.deleteRecursively(target);
            Files.createDirectories(target);
            if (from != null) {
                if (Files.isDirectory(from)) {
                    FileSystemUtils.copyRecursively(from, target);
                }
                return;
            }
            for (Resource resource : new PathMatchingResourcePatternResolver(KnowledgeFolder.class.getClassLoader())
                    .getResources("classpath*:" + PACKAGED + "/**")) {
                String url = resource.getURL().toString();
                String name = URLDecoder.decode(url.substring(url.lastIndexOf(PACKAGED + "/") + PACKAGED.length() + 1)
                        .replace("+", "%2B"), StandardCharsets.UTF_8);
                if (name.isEmpty() || name.endsWith("/") || !resource.isReadable()) {
                    continue; // a folder
                }
                Path file = target.resolve(name).normalize();
                Files.createDirectories(file.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the knowledge base to " + target, e);
        }
    }

    /** The same files the import reads: Markdown, READMEs aside. */
    static boolean hasArticles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".md") && !name.equalsIgnoreCase("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

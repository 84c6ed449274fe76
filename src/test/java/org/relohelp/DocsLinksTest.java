package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, CONTRIBUTING.md and docs/ leads somewhere: to a file or folder of the repository
 * and, with a {@code #fragment}, to a heading of that Markdown file as GitHub names its anchors (or an HTML
 * {@code id}/{@code name}). Images too, and links written as HTML. Links with a scheme (https:, mailto:) are not
 * fetched.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Pattern HTML_LINK = Pattern.compile("\\b(?:href|src)\\s*=\\s*[\"']([^\"']*)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*\\b(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** What GitHub drops from a heading's text when it makes the anchor: all but letters, digits, _, - and spaces. */
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkInTheDocsLeadsToAFileOrHeadingThatExists() throws IOException {
        List<Path> documents = documents();
        assertThat(documents).contains(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"),
                ROOT.resolve("docs/operations.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            for (String target : links(Files.readString(document, StandardCharsets.UTF_8))) {
                checked++;
                problem(document, target).ifPresent(problem -> broken.add(ROOT.relativize(document) + ": " + target
                        + " — " + problem));
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    /** The check itself: GitHub's anchors, and the broken links it must report. */
    @Test
    void theCheckKnowsGitHubsAnchorsAndReportsWhatIsMissing() throws IOException {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "docs-links-")
                .toAbsolutePath();
        Path page = folder.resolve("page.md");
        Files.writeString(page, """
                # Relohelp: a help-bot
                ## Until when may I stay? (`/stay`)
                ## 🧮 Count my days
                ## Tests
                ## Tests
                ## A & B
                <a id="custom"></a>
                [ok](#tests-1) [ok](page.md#a--b) [ok](#custom) [ok](#relohelp-a-help-bot) [ok](https://example.org/x)
                [broken](#tests-2) [broken](missing.md) [broken](page.md#nowhere)
                <img src="missing.png">
                """);
        assertThat(anchorsOf(page)).contains("relohelp-a-help-bot", "until-when-may-i-stay-stay", "-count-my-days",
                "tests", "tests-1", "a--b", "custom");
        List<String> problems = links(Files.readString(page)).stream()
                .filter(target -> problem(page, target).isPresent()).toList();
        assertThat(problems).containsExactly("#tests-2", "missing.md", "page.md#nowhere", "missing.png");
    }

    /** README.md, CONTRIBUTING.md and every Markdown file under docs/. */
    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The targets of the document's links and images, Markdown or HTML, in order. */
    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image.getDestination());
                visitChildren(image);
            }

            @Override
            public void visit(HtmlInline html) {
                html(html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                html(html.getLiteral());
            }

            private void html(String html) {
                Matcher link = HTML_LINK.matcher(html);
                while (link.find()) {
                    targets.add(link.group(1));
                }
            }
        });
        return targets;
    }

    /** What is wrong with a link from the document, if anything. */
    private Optional<String> problem(Path document, String target) {
        if (target.isEmpty() || SCHEME.matcher(target).find() || target.startsWith("//")) {
            return Optional.empty(); // another site: not fetched
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode((hash < 0 ? target : target.substring(0, hash)).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!file.startsWith(ROOT)) {
            return Optional.of("outside the repository");
        }
        if (!Files.exists(file)) {
            return Optional.of("no such file");
        }
        if (fragment.isEmpty()) {
            return Optional.empty();
        }
        if (!file.toString().endsWith(".md")) {
            return Optional.of("an anchor in a file that is not Markdown");
        }
        String anchor = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
        return anchorsOf(file).contains(anchor) ? Optional.empty()
                : Optional.of("no heading with this anchor in " + ROOT.relativize(file));
    }

    /** The anchors GitHub gives a Markdown file: one per heading (repeats numbered -1, -2…), and HTML ids. */
    private Set<String> anchorsOf(Path file) {
        return anchors.computeIfAbsent(file, f -> {
            String markdown;
            try {
                markdown = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> found = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    String slug = slug(text(heading));
                    int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                    found.add(repeats == 0 ? slug : slug + "-" + repeats);
                }
            });
            Matcher html = HTML_ANCHOR.matcher(markdown);
            while (html.find()) {
                found.add(html.group(1));
            }
            return found;
        });
    }

    /** GitHub's anchor for a heading: lower case, punctuation and symbols dropped, each space a hyphen. */
    private static String slug(String heading) {
        return NOT_IN_ANCHOR.matcher(heading.strip().toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    /** A heading's text as it is shown: its words and code, without the Markdown around them. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}

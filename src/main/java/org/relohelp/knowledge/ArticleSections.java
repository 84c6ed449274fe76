package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an article's Markdown into its lead and sections (format v2): {@code ## Title {#id}} starts a section,
 * {@code <!-- questions: a | b -->} and {@code <!-- sources: x, y -->} inside it say what it answers and where its
 * facts come from. A text without {@code ##} headings is an old-format article: one implicit section. Other HTML
 * comments are notes for curators and are never shown.
 */
final class ArticleSections {

    static final Pattern SECTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern HEADING = Pattern.compile("^##[ \\t]+(.*?)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern ID_SUFFIX = Pattern.compile("^(.*?)[ \\t]*\\{#([^}]*)}$");
    private static final Pattern DIRECTIVE = Pattern.compile("<!--[ \\t]*(questions|sources)[ \\t]*:(.*?)-->",
            Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    /** The id of an old-format article's one section. */
    static final String IMPLICIT = "text";

    private ArticleSections() {
    }

    record Parsed(String lead, List<Article.Section> sections) {
    }

    static Parsed parse(String body, String title) throws InvalidArticleException {
        Matcher heading = HEADING.matcher(body);
        if (!heading.find()) {
            if (DIRECTIVE.matcher(body).find()) {
                throw new InvalidArticleException("questions and sources lines belong to sections: start each "
                        + "section with a line '## Title {#id}'");
            }
            return new Parsed("", List.of(new Article.Section(IMPLICIT, title, List.of(), List.of(),
                    visible(body), true)));
        }
        String lead = body.substring(0, heading.start());
        if (DIRECTIVE.matcher(lead).find()) {
            throw new InvalidArticleException("questions and sources lines belong to sections, not to the lead");
        }
        List<Article.Section> sections = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean more = true;
        while (more) {
            String headingText = heading.group(1);
            int start = heading.end();
            more = heading.find();
            String text = body.substring(start, more ? heading.start() : body.length());
            Article.Section section = section(headingText, text);
            if (!ids.add(section.id())) {
                throw new InvalidArticleException("two sections have the id '" + section.id() + "'");
            }
            sections.add(section);
        }
        return new Parsed(visible(lead), sections);
    }

    private static Article.Section section(String heading, String text) throws InvalidArticleException {
        Matcher withId = ID_SUFFIX.matcher(heading);
        if (!withId.matches()) {
            throw new InvalidArticleException("the section '" + heading + "' has no id: write its heading as '## "
                    + heading + " {#some-id}'");
        }
        String title = withId.group(1).strip();
        String id = withId.group(2).strip();
        if (!SECTION_ID.matcher(id).matches()) {
            throw new InvalidArticleException("section id '" + id + "' must be lowercase a-z, 0-9 and '-'");
        }
        if (title.isEmpty()) {
            throw new InvalidArticleException("the section #" + id + " has no title");
        }
        List<String> questions = null;
        List<String> sources = null;
        Matcher directive = DIRECTIVE.matcher(text);
        while (directive.find()) {
            boolean isQuestions = directive.group(1).equals("questions");
            if ((isQuestions ? questions : sources) != null) {
                throw new InvalidArticleException("the section #" + id + " has two " + directive.group(1) + " lines");
            }
            List<String> items = split(directive.group(2), isQuestions ? "\\|" : ",");
            if (items.isEmpty()) {
                throw new InvalidArticleException("the " + directive.group(1) + " line of section #" + id + " is empty");
            }
            if (isQuestions) {
                questions = items;
            } else {
                sources = items;
            }
        }
        if (sources == null) {
            throw new InvalidArticleException("the section #" + id + " has no '<!-- sources: … -->' line naming "
                    + "where its facts come from");
        }
        String markdown = visible(text);
        if (markdown.isEmpty()) {
            throw new InvalidArticleException("the section #" + id + " has no text");
        }
        return new Article.Section(id, title, questions == null ? List.of() : questions, sources, markdown, false);
    }

    private static List<String> split(String line, String separator) {
        List<String> items = new ArrayList<>();
        for (String item : line.split(separator)) {
            String stripped = item.strip().replaceAll("\\s+", " ");
            if (!stripped.isEmpty()) {
                items.add(stripped);
            }
        }
        return items;
    }

    /** The text a reader sees: without comments. */
    private static String visible(String markdown) {
        return COMMENT.matcher(markdown).replaceAll("").strip();
    }
}

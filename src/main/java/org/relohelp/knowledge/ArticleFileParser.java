package org.relohelp.knowledge;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.relohelp.chat.Language;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one {@code <id>.<language>.md} file: YAML front matter between two {@code ---} lines (SnakeYAML),
 * then the Markdown body: a lead and sections (format v2, see {@link ArticleSections}) or, in an old-format file,
 * one text. Every problem becomes an {@link InvalidArticleException} naming the field or the section.
 */
class ArticleFileParser {

    /** The topics of format v2 (the labels of the evaluation questions). */
    static final List<String> TOPICS = List.of("housing", "id-number", "stay", "residence", "work", "money",
            "russian-tax", "phone", "first-days", "safety");
    /** The topics of old-format files, read as the v2 topic that holds them. */
    private static final Map<String, String> OLD_TOPICS = Map.of("tax-id", "id-number", "banking", "money",
            "sim", "phone", "shelter", "housing");
    /**
     * A section is named in button data ("sec:", "fb:+:" and the like before it): with its article's id it must
     * leave room within Telegram's 64 bytes.
     */
    static final int MAX_SECTION_KEY = 50;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---\\R(.*?)\\R---[ \\t]*(?:\\R|\\z)(.*)\\z",
            Pattern.DOTALL);

    Article parse(String file, String content) throws InvalidArticleException {
        var matcher = FRONT_MATTER.matcher(content);
        if (!matcher.matches()) {
            throw new InvalidArticleException("no front matter: the file must start with a line '---', "
                    + "the YAML fields, and another line '---'");
        }
        Map<?, ?> yaml = readYaml(matcher.group(1));
        String body = matcher.group(2).strip();
        if (body.isEmpty()) {
            throw new InvalidArticleException("the article has no text after the front matter");
        }
        String id = text(yaml, "id");
        if (!ID.matcher(id).matches()) {
            throw new InvalidArticleException("id '" + id + "' must be 2-40 characters: a-z, 0-9 and '-'");
        }
        String languageCode = text(yaml, "language");
        if (!languageCode.equals("ru") && !languageCode.equals("en")) {
            throw new InvalidArticleException("language must be ru or en, not '" + languageCode + "'");
        }
        String expectedName = id + "." + languageCode + ".md";
        if (!file.equals(expectedName) && !file.endsWith("/" + expectedName)) {
            throw new InvalidArticleException("the file name must be " + expectedName);
        }
        String topic = OLD_TOPICS.getOrDefault(text(yaml, "topic"), text(yaml, "topic"));
        if (!TOPICS.contains(topic)) {
            throw new InvalidArticleException("topic must be one of " + TOPICS + ", not '" + topic + "'");
        }
        String title = text(yaml, "title");
        if (title.length() > 200) {
            throw new InvalidArticleException("title is longer than 200 characters");
        }
        ArticleSections.Parsed parsed = ArticleSections.parse(body, title);
        boolean sectioned = parsed.sections().stream().noneMatch(Article.Section::implicit);
        List<Article.Source> sources = sources(yaml, sectioned);
        Set<String> refs = new HashSet<>();
        for (Article.Source source : sources) {
            if (source.ref() != null && !refs.add(source.ref())) {
                throw new InvalidArticleException("two sources have the ref '" + source.ref() + "'");
            }
        }
        for (Article.Section section : parsed.sections()) {
            if (id.length() + 1 + section.id().length() > MAX_SECTION_KEY) {
                throw new InvalidArticleException("section id '" + section.id() + "' is too long: the article id and "
                        + "a section id together may have " + (MAX_SECTION_KEY - 1) + " characters");
            }
            for (String ref : section.sourceRefs()) {
                if (!refs.contains(ref)) {
                    throw new InvalidArticleException("section #" + section.id() + " cites the source '" + ref
                            + "', which is not in the front matter's sources");
                }
            }
        }
        // before format v2, 'verified' was the newest source's date, not a person's check: an old file was never
        // verified in the sense it has now
        LocalDate verified = !sectioned || yaml.get("verified") == null ? null : date(yaml.get("verified"), "verified");
        return new Article(id, Language.fromCode(languageCode), countries(yaml), topic, title, body, parsed.lead(),
                parsed.sections(), yaml.containsKey("keywords") || !sectioned ? strings(yaml, "keywords") : List.of(),
                sources, verified, file);
    }

    /** The topic an article of either format has; an unknown one is returned as it is. */
    static String topic(String written) {
        return OLD_TOPICS.getOrDefault(written, written);
    }

    private static Map<?, ?> readYaml(String frontMatter) throws InvalidArticleException {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(frontMatter);
            if (loaded instanceof Map<?, ?> map) {
                return map;
            }
            throw new InvalidArticleException("the front matter must be YAML fields (key: value)");
        } catch (YAMLException e) {
            throw new InvalidArticleException("the front matter is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String text(Map<?, ?> yaml, String key) throws InvalidArticleException {
        Object value = yaml.get(key);
        if (value == null || value instanceof Collection || value instanceof Map || value.toString().isBlank()) {
            throw new InvalidArticleException("'" + key + "' is missing or not a single value");
        }
        return value.toString().strip();
    }

    private static List<String> strings(Map<?, ?> yaml, String key) throws InvalidArticleException {
        if (!(yaml.get(key) instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidArticleException("'" + key + "' must be a non-empty list");
        }
        List<String> values = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Collection || item instanceof Map) {
                throw new InvalidArticleException("'" + key + "' must list plain words or phrases");
            }
            values.add(item.toString().strip());
        }
        return values;
    }

    private static Set<Destination> countries(Map<?, ?> yaml) throws InvalidArticleException {
        Set<Destination> countries = EnumSet.noneOf(Destination.class);
        for (String code : strings(yaml, "countries")) {
            if (code.equalsIgnoreCase("all")) {
                return EnumSet.noneOf(Destination.class);
            }
            countries.add(Destination.fromCode(code).orElseThrow(() -> new InvalidArticleException("unknown country '"
                    + code + "' (use KZ UZ KG TJ GE AM, AZ TR RS MN for elsewhere, or all)")));
        }
        return countries;
    }

    /** In format v2 every source has a ref (sections cite it) and a date (a section's age is its oldest source's). */
    private static List<Article.Source> sources(Map<?, ?> yaml, boolean sectioned) throws InvalidArticleException {
        if (!(yaml.get("sources") instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidArticleException("'sources' must list at least one source");
        }
        List<Article.Source> sources = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> source)) {
                throw new InvalidArticleException("each source needs 'ref', 'title', 'date' (and 'url')");
            }
            String title = text(source, "title");
            Object url = source.get("url");
            if (url != null && !url.toString().matches("https?://\\S+")) {
                throw new InvalidArticleException("source url '" + url + "' must start with http:// or https://");
            }
            Object ref = source.get("ref");
            Object date = source.get("date");
            if (sectioned && (ref == null || date == null)) {
                throw new InvalidArticleException("the source '" + title + "' needs a 'ref' (sections cite it) and a "
                        + "'date' (its own date, or 'undated' with 'accessed', the day it was read)");
            }
            Object accessed = source.get("accessed");
            boolean undated = "undated".equals(String.valueOf(date));
            if (undated && accessed == null) {
                throw new InvalidArticleException("the undated source '" + title + "' needs 'accessed': the day it "
                        + "was read (never shown as its facts' date)");
            }
            if (!undated && accessed != null) {
                throw new InvalidArticleException("the source '" + title + "' has a date: 'accessed' is only for an "
                        + "undated source");
            }
            if (ref != null && !ArticleSections.SECTION_ID.matcher(ref.toString()).matches()) {
                throw new InvalidArticleException("source ref '" + ref + "' must be lowercase a-z, 0-9 and '-'");
            }
            sources.add(new Article.Source(ref == null ? null : ref.toString(), title,
                    url == null ? null : url.toString(), date == null || undated ? null : date(date, "source date"),
                    accessed == null ? null : date(accessed, "source accessed")));
        }
        return sources;
    }

    private static LocalDate date(Object value, String what) throws InvalidArticleException {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw new InvalidArticleException("'" + what + "' must be a date like 2025-04-15, not '" + value + "'");
        }
    }
}

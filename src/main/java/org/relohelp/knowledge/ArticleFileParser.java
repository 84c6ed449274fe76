package org.relohelp.knowledge;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one {@code <id>.<language>.md} file: YAML front matter between two {@code ---} lines (SnakeYAML),
 * then the Markdown body. Every problem becomes an {@link InvalidArticleException} naming the field.
 */
class ArticleFileParser {

    static final Set<String> TOPICS = Set.of("stay", "tax-id", "housing", "safety", "banking", "sim", "shelter");
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
        String topic = text(yaml, "topic");
        if (!TOPICS.contains(topic)) {
            throw new InvalidArticleException("topic must be one of " + TOPICS + ", not '" + topic + "'");
        }
        String title = text(yaml, "title");
        if (title.length() > 200) {
            throw new InvalidArticleException("title is longer than 200 characters");
        }
        return new Article(id, Language.fromCode(languageCode), countries(yaml), topic, title, body,
                strings(yaml, "keywords"), sources(yaml), date(yaml.get("verified"), "verified"), file);
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

    private static Set<Country> countries(Map<?, ?> yaml) throws InvalidArticleException {
        Set<Country> countries = EnumSet.noneOf(Country.class);
        for (String code : strings(yaml, "countries")) {
            if (code.equalsIgnoreCase("all")) {
                return EnumSet.noneOf(Country.class);
            }
            Country country = Country.fromCode(code).filter(c -> c != Country.OTHER).orElseThrow(() ->
                    new InvalidArticleException("unknown country '" + code + "' (use KZ UZ KG TJ GE AM or all)"));
            countries.add(country);
        }
        return countries;
    }

    private static List<Article.Source> sources(Map<?, ?> yaml) throws InvalidArticleException {
        if (!(yaml.get("sources") instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidArticleException("'sources' must list at least one source");
        }
        List<Article.Source> sources = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> source)) {
                throw new InvalidArticleException("each source needs 'title' (and 'url', 'date')");
            }
            String title = text(source, "title");
            Object url = source.get("url");
            if (url != null && !url.toString().matches("https?://\\S+")) {
                throw new InvalidArticleException("source url '" + url + "' must start with http:// or https://");
            }
            Object date = source.get("date");
            sources.add(new Article.Source(title, url == null ? null : url.toString(),
                    date == null ? null : date(date, "source date")));
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

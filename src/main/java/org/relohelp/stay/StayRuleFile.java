package org.relohelp.stay;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relohelp.chat.Country;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code stay-rules.yml} (SnakeYAML); a broken rule stops the import with the rule's number and reason. Every
 * source needs its date; {@code verified}, a person's check, is optional.
 */
final class StayRuleFile {

    private StayRuleFile() {
    }

    static List<StayRule> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            List<StayRule> rules = new ArrayList<>();
            int index = 0;
            for (Object item : (List<?>) loaded) {
                index++;
                try {
                    rules.add(rule((Map<?, ?>) item));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(file + ": rule " + index + " is invalid: " + e.getMessage(), e);
                }
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StayRule rule(Map<?, ?> yaml) {
        Map<?, ?> limit = (Map<?, ?>) yaml.get("limit");
        Map<?, ?> registration = (Map<?, ?>) yaml.get("registration");
        List<StayRule.Source> sources = new ArrayList<>();
        for (Object s : (List<?>) yaml.get("sources")) {
            Map<?, ?> source = (Map<?, ?>) s;
            if (source.get("date") == null) {
                throw new IllegalArgumentException("the source '" + text(source, "title") + "' has no date (its own "
                        + "date; a rule's facts are as old as its oldest source)");
            }
            sources.add(new StayRule.Source(text(source, "title"), (String) source.get("url"), date(source.get("date"))));
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("'sources' is empty");
        }
        return new StayRule(Country.fromCode(text(yaml, "country")).orElseThrow(), date(yaml.get("valid-from")),
                date(yaml.get("valid-to")),
                new StayRule.Limit(StayRule.LimitKind.valueOf(kind(limit)), number(limit, "days"),
                        number(limit, "window-days")),
                new StayRule.Registration(StayRule.RegistrationKind.valueOf(kind(registration)),
                        number(registration, "days")),
                text(yaml, "title-ru"), text(yaml, "title-en"), text(yaml, "note-ru"), text(yaml, "note-en"),
                List.copyOf(sources), date(yaml.get("verified")));
    }

    private static String kind(Map<?, ?> yaml) {
        return text(yaml, "kind").toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String text(Map<?, ?> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value.toString();
    }

    private static int number(Map<?, ?> yaml, String key) {
        Object value = yaml.get(key);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date date ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                : LocalDate.parse(value.toString());
    }
}

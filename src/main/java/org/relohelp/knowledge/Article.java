package org.relohelp.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * One knowledge-base article in one language, as written in {@code config/knowledge/}.
 * An empty {@code countries} set means the article holds for every country.
 */
public record Article(String id, Language language, Set<Country> countries, String topic, String title,
                      String body, List<String> keywords, List<Source> sources, LocalDate verified, String file) {

    public boolean isFor(Country country) {
        return countries.isEmpty() || countries.contains(country);
    }

    public boolean isGeneral() {
        return countries.isEmpty();
    }

    /** Where a fact comes from; {@code url} and {@code date} may be null. */
    public record Source(String title, String url, LocalDate date) {
    }
}

package org.relohelp.knowledge;

import java.util.Set;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.modulith.NamedInterface;

/**
 * A reviewed article to be added to the knowledge folder, e.g. an approved volunteer answer. {@code baseId}
 * is the wanted id (a free variant is chosen if it is taken); an empty {@code countries} means every country;
 * {@code sourceTitle} names where the text comes from, as every article must.
 */
@NamedInterface("curation")
public record NewArticle(String baseId, Language language, Set<Country> countries, String topic, String title,
                         String body, String sourceTitle) {
}

package org.relohelp.knowledge;

import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.modulith.NamedInterface;

/**
 * A city of a country the bot covers, as {@code places.yml} lists it: a list of its spellings, the Russian name
 * first; the first one in Latin letters is its English name (the Russian one when it has none).
 */
@NamedInterface("places")
public record City(Country country, String russian, String english) {

    public String name(Language language) {
        return language == Language.EN ? english : russian;
    }
}

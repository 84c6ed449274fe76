package org.relohelp.users;

import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/** What the bot remembers about a user: the language it speaks to them and the country they are in. */
public record Profile(long userId, Language language, Country country) {

    public Optional<Country> knownCountry() {
        return Optional.ofNullable(country);
    }
}

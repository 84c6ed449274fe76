package org.relohelp.chat;

import java.util.Optional;

/** What the bot remembers about a user: the language it speaks to them and the country they are in. */
public record Profile(long userId, Language language, Country country) {

    public Optional<Country> knownCountry() {
        return Optional.ofNullable(country);
    }
}

package org.relohelp.knowledge;

import java.util.Arrays;
import java.util.Optional;
import org.relohelp.chat.Country;

/**
 * A country an article or a question can be about: the six the bot covers (the same as {@link Country}) and the
 * destinations it covers only in short "elsewhere" articles. Kept inside the knowledge base so the bot's country
 * menu stays the six.
 */
public enum Destination {
    KZ, UZ, KG, TJ, GE, AM,
    /** Azerbaijan, Turkey, Serbia, Mongolia: the bot says it does not cover them in full. */
    AZ, TR, RS, MN;

    public boolean covered() {
        return ordinal() <= AM.ordinal();
    }

    /** The menu country of a covered destination. */
    public Optional<Country> country() {
        return covered() ? Country.fromCode(name()) : Optional.empty();
    }

    public static Optional<Destination> of(Country country) {
        return country == null ? Optional.empty() : fromCode(country.name());
    }

    public static Optional<Destination> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(code.strip())).findFirst();
    }
}

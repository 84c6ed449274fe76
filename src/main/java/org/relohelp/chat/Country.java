package org.relohelp.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The countries Relohelp has articles for; OTHER is a user somewhere else. */
public enum Country {
    KZ, UZ, KG, TJ, GE, AM, OTHER;

    public static Optional<Country> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code.trim())).findFirst();
    }

    /** Message key of the country's name, e.g. {@code country.KZ}. */
    public String nameKey() {
        return "country." + name();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

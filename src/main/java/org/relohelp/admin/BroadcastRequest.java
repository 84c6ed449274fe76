package org.relohelp.admin;

import java.util.Locale;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * What an admin typed after /broadcast: an audience, then the text. The audience is required, so that a text
 * typed straight after the command never goes to everyone by accident: a country code or {@code all}, optionally
 * followed by a language ({@code KZ ru}, {@code all en}), or a language alone ({@code en}). Null means "any".
 */
record BroadcastRequest(Country country, Language language, String text) {

    static Optional<BroadcastRequest> parse(String argument) {
        String[] first = argument.strip().split("\\s+", 2);
        if (first.length < 2) {
            return Optional.empty();
        }
        String word = first[0].toLowerCase(Locale.ROOT);
        Optional<Language> languageFirst = language(word);
        if (languageFirst.isPresent()) {
            return request(null, languageFirst.get(), first[1]);
        }
        Optional<Country> country = Country.fromCode(word);
        if (!word.equals("all") && country.isEmpty()) {
            return Optional.empty();
        }
        String[] second = first[1].split("\\s+", 2);
        Optional<Language> language = language(second[0].toLowerCase(Locale.ROOT));
        if (language.isPresent() && second.length < 2) {
            return Optional.empty();
        }
        return request(country.orElse(null), language.orElse(null), language.isPresent() ? second[1] : first[1]);
    }

    private static Optional<BroadcastRequest> request(Country country, Language language, String text) {
        String body = text.strip();
        return body.isEmpty() ? Optional.empty() : Optional.of(new BroadcastRequest(country, language, body));
    }

    private static Optional<Language> language(String word) {
        return word.equals("ru") || word.equals("en") ? Optional.of(Language.fromCode(word)) : Optional.empty();
    }
}

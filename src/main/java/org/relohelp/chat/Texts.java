package org.relohelp.chat;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The bot's own words in ru and en, from {@code i18n/messages_*.properties}. */
@Component
public class Texts {

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    public String countryName(Language language, Country country) {
        return get(language, country.nameKey());
    }
}

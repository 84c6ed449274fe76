package org.relohelp.chat;

import java.util.Locale;

/** The languages the bot speaks. Russian is the default for everyone whose Telegram is not in English. */
public enum Language {
    RU, EN;

    // asked for on every message: computed once
    private final String code = name().toLowerCase(Locale.ROOT);
    private final Locale locale = Locale.forLanguageTag(code);

    public static Language fromTelegramCode(String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en") ? EN : RU;
    }

    public static Language fromCode(String code) {
        return "en".equalsIgnoreCase(code) ? EN : RU;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }
}

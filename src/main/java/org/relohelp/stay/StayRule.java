package org.relohelp.stay;

import java.time.LocalDate;
import java.util.List;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * How long a Russian citizen may stay in a country during a period, and when they must register.
 * {@code validFrom}/{@code validTo} are inclusive and may be open. Every source has its date; {@code verified} is the
 * day a person checked the rule against its sources, or null: never (as in the articles).
 */
record StayRule(Country country, LocalDate validFrom, LocalDate validTo, Limit limit, Registration registration,
                String titleRu, String titleEn, String noteRu, String noteEn, List<Source> sources,
                LocalDate verified) {

    enum LimitKind { PER_ENTRY, ROLLING, CALENDAR_YEAR, UNKNOWN }

    enum RegistrationKind { DAYS, WORKING_DAYS, NONE, UNKNOWN }

    record Limit(LimitKind kind, int days, int windowDays) {
    }

    record Registration(RegistrationKind kind, int days) {
    }

    record Source(String title, String url, LocalDate date) {
    }

    /** How old the rule's facts are: the date of its oldest source. */
    LocalDate oldestFact() {
        return sources.stream().map(Source::date).min(LocalDate::compareTo).orElseThrow();
    }

    boolean holdsOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    String title(Language language) {
        return language == Language.EN ? titleEn : titleRu;
    }

    String note(Language language) {
        return language == Language.EN ? noteEn : noteRu;
    }
}

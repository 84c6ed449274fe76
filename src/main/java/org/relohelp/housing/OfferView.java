package org.relohelp.housing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * An offer as people see it — the same card in the host's preview, in search results and in the admins' report —
 * and the short forms used in lists and messages about it. Nothing about the host but their being approved.
 */
@Component
class OfferView {

    private final Texts texts;
    private final OfferPlaces places;

    OfferView(Texts texts, OfferPlaces places) {
        this.texts = texts;
        this.places = places;
    }

    /** The card; {@code number} null for an offer not published yet. */
    String card(Long number, Terms t, Language lang) {
        String conditions = String.join(" · ", texts.plain(lang, t.children() ? "housing.children.yes"
                : "housing.children.no"), texts.plain(lang, t.pets() ? "housing.pets.yes" : "housing.pets.no"),
                texts.plain(lang, t.smoking() ? "housing.smoking.yes" : "housing.smoking.no"));
        return texts.get(lang, "housing.card", kind(t.kind(), lang), places.name(t.country(), t.city(), lang),
                number == null ? "" : " · #" + number, t.people(), dates(t.from(), t.to(), lang), price(t, lang),
                conditions, t.description());
    }

    /** "#12 · Комната · Алматы" */
    String summary(Offer offer, Language lang) {
        Terms t = offer.terms();
        return "#" + offer.id() + " · " + kind(t.kind(), lang) + " · " + places.name(t.country(), t.city(), lang);
    }

    String kind(Terms.Kind kind, Language lang) {
        return texts.plain(lang, "housing.kind." + kind.name().toLowerCase(Locale.ROOT));
    }

    String price(Terms t, Language lang) {
        if (t.free()) {
            return texts.plain(lang, "housing.price.free");
        }
        return texts.plain(lang, t.per() == Terms.Per.MONTH ? "housing.price.month" : "housing.price.night",
                t.price(), t.currency());
    }

    /** "5 декабря – 20 декабря 2026", with the first year too when the two differ. */
    String dates(LocalDate from, LocalDate to, Language lang) {
        DateTimeFormatter withYear = DateTimeFormatter.ofPattern(texts.plain(lang, "housing.date-year"), lang.locale());
        DateTimeFormatter withoutYear = DateTimeFormatter.ofPattern(texts.plain(lang, "housing.date"), lang.locale());
        return (from.getYear() == to.getYear() ? withoutYear : withYear).format(from) + " – " + withYear.format(to);
    }

    String date(LocalDate day, Language lang) {
        return DateTimeFormatter.ofPattern(texts.plain(lang, "housing.date-year"), lang.locale()).format(day);
    }
}

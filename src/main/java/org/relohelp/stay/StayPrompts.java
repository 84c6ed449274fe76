package org.relohelp.stay;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.relohelp.chat.Button;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/** What the count asks and says at each step; every question has a way out (the Cancel button). */
@Component
class StayPrompts {

    static final String ACTION = "stay:";
    static final String CANCEL = ACTION + "cancel";
    static final String DONE = ACTION + "done";
    /** Count without the last trip, which could not be read. */
    static final String WITHOUT = ACTION + "without";
    static final String OTHER_COUNTRY = ACTION + "country";
    static final String CHOOSE = ACTION + "c:";
    private static final List<Country> COUNTRIES = List.of(Country.KZ, Country.UZ, Country.KG, Country.TJ, Country.GE,
            Country.AM);

    /** A month as people type it (09.2022), and a date (15.09.2022), the same in every language. */
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Texts texts;
    private final StayView view;

    StayPrompts(Texts texts, StayView view) {
        this.texts = texts;
        this.view = view;
    }

    Reply askCountry(Language lang) {
        return countries(texts.get(lang, "stay.ask-country"), lang);
    }

    Reply askEntry(Country country, Language lang) {
        return Reply.withButtons(texts.get(lang, "stay.ask-entry", texts.countryName(lang, country)),
                List.of(List.of(button(lang, "stay.button.other-country", OTHER_COUNTRY), cancel(lang))));
    }

    Reply askTrips(Country country, LocalDate entry, int window, Language lang) {
        return Reply.withButtons(texts.get(lang, "stay.ask-trips", texts.countryName(lang, country),
                view.date(entry, lang), window, view.date(entry.minusDays(window - 1L), lang)),
                List.of(List.of(button(lang, "stay.button.no-trips", DONE), cancel(lang))));
    }

    Reply tripsAdded(List<StayCalculator.Trip> trips, Language lang) {
        String added = trips.stream().map(t -> view.date(t.entry(), lang) + " – " + view.date(t.exit(), lang))
                .collect(Collectors.joining("; "));
        return Reply.withButtons(texts.get(lang, "stay.trip-added", added), doneOrCancel(lang));
    }

    Reply dateProblem(DatePhrases.Parsed parsed, Language lang) {
        String text = switch (parsed.problem()) {
            case FUTURE -> texts.get(lang, "stay.date-future");
            case AMBIGUOUS -> texts.get(lang, "stay.date-ambiguous", view.date(parsed.options().get(0), lang),
                    view.date(parsed.options().get(1), lang));
            case NO_DAY -> texts.get(lang, "stay.date-no-day", parsed.options().get(0).format(MONTH),
                    parsed.options().get(0).withDayOfMonth(15).format(TYPED));
            default -> texts.get(lang, "stay.date-unreadable");
        };
        return withCancel(text, lang);
    }

    Reply severalDates(List<LocalDate> dates, Language lang) {
        return withCancel(texts.get(lang, "stay.date-several",
                dates.stream().map(d -> view.date(d, lang)).collect(Collectors.joining(", "))), lang);
    }

    /** A trip that could not be read: say so, and never drop it silently. */
    Reply tripProblem(String key, Language lang, Object... args) {
        return Reply.withButtons(texts.get(lang, key, args), List.of(List.of(cancel(lang))));
    }

    Reply unreadTripPending(Language lang) {
        return Reply.withButtons(texts.get(lang, "stay.trip-pending"),
                List.of(List.of(button(lang, "stay.button.without-trip", WITHOUT), cancel(lang))));
    }

    /** The one line that offers the count again after a question of the person's own was answered. */
    Reply reoffer(StaySessions.Session s) {
        Language lang = s.language();
        return switch (s.step()) {
            case COUNTRY -> countries(texts.get(lang, "stay.reoffer.COUNTRY"), lang);
            case ENTRY -> Reply.withButtons(texts.get(lang, "stay.reoffer.ENTRY", texts.countryName(lang, s.country())),
                    List.of(List.of(cancel(lang))));
            case TRIPS, TRIP_UNREAD -> Reply.withButtons(texts.get(lang, "stay.reoffer.TRIPS"), doneOrCancel(lang));
        };
    }

    Reply cancelled(Language lang) {
        return Reply.text(texts.get(lang, "stay.cancelled"));
    }

    Reply interrupted(Language lang) {
        return Reply.text(texts.get(lang, "stay.interrupted"));
    }

    private Reply countries(String text, Language lang) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < COUNTRIES.size(); i += 2) {
            rows.add(List.of(country(COUNTRIES.get(i), lang), country(COUNTRIES.get(i + 1), lang)));
        }
        rows.add(List.of(cancel(lang)));
        return Reply.withButtons(text, rows);
    }

    private Button country(Country country, Language lang) {
        return new Button(texts.countryName(lang, country), CHOOSE + country.name());
    }

    private Reply withCancel(String text, Language lang) {
        return Reply.withButtons(text, List.of(List.of(cancel(lang))));
    }

    private List<List<Button>> doneOrCancel(Language lang) {
        return List.of(List.of(button(lang, "stay.button.done", DONE), cancel(lang)));
    }

    private Button cancel(Language lang) {
        return button(lang, "stay.button.cancel", CANCEL);
    }

    private Button button(Language lang, String label, String action) {
        return new Button(texts.get(lang, label), action);
    }
}

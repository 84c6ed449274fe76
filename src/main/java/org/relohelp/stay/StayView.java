package org.relohelp.stay;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relohelp.chat.Button;
import org.relohelp.chat.Country;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.knowledge.Staleness;
import org.springframework.stereotype.Component;

/** A stay count as the user reads it: dates, days used and left, the deadline, the rules with sources. */
@Component
class StayView {

    static final String REMIND_ACTION = "remind:";
    static final String OVERSTAY = "o";
    static final String PASSED = "p";
    static final String NONE = "-";

    private final Texts texts;
    private final Staleness staleness;

    StayView(Texts texts, Staleness staleness) {
        this.staleness = staleness;
        this.texts = texts;
    }

    Reply render(Country country, StayCalculator.Result r, Language lang) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(lang, "stay.result.title", texts.countryName(lang, country)));
        lines.add(texts.get(lang, "stay.result.entry", date(r.entry(), lang)));
        lines.addAll(summary(r, lang));
        lines.add("");
        lines.add(texts.get(lang, "stay.result.rules"));
        Set<StayRule> applied = new LinkedHashSet<>();
        for (StayCalculator.Period p : r.periods()) {
            applied.add(p.rule());
            lines.add(texts.get(lang, "stay.result.period", date(p.from(), lang), date(p.to(), lang),
                    p.rule().title(lang), date(p.rule().oldestFact(), lang)));
        }
        Set<StayRule> noted = new LinkedHashSet<>();
        if (r.unknownFrom() == null) {
            Optional.ofNullable(r.todayRule() != null ? r.todayRule() : r.entryRule()).ifPresent(noted::add);
            if (r.registrationPassed()) {
                noted.add(r.entryRule()); // what to do about a missed registration is in the rule it was due under
            }
        }
        noted.forEach(rule -> lines.add(Html.escape(rule.note(lang))));
        applied.addAll(noted);
        // as with an article: how old the facts are (their oldest source), whether a person has checked them
        applied.stream().map(StayRule::oldestFact).min(LocalDate::compareTo)
                .flatMap(oldest -> staleness.factsWarning(oldest, lang)).ifPresent(lines::add);
        lines.add(applied.stream().anyMatch(rule -> rule.verified() == null)
                ? texts.get(lang, "stay.result.not-checked")
                : texts.get(lang, "stay.result.checked", date(applied.stream().map(StayRule::verified)
                        .min(LocalDate::compareTo).orElseThrow(), lang)));
        lines.add("📎 " + texts.get(lang, "article.sources") + " " + applied.stream()
                .flatMap(rule -> rule.sources().stream()).distinct().limit(4)
                .map(s -> s.url() == null ? Html.escape(s.title())
                        : "<a href=\"" + Html.escape(s.url()) + "\">" + Html.escape(s.title()) + "</a>")
                .collect(Collectors.joining("; ")));
        lines.add("");
        lines.add("<i>" + texts.get(lang, "stay.result.disclaimer") + "</i>");
        return Reply.withButtons(String.join("\n", lines),
                buttons(ReminderRow.of(country, r), r.today(), Set.of(), lang));
    }

    /** What the count comes to: days used and left, the last legal day or the overstay, the registration. */
    private List<String> summary(StayCalculator.Result r, Language lang) {
        List<String> lines = new ArrayList<>();
        if (r.used() != null) {
            lines.add(texts.get(lang, "stay.result.used", r.todayRule().title(lang), r.used(), r.left()));
        }
        if (r.overstaySince() != null) {
            lines.add(texts.get(lang, "stay.result.overstay", date(r.overstaySince(), lang)));
        } else if (r.lastLegalDay() != null) {
            lines.add(texts.get(lang, "stay.result.last-day", date(r.lastLegalDay(), lang)));
        }
        if (r.unknownFrom() != null) {
            lines.add(texts.get(lang, "stay.result.unknown", date(r.unknownFrom(), lang),
                    r.unknownRule() == null ? "" : r.unknownRule().note(lang)));
        }
        lines.add(registration(r, lang));
        return lines;
    }

    private String registration(StayCalculator.Result r, Language lang) {
        StayRule.Registration registration = r.entryRule() == null ? null : r.entryRule().registration();
        if (registration == null || registration.kind() == StayRule.RegistrationKind.UNKNOWN) {
            return texts.get(lang, "stay.result.registration-unknown");
        }
        if (registration.kind() == StayRule.RegistrationKind.NONE) {
            return texts.get(lang, "stay.result.no-registration");
        }
        String deadline = texts.get(lang, registration.kind() == StayRule.RegistrationKind.DAYS
                ? "stay.result.deadline-day" : "stay.result.deadline-working-days", date(r.registrationBy(), lang),
                registration.days());
        return texts.get(lang, r.registrationPassed() ? "stay.result.registration-passed" : "stay.result.registration",
                Html.trusted(deadline)); // made by Texts above, escaped already
    }

    /**
     * The reminders a count offers, as its buttons carry them: the country, the last legal day (or {@link #OVERSTAY},
     * {@link #NONE}) and the registration deadline (or {@link #PASSED}, {@link #NONE}). A reminder button carries the
     * whole row, so that pressing it can redraw the row with that reminder shown as set.
     */
    record ReminderRow(Country country, String lastLegalDay, String registrationBy) {

        static ReminderRow of(Country country, StayCalculator.Result r) {
            String lastLegalDay = r.lastLegalDay() == null ? NONE : r.lastLegalDay().toString();
            String registrationBy = r.registrationBy() == null ? NONE : r.registrationBy().toString();
            return new ReminderRow(country, r.overstaySince() != null ? OVERSTAY : lastLegalDay,
                    r.registrationPassed() ? PASSED : registrationBy);
        }

        static Optional<ReminderRow> parse(String country, String lastLegalDay, String registrationBy) {
            return Country.fromCode(country).filter(c -> c != Country.OTHER)
                    .filter(c -> valid(lastLegalDay, OVERSTAY) && valid(registrationBy, PASSED))
                    .map(c -> new ReminderRow(c, lastLegalDay, registrationBy));
        }

        private static boolean valid(String day, String mark) {
            return day.equals(NONE) || day.equals(mark) || day.matches("\\d{4}-\\d{2}-\\d{2}");
        }

        Optional<LocalDate> eventOf(Reminders.Kind kind) {
            String day = kind == Reminders.Kind.REGISTRATION ? registrationBy : lastLegalDay;
            return day.length() == 10 ? Optional.of(LocalDate.parse(day)) : Optional.empty();
        }

        /** Someone over the limit, or past the registration deadline, is offered a volunteer too. */
        boolean needsHelp() {
            return lastLegalDay.equals(OVERSTAY) || registrationBy.equals(PASSED);
        }

        String action(Reminders.Kind kind) {
            return REMIND_ACTION + kind.ordinal() + ":" + country.name() + ":" + lastLegalDay + ":" + registrationBy;
        }
    }

    /** The buttons under a count: the reminders still ahead ({@code set} ones marked), and a volunteer if needed. */
    List<List<Button>> buttons(ReminderRow row, LocalDate today, Set<Reminders.Kind> set, Language lang) {
        List<Button> reminders = new ArrayList<>();
        row.eventOf(Reminders.Kind.WEEK_BEFORE).ifPresent(lastDay -> {
            if (!lastDay.minusDays(7).isBefore(today)) {
                reminders.add(remind(lang, row, Reminders.Kind.WEEK_BEFORE, set));
            }
            if (!lastDay.minusDays(1).isBefore(today)) {
                reminders.add(remind(lang, row, Reminders.Kind.DAY_BEFORE, set));
            }
        });
        row.eventOf(Reminders.Kind.REGISTRATION).filter(deadline -> !deadline.isBefore(today))
                .ifPresent(deadline -> reminders.add(remind(lang, row, Reminders.Kind.REGISTRATION, set)));
        List<List<Button>> rows = new ArrayList<>();
        if (!reminders.isEmpty()) {
            rows.add(reminders);
        }
        if (row.needsHelp()) {
            rows.add(List.of(new Button(texts.get(lang, "button.ask-volunteer"), Button.ASK_VOLUNTEER)));
        }
        return rows;
    }

    private Button remind(Language lang, ReminderRow row, Reminders.Kind kind, Set<Reminders.Kind> set) {
        String label = texts.get(lang, (set.contains(kind) ? "stay.button.reminder-set." : "stay.button.remind.")
                + kind.name());
        return new Button(label, row.action(kind));
    }

    String date(LocalDate date, Language lang) {
        return DateTimeFormatter.ofPattern(texts.get(lang, "article.date-pattern"), lang.locale()).format(date);
    }
}

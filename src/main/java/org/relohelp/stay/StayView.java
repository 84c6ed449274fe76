package org.relohelp.stay;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        if (r.used() != null) {
            lines.add(texts.get(lang, "stay.result.used", r.todayRule().title(lang), r.used(),
                    Math.max(0, r.left())));
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
        lines.add("");
        lines.add(texts.get(lang, "stay.result.rules"));
        Set<StayRule> applied = new LinkedHashSet<>();
        for (StayCalculator.Period p : r.periods()) {
            applied.add(p.rule());
            lines.add(texts.get(lang, "stay.result.period", date(p.from(), lang), date(p.to(), lang),
                    p.rule().title(lang), date(p.rule().verified(), lang)));
        }
        StayRule current = r.todayRule() != null ? r.todayRule() : r.entryRule();
        if (current != null && r.unknownFrom() == null) {
            lines.add(Html.escape(current.note(lang)));
            applied.add(current);
        }
        applied.stream().map(StayRule::verified).min(LocalDate::compareTo)
                .flatMap(oldest -> staleness.warning(oldest, lang)).ifPresent(lines::add);
        lines.add("📎 " + texts.get(lang, "article.sources") + " " + applied.stream()
                .flatMap(rule -> rule.sources().stream()).distinct().limit(4)
                .map(s -> s.url() == null ? Html.escape(s.title())
                        : "<a href=\"" + Html.escape(s.url()) + "\">" + Html.escape(s.title()) + "</a>")
                .collect(Collectors.joining("; ")));
        lines.add("");
        lines.add("<i>" + texts.get(lang, "stay.result.disclaimer") + "</i>");
        return Reply.withButtons(String.join("\n", lines), reminderButtons(country, r, lang));
    }

    private String registration(StayCalculator.Result r, Language lang) {
        if (r.entryRule() == null) {
            return texts.get(lang, "stay.result.registration-unknown");
        }
        return switch (r.entryRule().registration().kind()) {
            case DAYS -> texts.get(lang, "stay.result.registration", date(r.registrationBy(), lang),
                    r.entryRule().registration().days());
            case WORKING_DAYS -> texts.get(lang, "stay.result.registration-working", date(r.registrationBy(), lang),
                    r.entryRule().registration().days());
            case NONE -> texts.get(lang, "stay.result.no-registration");
            case UNKNOWN -> texts.get(lang, "stay.result.registration-unknown");
        };
    }

    private List<List<Button>> reminderButtons(Country country, StayCalculator.Result r, Language lang) {
        List<Button> row = new ArrayList<>();
        if (r.lastLegalDay() != null && r.overstaySince() == null) {
            if (r.lastLegalDay().minusDays(7).isAfter(r.today().minusDays(1))) {
                row.add(remind(lang, "stay.button.remind-week", Reminders.Kind.WEEK_BEFORE, r.lastLegalDay(), country));
            }
            if (r.lastLegalDay().minusDays(1).isAfter(r.today().minusDays(1))) {
                row.add(remind(lang, "stay.button.remind-day", Reminders.Kind.DAY_BEFORE, r.lastLegalDay(), country));
            }
        }
        if (r.registrationBy() != null && !r.registrationBy().isBefore(r.today())) {
            row.add(remind(lang, "stay.button.remind-registration", Reminders.Kind.REGISTRATION, r.registrationBy(),
                    country));
        }
        return row.isEmpty() ? List.of() : List.of(row);
    }

    private Button remind(Language lang, String label, Reminders.Kind kind, LocalDate day, Country country) {
        return new Button(texts.get(lang, label), REMIND_ACTION + kind.ordinal() + ":" + day + ":" + country.name());
    }

    String date(LocalDate date, Language lang) {
        return DateTimeFormatter.ofPattern(texts.get(lang, "article.date-pattern"), lang.locale()).format(date);
    }
}

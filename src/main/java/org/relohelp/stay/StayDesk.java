package org.relohelp.stay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Country;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.users.Profile;
import org.springframework.stereotype.Service;

/**
 * "Until when may I stay?" as a short conversation: the country (prefilled from the profile), the entry
 * date, earlier trips where a rule looks back over a window, then the count and reminder buttons.
 */
@Service
public class StayDesk {

    static final String ACTION = "stay:";
    private static final Pattern INTENT = Pattern.compile("до како(го|й) (числа|даты|дня)|сколько (мне )?(ещ[её] )?"
            + "(дней )?(осталось|можно остават)|посчита\\w* (мои |мой )?(дни|срок)|калькулятор|until when|"
            + "how many days (do i have )?left|days left|count my days");
    private static final Pattern TRIP = Pattern.compile("(.+?)\\s*(?:[-–—]|по|до|to)\\s*(.+)");
    private static final Pattern NO_TRIPS = Pattern.compile("(нет|не было|не ездил\\w*|готово|no|none|done|nope)[.!]?");

    private final StaySessions sessions;
    private final StayRules rules;
    private final StayView view;
    private final CountryTime time;
    private final Texts texts;

    StayDesk(StaySessions sessions, StayRules rules, StayView view, CountryTime time, Texts texts) {
        this.sessions = sessions;
        this.rules = rules;
        this.view = view;
        this.time = time;
        this.texts = texts;
    }

    /** /stay, the menu button and the button under stay articles. */
    public Reply start(Profile profile) {
        Optional<Country> country = profile.knownCountry().filter(c -> c != Country.OTHER);
        StaySessions.Session session = new StaySessions.Session(profile.userId(), StaySessions.Step.COUNTRY,
                country.orElse(null), null, List.of(), profile.language());
        if (country.isEmpty()) {
            sessions.save(session);
            return askCountry(profile.language());
        }
        sessions.save(session.with(StaySessions.Step.ENTRY, country.get(), null));
        return askEntry(country.get(), profile.language());
    }

    /** A question such as «до какого числа мне можно быть в Казахстане» starts the count. */
    public Optional<Reply> onQuestion(Profile profile, String text) {
        return INTENT.matcher(text.toLowerCase(Locale.ROOT)).find() ? Optional.of(start(profile)) : Optional.empty();
    }

    /** Messages while a count is in progress: dates and trips. Empty when no count is in progress. */
    public Optional<Reply> onMessage(Profile profile, Incoming message) {
        Optional<StaySessions.Session> session = sessions.of(profile.userId());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        StaySessions.Session s = session.get();
        Language lang = s.language();
        if (!message.isText()) {
            return Optional.of(Reply.text(texts.get(lang, "stay.text-only")));
        }
        return Optional.of(switch (s.step()) {
            case COUNTRY -> askCountry(lang);
            case ENTRY -> entry(s, message.text());
            case TRIPS -> trip(s, message.text());
        });
    }

    public boolean handles(String action) {
        return action.startsWith(ACTION);
    }

    public Optional<ButtonResult> press(Profile profile, String action) {
        String rest = action.substring(ACTION.length());
        if (action.equals(Button.COUNT_MY_DAYS)) {
            return Optional.of(ButtonResult.message(start(profile)));
        }
        if (rest.equals("country")) {
            sessions.save(new StaySessions.Session(profile.userId(), StaySessions.Step.COUNTRY, null, null, List.of(),
                    profile.language()));
            return Optional.of(ButtonResult.message(askCountry(profile.language())));
        }
        Optional<StaySessions.Session> session = sessions.of(profile.userId());
        if (rest.startsWith("c:") && session.isPresent()) {
            return Country.fromCode(rest.substring(2)).filter(c -> c != Country.OTHER).map(country -> {
                sessions.save(session.get().with(StaySessions.Step.ENTRY, country, null));
                return ButtonResult.message(askEntry(country, session.get().language()));
            });
        }
        if (rest.equals("done") && session.filter(s -> s.step() == StaySessions.Step.TRIPS).isPresent()) {
            return Optional.of(ButtonResult.message(finish(session.get())));
        }
        return Optional.empty();
    }

    private Reply entry(StaySessions.Session s, String text) {
        Language lang = s.language();
        LocalDate today = time.today(s.country());
        DatePhrases.Parsed parsed = DatePhrases.parse(text, today);
        if (parsed.problem() != DatePhrases.Problem.NONE) {
            return dateProblem(parsed, lang);
        }
        StaySessions.Session withEntry = s.with(StaySessions.Step.TRIPS, s.country(), parsed.date());
        int window = lookBack(withEntry, today);
        if (window == 0) {
            sessions.done(s.userId());
            return finish(withEntry);
        }
        sessions.save(withEntry);
        return Reply.withButtons(texts.get(lang, "stay.ask-trips", window,
                view.date(parsed.date().minusDays(window - 1L), lang)),
                List.of(List.of(new Button(texts.get(lang, "stay.button.no-trips"), ACTION + "done"))));
    }

    private Reply trip(StaySessions.Session s, String text) {
        Language lang = s.language();
        String input = text.strip().toLowerCase(Locale.ROOT);
        if (NO_TRIPS.matcher(input).matches()) {
            return finish(s);
        }
        Matcher trip = TRIP.matcher(input);
        LocalDate today = time.today(s.country());
        if (!trip.matches()) {
            return Reply.text(texts.get(lang, "stay.trip-unreadable"));
        }
        DatePhrases.Parsed from = DatePhrases.parse(trip.group(1), today);
        DatePhrases.Parsed to = DatePhrases.parse(trip.group(2), today);
        if (from.problem() != DatePhrases.Problem.NONE) {
            return dateProblem(from, lang);
        }
        if (to.problem() != DatePhrases.Problem.NONE) {
            return dateProblem(to, lang);
        }
        if (to.date().isBefore(from.date())) {
            return Reply.text(texts.get(lang, "stay.trip-order"));
        }
        if (to.date().isAfter(s.entry())) {
            return Reply.text(texts.get(lang, "stay.trip-overlaps", view.date(s.entry(), lang)));
        }
        sessions.save(s.plus(new StayCalculator.Trip(from.date(), to.date())));
        return Reply.withButtons(texts.get(lang, "stay.trip-added", view.date(from.date(), lang),
                view.date(to.date(), lang)),
                List.of(List.of(new Button(texts.get(lang, "stay.button.done"), ACTION + "done"))));
    }

    private Reply finish(StaySessions.Session s) {
        sessions.done(s.userId());
        LocalDate today = time.today(s.country());
        StayCalculator.Result result = StayCalculator.compute(rules.of(s.country()), s.entry(), s.trips(), today);
        return view.render(s.country(), result, s.language());
    }

    /** The longest window any rule in force since the entry looks back over (0: none does). */
    private int lookBack(StaySessions.Session s, LocalDate today) {
        int window = 0;
        for (StayRule rule : rules.of(s.country())) {
            boolean inForce = (rule.validTo() == null || !rule.validTo().isBefore(s.entry()));
            if (inForce && rule.limit().kind() == StayRule.LimitKind.ROLLING) {
                window = Math.max(window, rule.limit().windowDays());
            }
            if (inForce && rule.limit().kind() == StayRule.LimitKind.CALENDAR_YEAR) {
                window = Math.max(window, s.entry().getDayOfYear());
            }
        }
        return window;
    }

    private Reply dateProblem(DatePhrases.Parsed parsed, Language lang) {
        return Reply.text(switch (parsed.problem()) {
            case FUTURE -> texts.get(lang, "stay.date-future");
            case AMBIGUOUS -> texts.get(lang, "stay.date-ambiguous", view.date(parsed.options().get(0), lang),
                    view.date(parsed.options().get(1), lang));
            default -> texts.get(lang, "stay.date-unreadable");
        });
    }

    private Reply askCountry(Language lang) {
        List<List<Button>> rows = new ArrayList<>();
        List<Country> countries = List.of(Country.KZ, Country.UZ, Country.KG, Country.TJ, Country.GE, Country.AM);
        for (int i = 0; i < countries.size(); i += 2) {
            rows.add(List.of(countryButton(countries.get(i), lang), countryButton(countries.get(i + 1), lang)));
        }
        return Reply.withButtons(texts.get(lang, "stay.ask-country"), rows);
    }

    private Button countryButton(Country country, Language lang) {
        return new Button(texts.countryName(lang, country), ACTION + "c:" + country.name());
    }

    private Reply askEntry(Country country, Language lang) {
        return Reply.withButtons(texts.get(lang, "stay.ask-entry", texts.countryName(lang, country)),
                List.of(List.of(new Button(texts.get(lang, "stay.button.other-country"), ACTION + "country"))));
    }
}

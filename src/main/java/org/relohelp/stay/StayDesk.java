package org.relohelp.stay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Access;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Conversation;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.knowledge.Places;
import org.springframework.stereotype.Service;

/**
 * "Until when may I stay?" as a short conversation: the country (from the question, the button or the profile),
 * the entry date, earlier trips where a rule looks back over a window, then the count and reminder buttons. What
 * the person already said fills its step, so only what is missing is asked. A step in progress is the
 * {@link StayStep}'s: the router asks it first.
 */
@Service
public class StayDesk implements ChatFeature, Conversation {

    /** After the features that take messages for a ticket, before the knowledge base. */
    static final int ORDER = 30;

    private final StaySessions sessions;
    private final StayRules rules;
    private final StayView view;
    private final StayPrompts prompts;
    private final CountryTime time;
    private final Places places;

    StayDesk(StaySessions sessions, StayRules rules, StayView view, StayPrompts prompts, CountryTime time,
             Places places) {
        this.sessions = sessions;
        this.rules = rules;
        this.view = view;
        this.prompts = prompts;
        this.time = time;
        this.places = places;
    }

    @Override
    public List<Command> commands() {
        return List.of(Command.of("stay", Access.EVERYONE, "menu.stay", asked -> start(asked.profile(),
                asked.argument())).at(20));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(ButtonRoute.of(StayPrompts.ACTION, pressed -> press(pressed.profile(), pressed.action())));
    }

    @Override
    public int order() {
        return ORDER;
    }

    /** A question that is really a stay count starts one. */
    @Override
    public Optional<Reply> take(Asked asked) {
        return asked.message().isText() ? onQuestion(asked.profile(), asked.message().text()) : Optional.empty();
    }

    /** /stay, with what was typed after it ("/stay 1 октября"). */
    public Reply start(Profile profile, String text) {
        return begin(profile, read(text, null), null);
    }

    /** A question such as «до какого числа мне можно быть в Казахстане, если въехал 1 октября» starts the count. */
    public Optional<Reply> onQuestion(Profile profile, String text) {
        // most questions are not this one: reading their places and dates would be wasted on every message
        return StayWords.intends(text) ? Optional.of(begin(profile, read(text, null), null)) : Optional.empty();
    }

    /** The count's buttons; "stay:start:KZ" (under a country's article) starts it for that country. */
    public Optional<ButtonResult> press(Profile profile, String action) {
        if (action.equals(Button.COUNT_MY_DAYS) || action.startsWith(Button.COUNT_MY_DAYS + ":")) {
            String code = action.substring(Button.COUNT_MY_DAYS.length()).replaceFirst("^:", "");
            Country country = Country.fromCode(code).filter(c -> c != Country.OTHER).orElse(null);
            return Optional.of(ButtonResult.message(begin(profile, read("", null), country)));
        }
        Optional<StaySessions.Session> session = sessions.of(profile.userId());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        StaySessions.Session s = session.get();
        Reply reply = null;
        if (action.equals(StayPrompts.CANCEL)) {
            sessions.done(s.userId());
            reply = prompts.cancelled(s.language());
        } else if (action.equals(StayPrompts.OTHER_COUNTRY)) {
            sessions.save(new StaySessions.Session(s.userId(), StaySessions.Step.COUNTRY, null, s.entry(), s.trips(),
                    s.language()));
            reply = prompts.askCountry(s.language());
        } else if (action.startsWith(StayPrompts.CHOOSE)) {
            reply = Country.fromCode(action.substring(StayPrompts.CHOOSE.length())).filter(c -> c != Country.OTHER)
                    .map(country -> proceed(s.with(s.step(), country, s.entry()), List.of())).orElse(null);
        } else if (action.equals(StayPrompts.DONE) && s.step() == StaySessions.Step.TRIP_UNREAD) {
            reply = prompts.unreadTripPending(s.language());
        } else if (action.equals(StayPrompts.DONE) || action.equals(StayPrompts.WITHOUT)) {
            reply = isAtTrips(s) ? finish(s) : null;
        }
        return Optional.ofNullable(reply).map(ButtonResult::message);
    }

    /**
     * A message while a count is in progress. Empty when it is no answer to the step — a question of its own —
     * which the caller then answers as a question (and offers the step again, {@link StayPrompts#reoffer}).
     */
    Optional<Reply> answer(Profile profile, StaySessions.Session s, String text) {
        StayWords words = read(text, s.country());
        Language lang = s.language();
        if (words.cancel()) {
            sessions.done(s.userId());
            return Optional.of(prompts.cancelled(lang));
        }
        if (words.intent()) {
            return Optional.of(begin(profile, words, null));
        }
        if (isAtTrips(s) && words.done()) {
            return Optional.of(s.step() == StaySessions.Step.TRIP_UNREAD ? prompts.unreadTripPending(lang) : finish(s));
        }
        if (words.notAnAnswer()) {
            return Optional.empty();
        }
        Optional<Country> named = words.country().filter(c -> c != Country.OTHER && c != s.country());
        if (named.isPresent() && !isAtTrips(s)) {
            return Optional.of(proceed(s.with(s.step(), named.get(), s.entry()), words.dates()));
        }
        return Optional.of(switch (s.step()) {
            case COUNTRY -> proceed(s, words.dates());
            case ENTRY -> words.dates().isEmpty()
                    ? prompts.dateProblem(DatePhrases.Parsed.problem(DatePhrases.Problem.UNREADABLE), lang)
                    : entry(s, words.dates());
            case TRIPS, TRIP_UNREAD -> trips(s, words.dates());
        });
    }

    private Reply begin(Profile profile, StayWords words, Country fromButton) {
        Country country = words.country().or(() -> Optional.ofNullable(fromButton)).or(profile::knownCountry)
                .filter(c -> c != Country.OTHER).orElse(null);
        return proceed(new StaySessions.Session(profile.userId(), StaySessions.Step.COUNTRY, country, null, List.of(),
                profile.language()), words.dates());
    }

    /** Fills in what is known and asks for the first thing missing: the country, the entry date, earlier trips. */
    private Reply proceed(StaySessions.Session s, List<DatePhrases.Found> dates) {
        if (s.country() == null) {
            List<LocalDate> good = dates.stream().filter(d -> d.parsed().isOk()).map(d -> d.parsed().date()).toList();
            LocalDate entry = good.size() == 1 ? good.get(0) : s.entry();
            sessions.save(s.with(StaySessions.Step.COUNTRY, null, entry));
            return prompts.askCountry(s.language());
        }
        if (s.entry() == null) {
            return entry(s, dates);
        }
        return afterEntry(s.with(StaySessions.Step.TRIPS, s.country(), s.entry()));
    }

    private Reply entry(StaySessions.Session s, List<DatePhrases.Found> dates) {
        StaySessions.Session asking = s.with(StaySessions.Step.ENTRY, s.country(), null);
        sessions.save(asking);
        Language lang = s.language();
        List<LocalDate> distinct = dates.stream().filter(d -> d.parsed().isOk()).map(d -> d.parsed().date())
                .distinct().toList();
        if (dates.isEmpty()) {
            return prompts.askEntry(s.country(), lang);
        }
        if (distinct.size() > 1) {
            return prompts.severalDates(distinct, lang);
        }
        if (distinct.isEmpty()) {
            return prompts.dateProblem(dates.get(0).parsed(), lang);
        }
        return afterEntry(asking.with(StaySessions.Step.TRIPS, s.country(), distinct.get(0)));
    }

    private Reply afterEntry(StaySessions.Session s) {
        int window = lookBack(s);
        if (window == 0) {
            return finish(s);
        }
        sessions.save(s);
        return prompts.askTrips(s.country(), s.entry(), window, s.language());
    }

    /** Earlier trips, two dates each, as many as written: «с 01.07.2026 по 29.08.2026», "1 Oct 2026 – 5 Nov 2026". */
    private Reply trips(StaySessions.Session s, List<DatePhrases.Found> dates) {
        Language lang = s.language();
        StaySessions.Session unread = s.at(StaySessions.Step.TRIP_UNREAD);
        sessions.save(unread);
        Optional<DatePhrases.Found> bad = dates.stream().filter(d -> !d.parsed().isOk()).findFirst();
        if (bad.isPresent()) {
            return prompts.dateProblem(bad.get().parsed(), lang);
        }
        if (dates.isEmpty() || dates.size() % 2 != 0) {
            return prompts.tripProblem("stay.trip-unreadable", lang);
        }
        List<StayCalculator.Trip> trips = new ArrayList<>();
        for (int i = 0; i < dates.size(); i += 2) {
            LocalDate from = dates.get(i).parsed().date();
            LocalDate to = dates.get(i + 1).parsed().date();
            if (to.isBefore(from) && !dates.get(i).yearGiven()) {
                from = from.minusYears(1); // «с 20 декабря по 10 января»
            }
            if (to.isBefore(from)) {
                return prompts.tripProblem("stay.trip-order", lang);
            }
            if (to.isAfter(s.entry())) {
                return prompts.tripProblem("stay.trip-overlaps", lang, view.date(s.entry(), lang));
            }
            trips.add(new StayCalculator.Trip(from, to));
        }
        sessions.save(s.at(StaySessions.Step.TRIPS).plus(trips));
        return prompts.tripsAdded(trips, lang);
    }

    private Reply finish(StaySessions.Session s) {
        sessions.done(s.userId());
        LocalDate today = time.today(s.country());
        StayCalculator.Result result = StayCalculator.compute(rules.of(s.country()), s.entry(), s.trips(), today);
        return view.render(s.country(), result, s.language());
    }

    /** The longest window any rule in force since the entry looks back over (0: none does). */
    private int lookBack(StaySessions.Session s) {
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

    private StayWords read(String text, Country country) {
        return StayWords.read(text, places::countryNamedIn, time.today(country));
    }

    private static boolean isAtTrips(StaySessions.Session s) {
        return s.step() == StaySessions.Step.TRIPS || s.step() == StaySessions.Step.TRIP_UNREAD;
    }
}

package org.relohelp.housing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.knowledge.City;
import org.relohelp.stay.CountryTime;
import org.springframework.stereotype.Component;

/**
 * Someone looking for a place: the city (in their country, or another), the dates and how many people, then the
 * live offers that fit the whole stay — free ones first, then by price (per currency; a month counted as 30 nights),
 * a page at a time — each with a Request and a Report button, and the scam rules under them. The results' buttons carry the
 * search (country, city, dates, people), so nothing of it is stored once it is shown.
 */
@Component
class SearchDialogue {

    static final String ACTION = "ho:s:";
    static final String COUNTRY = ACTION + "c:";
    static final String CITY = ACTION + "city:";
    static final String OTHER_COUNTRY = ACTION + "other";
    static final String PEOPLE = ACTION + "p:";
    static final String MORE = "ho:more:";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Comparator<Offer> ORDER = Comparator.comparing((Offer o) -> !o.terms().free())
            .thenComparing(o -> String.valueOf(o.terms().currency())).thenComparingDouble(SearchDialogue::perNight)
            .thenComparingLong(Offer::id);

    private final Steps steps;
    private final Offers offers;
    private final OfferPlaces places;
    private final OfferView view;
    private final ScamRules scams;
    private final Texts texts;
    private final CountryTime time;
    private final HousingProperties properties;

    SearchDialogue(Steps steps, Offers offers, OfferPlaces places, OfferView view, ScamRules scams, Texts texts,
                   CountryTime time, HousingProperties properties) {
        this.steps = steps;
        this.offers = offers;
        this.places = places;
        this.view = view;
        this.scams = scams;
        this.texts = texts;
        this.time = time;
        this.properties = properties;
    }

    /** /housing or "Find a place": the city first, in the person's country when they chose one. */
    Reply start(Profile profile) {
        Country country = profile.knownCountry().filter(OfferPlaces.COUNTRIES::contains).orElse(null);
        Step draft = new Step(profile.userId(), country == null ? Step.Stage.SEARCH_COUNTRY
                : Step.Stage.SEARCH_CITY, null, false, Terms.empty(country), profile.language());
        Optional<Step> replaced = steps.start(draft);
        Reply question = prompt(draft);
        return HousingStep.after(texts, replaced, draft, Reply.withButtons(texts.get(profile.language(),
                "housing.search.start") + "\n\n" + question.html(), question.buttons()));
    }

    Optional<Reply> answer(Step d, Asked asked) {
        if (!asked.message().isText() || asked.message().text() == null) {
            return Optional.empty();
        }
        String text = asked.message().text();
        Language lang = d.language();
        switch (d.stage()) {
            case SEARCH_COUNTRY, SEARCH_CITY -> {
                OfferPlaces.Named named = places.named(text);
                if (named.city() != null) {
                    return Optional.of(city(d, named.city()));
                }
                if (named.country() != null) {
                    return Optional.of(save(d.with(d.terms().place(named.country(), null)).at(Step.Stage.SEARCH_CITY)));
                }
                return Typed.question(text) ? Optional.empty() : Optional.of(Reply.withButtons(
                        places.unknown(text, d.terms().country(), lang), prompt(d).buttons()));
            }
            case SEARCH_DATES -> {
                DateRange range = DateRange.read(text, time.today(d.terms().country()), properties.daysAhead());
                if (range.problem() == DateRange.Problem.NOT_FOUND && Typed.question(text)) {
                    return Optional.empty();
                }
                if (range.problem() != DateRange.Problem.NONE) {
                    return Optional.of(Reply.withButtons(OfferDialogue.dateProblem(texts, range.problem(), lang,
                            properties.daysAhead()), prompt(d).buttons()));
                }
                return Optional.of(save(d.with(d.terms().dates(range.from(), range.to())).at(Step.Stage.SEARCH_PEOPLE)));
            }
            case SEARCH_PEOPLE -> {
                Optional<Integer> people = Typed.people(text);
                if (people.isEmpty()) {
                    return Typed.question(text) ? Optional.empty()
                            : Optional.of(again(d, texts.get(lang, "housing.people.number")));
                }
                if (people.get() <= 0) {
                    return Optional.of(again(d, texts.get(lang, "housing.people.zero")));
                }
                if (people.get() > properties.maxPeople()) {
                    return Optional.of(again(d, texts.get(lang, "housing.people.too-many", properties.maxPeople())));
                }
                return Optional.of(found(d, people.get()));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The search's buttons, and "more" under results; empty for a stale or forged press. */
    Optional<ButtonResult> press(Pressed pressed) {
        String action = pressed.action();
        if (action.startsWith(MORE)) {
            return more(pressed, action.substring(MORE.length())).map(ButtonResult::message);
        }
        Optional<Step> draft = steps.of(pressed.userId()).filter(d -> d.stage().search());
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        Step d = draft.get();
        boolean atPlace = d.stage() == Step.Stage.SEARCH_COUNTRY || d.stage() == Step.Stage.SEARCH_CITY;
        Reply reply = null;
        if (action.startsWith(COUNTRY) && atPlace) {
            reply = OfferPlaces.COUNTRIES.stream().filter(c -> c.name().equals(action.substring(COUNTRY.length())))
                    .findFirst().map(c -> save(d.with(d.terms().place(c, null)).at(Step.Stage.SEARCH_CITY)))
                    .orElse(null);
        } else if (action.startsWith(CITY) && atPlace) {
            reply = city(action.substring(CITY.length())).map(c -> city(d, c)).orElse(null);
        } else if (action.equals(OTHER_COUNTRY) && atPlace) {
            reply = save(d.at(Step.Stage.SEARCH_COUNTRY));
        } else if (action.startsWith(PEOPLE) && d.stage() == Step.Stage.SEARCH_PEOPLE
                && action.substring(PEOPLE.length()).matches("[1-9]")) {
            reply = found(d, Integer.parseInt(action.substring(PEOPLE.length())));
        }
        return Optional.ofNullable(reply).map(r -> new ButtonResult(null, r, new Reply(null, List.of())));
    }

    private Reply city(Step d, City city) {
        return save(d.with(d.terms().place(city.country(), city.russian())).at(Step.Stage.SEARCH_DATES));
    }

    private Optional<City> city(String countryAndIndex) {
        String[] parts = countryAndIndex.split(":");
        if (parts.length != 2 || !parts[1].matches("\\d{1,3}")) {
            return Optional.empty();
        }
        return OfferPlaces.COUNTRIES.stream().filter(c -> c.name().equals(parts[0])).findFirst()
                .flatMap(c -> places.city(c, Integer.parseInt(parts[1])));
    }

    private Reply save(Step d) {
        steps.save(d);
        return prompt(d);
    }

    private Reply found(Step d, int people) {
        steps.done(d.userId());
        Terms t = d.terms();
        return results(d.userId(), t.country(), t.city(), t.from(), t.to(), people, 0, d.language());
    }

    /** "ho:more:KZ:0:20261205:20261210:2:1": the next page of the same search. */
    private Optional<Reply> more(Pressed pressed, String search) {
        String[] p = search.split(":");
        if (p.length != 6 || !p[1].matches("\\d{1,3}") || !p[2].matches("\\d{8}") || !p[3].matches("\\d{8}")
                || !p[4].matches("\\d{1,2}") || !p[5].matches("\\d{1,3}")) {
            return Optional.empty();
        }
        Optional<City> city = city(p[0] + ":" + p[1]);
        try {
            LocalDate from = LocalDate.parse(p[2], DAY);
            LocalDate to = LocalDate.parse(p[3], DAY);
            return city.map(c -> results(pressed.userId(), c.country(), c.russian(), from, to, Integer.parseInt(p[4]),
                    Integer.parseInt(p[5]), pressed.language()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** One page of the live offers that fit a stay, with their buttons, the scam rules and "more". */
    Reply results(long userId, Country country, String city, LocalDate from, LocalDate to, int people, int page,
                  Language lang) {
        List<Offer> fitting = offers.live(country, city).stream()
                .filter(o -> o.hostId() != userId && o.terms().fits(from, to, people)).sorted(ORDER).toList();
        String place = places.name(country, city, lang);
        String dates = view.dates(from, to, lang);
        List<List<Button>> rows = new ArrayList<>();
        int first = page * properties.pageSize();
        if (fitting.size() <= first) {
            rows.add(List.of(new Button(texts.plain(lang, "housing.button.search-again"), Button.FIND_HOUSING)));
            rows.add(List.of(new Button(texts.plain(lang, "button.ask-volunteer"), Button.ASK_VOLUNTEER)));
            return Reply.withButtons(texts.get(lang, "housing.search.none", place, dates, people), rows);
        }
        List<Offer> shown = fitting.subList(first, Math.min(fitting.size(), first + properties.pageSize()));
        StringBuilder html = new StringBuilder(texts.get(lang, "housing.search.found", fitting.size(), place, dates,
                people));
        String stay = ":" + DAY.format(from) + ":" + DAY.format(to) + ":" + people;
        for (Offer offer : shown) {
            html.append("\n\n").append(view.card(offer.id(), offer.terms(), lang));
            rows.add(List.of(new Button(texts.plain(lang, "housing.button.request", offer.id()),
                            RequestDesk.REQUEST + offer.id() + stay),
                    new Button(texts.plain(lang, "housing.button.report", offer.id()), Moderation.REPORT + offer.id())));
        }
        html.append("\n\n").append(scams.html(lang));
        if (fitting.size() > first + shown.size()) {
            html.append("\n\n").append(texts.get(lang, "housing.search.page", first + 1, first + shown.size(),
                    fitting.size()));
            rows.add(List.of(new Button(texts.plain(lang, "housing.button.more"), MORE + country.name() + ":"
                    + places.index(country, city) + stay + ":" + (page + 1))));
        }
        rows.add(List.of(new Button(texts.plain(lang, "housing.button.search-again"), Button.FIND_HOUSING)));
        return Reply.withButtons(html.toString(), rows);
    }

    Reply prompt(Step d) {
        Language lang = d.language();
        Terms t = d.terms();
        List<List<Button>> rows = new ArrayList<>();
        String html = switch (d.stage()) {
            case SEARCH_COUNTRY -> {
                rows.addAll(places.countryButtons(COUNTRY, lang));
                yield texts.get(lang, "housing.search.ask-country");
            }
            case SEARCH_CITY -> {
                rows.addAll(places.cityButtons(CITY, t.country(), lang));
                rows.add(List.of(new Button(texts.plain(lang, "housing.button.other-country"), OTHER_COUNTRY)));
                yield texts.get(lang, "housing.search.ask-city", places.country(t.country(), lang));
            }
            case SEARCH_DATES -> texts.get(lang, "housing.search.ask-dates", places.name(t.country(), t.city(), lang));
            default -> {
                rows.add(java.util.stream.IntStream.rangeClosed(1, 4).mapToObj(n -> new Button(String.valueOf(n),
                        PEOPLE + n)).toList());
                yield texts.get(lang, "housing.search.ask-people");
            }
        };
        rows.add(List.of(OfferDialogue.cancel(lang, texts)));
        return Reply.withButtons(html, rows);
    }

    private Reply again(Step d, String html) {
        return Reply.withButtons(html, prompt(d).buttons());
    }

    /** A price per night, to compare offers by: a month counts as 30 nights; free is 0. */
    private static double perNight(Offer offer) {
        Terms t = offer.terms();
        if (t.free()) {
            return 0;
        }
        return t.per() == Terms.Per.MONTH ? t.price() / 30.0 : t.price();
    }
}

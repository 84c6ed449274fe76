package org.relohelp.housing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.Language;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.stay.CountryTime;
import org.springframework.stereotype.Component;

/**
 * A host writes an offer in a short dialogue — country and city, what it is, for how many people, the dates, the
 * price, the conditions, a description — and sees it as people will before it goes live; a host's offer is changed
 * the same way, one answer at a time, back to the preview. Each answer is checked and a wrong one gets a clear
 * sentence and the same question; a message that is a question of the person's own is left to the edge, which
 * answers it and asks the step again.
 */
@Component
class OfferDialogue {

    static final String ACTION = "ho:o:";
    static final String COUNTRY = ACTION + "c:";
    static final String CITY = ACTION + "city:";
    static final String OTHER_COUNTRY = ACTION + "other";
    static final String KIND = ACTION + "kind:";
    static final String FREE = ACTION + "free";
    static final String CONDITION = ACTION + "cond:";
    static final String NEXT = ACTION + "next";
    static final String PUBLISH = ACTION + "pub";
    static final String CHANGE = ACTION + "chg";
    static final String NEW = ACTION + "new";
    static final int MAX_DESCRIPTION = 500;

    private final Steps steps;
    private final Offers offers;
    private final OfferPlaces places;
    private final OfferView view;
    private final ScamRules scams;
    private final Limits limits;
    private final Texts texts;
    private final CountryTime time;
    private final HousingProperties properties;

    OfferDialogue(Steps steps, Offers offers, OfferPlaces places, OfferView view, ScamRules scams, Limits limits,
                  Texts texts, CountryTime time, HousingProperties properties) {
        this.steps = steps;
        this.offers = offers;
        this.places = places;
        this.view = view;
        this.scams = scams;
        this.limits = limits;
        this.texts = texts;
        this.time = time;
        this.properties = properties;
    }

    /**
     * /offer: the draft the host was writing, where they left it (in progress, or set aside when something else
     * came between); else a new offer, in the host's own country if they chose one; or why they may not post another.
     */
    Reply start(Profile profile) {
        Language lang = profile.language();
        Optional<Step> writing = steps.of(profile.userId()).filter(Steps::keeps);
        if (writing.isPresent()) {
            return resumed(writing.get(), Optional.empty());
        }
        Optional<String> refused = limits.offer(profile.userId(), lang);
        if (refused.isPresent()) {
            return Reply.text(refused.get());
        }
        Optional<Step> aside = steps.aside(profile.userId());
        if (aside.isPresent()) {
            Step draft = aside.get();
            Optional<Step> replaced = steps.start(draft);
            steps.dropAside(profile.userId());
            return resumed(draft, replaced);
        }
        var country = profile.knownCountry().filter(OfferPlaces.COUNTRIES::contains).orElse(null);
        Step draft = new Step(profile.userId(), country == null ? Step.Stage.OFFER_COUNTRY : Step.Stage.OFFER_CITY,
                null, false, Terms.empty(country), lang);
        Optional<Step> replaced = steps.start(draft);
        Reply question = prompt(draft);
        return HousingStep.after(texts, replaced, draft, Reply.withButtons(texts.get(lang, "housing.offer.start")
                + "\n\n" + question.html(), question.buttons()));
    }

    private Reply resumed(Step draft, Optional<Step> replaced) {
        Reply question = prompt(draft);
        return HousingStep.after(texts, replaced, draft, Reply.withButtons(texts.get(draft.language(),
                "housing.offer.resumed") + "\n\n" + question.html(), question.buttons()));
    }

    /** A host's open offer, to change: what to change first. */
    Reply change(Profile profile, Offer offer) {
        Step draft = new Step(profile.userId(), Step.Stage.OFFER_PREVIEW, offer.id(), true, offer.terms(),
                profile.language());
        Optional<Step> replaced = steps.start(draft);
        return HousingStep.after(texts, replaced, draft, changeMenu(draft));
    }

    /** A message in the middle of the dialogue: the reply, or empty when it is a question of the person's own. */
    Optional<Reply> answer(Step d, Asked asked) {
        if (!asked.message().isText() || asked.message().text() == null) {
            return d.stage() == Step.Stage.OFFER_DESCRIPTION
                    ? Optional.of(again(d, "housing.offer.description-words")) : Optional.empty();
        }
        String text = asked.message().text();
        return switch (d.stage()) {
            case OFFER_COUNTRY, OFFER_CITY -> place(d, text);
            case OFFER_KIND -> Typed.kind(text).map(kind -> next(d.with(d.terms().kind(kind))))
                    .or(() -> Typed.question(text) ? Optional.empty() : Optional.of(again(d, "housing.offer.kind-buttons")));
            case OFFER_PEOPLE -> people(d, text);
            case OFFER_DATES -> dates(d, text);
            case OFFER_PRICE -> price(d, text);
            case OFFER_DESCRIPTION -> Optional.of(description(d, text));
            default -> Optional.empty(); // the conditions and the preview are buttons
        };
    }

    private Optional<Reply> place(Step d, String text) {
        OfferPlaces.Named named = places.named(text);
        if (named.city() != null) {
            return Optional.of(next(d.with(d.terms().place(named.country(), named.city().russian()))
                    .at(Step.Stage.OFFER_CITY)));
        }
        if (named.country() != null) {
            Step city = d.with(d.terms().place(named.country(), null)).at(Step.Stage.OFFER_CITY);
            steps.save(city);
            return Optional.of(prompt(city));
        }
        if (Typed.question(text)) {
            return Optional.empty();
        }
        return Optional.of(Reply.withButtons(places.unknown(text, d.terms().country(), d.language()),
                prompt(d).buttons()));
    }

    private Optional<Reply> people(Step d, String text) {
        Optional<Integer> people = Typed.people(text);
        if (people.isEmpty()) {
            return Typed.question(text) ? Optional.empty() : Optional.of(again(d, "housing.people.number"));
        }
        if (people.get() <= 0) {
            return Optional.of(again(d, "housing.people.zero"));
        }
        if (people.get() > properties.maxPeople()) {
            return Optional.of(again(d, "housing.people.too-many", properties.maxPeople()));
        }
        return Optional.of(next(d.with(d.terms().people(people.get()))));
    }

    private Optional<Reply> dates(Step d, String text) {
        DateRange range = DateRange.read(text, time.today(d.terms().country()), properties.daysAhead());
        if (range.problem() == DateRange.Problem.NOT_FOUND && Typed.question(text)) {
            return Optional.empty();
        }
        if (range.problem() != DateRange.Problem.NONE) {
            return Optional.of(Reply.withButtons(dateProblem(texts, range.problem(), d.language(),
                    properties.daysAhead()), prompt(d).buttons()));
        }
        return Optional.of(next(d.with(d.terms().dates(range.from(), range.to()))));
    }

    /** What is wrong with typed dates, the same for offers and searches. */
    static String dateProblem(Texts texts, DateRange.Problem problem, Language lang, int daysAhead) {
        return switch (problem) {
            case ONE -> texts.get(lang, "housing.dates.one");
            case AMBIGUOUS -> texts.get(lang, "housing.dates.ambiguous");
            case PAST -> texts.get(lang, "housing.dates.past");
            case ORDER -> texts.get(lang, "housing.dates.order");
            case TOO_FAR -> texts.get(lang, "housing.dates.too-far", daysAhead);
            default -> texts.get(lang, "housing.dates.unreadable");
        };
    }

    private Optional<Reply> price(Step d, String text) {
        Typed.Price price = Typed.price(text, d.terms().country());
        if (price.problem() == Typed.Price.Problem.NOT_A_NUMBER) {
            return Typed.question(text) ? Optional.empty() : Optional.of(again(d, "housing.price.not-a-number"));
        }
        if (price.problem() == Typed.Price.Problem.TOO_BIG) {
            return Optional.of(again(d, "housing.price.too-big"));
        }
        return Optional.of(next(d.with(d.terms().price(price.amount(), price.per(), price.currency()))));
    }

    private Reply description(Step d, String text) {
        String description = text.strip();
        if (description.isEmpty()) {
            return again(d, "housing.offer.description-words");
        }
        if (description.length() > MAX_DESCRIPTION) {
            return again(d, "housing.offer.description-long", description.length(), MAX_DESCRIPTION);
        }
        return next(d.with(d.terms().description(description)));
    }

    /** The offer dialogue's buttons; empty for a press that fits no dialogue in progress (stale, forged). */
    Optional<ButtonResult> press(Pressed pressed) {
        String action = pressed.action();
        if (action.equals(NEW)) {
            return Optional.of(ButtonResult.message(start(pressed.profile())));
        }
        Optional<Step> draft = steps.of(pressed.userId()).filter(d -> d.stage().offer());
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        Step d = draft.get();
        Step.Stage stage = d.stage();
        Reply reply = null;
        if (action.startsWith(COUNTRY) && placeStage(stage)) {
            reply = OfferPlaces.COUNTRIES.stream().filter(c -> c.name().equals(action.substring(COUNTRY.length())))
                    .findFirst().map(c -> {
                        Step city = d.with(d.terms().place(c, null)).at(Step.Stage.OFFER_CITY);
                        steps.save(city);
                        return prompt(city);
                    }).orElse(null);
        } else if (action.startsWith(CITY) && placeStage(stage)) {
            reply = city(action.substring(CITY.length()))
                    .map(c -> next(d.with(d.terms().place(c.country(), c.russian())).at(Step.Stage.OFFER_CITY)))
                    .orElse(null);
        } else if (action.equals(OTHER_COUNTRY) && placeStage(stage)) {
            Step country = d.at(Step.Stage.OFFER_COUNTRY);
            steps.save(country);
            reply = prompt(country);
        } else if (action.startsWith(KIND) && stage == Step.Stage.OFFER_KIND) {
            reply = java.util.Arrays.stream(Terms.Kind.values()).filter(k -> k.name().equals(
                    action.substring(KIND.length()))).findFirst().map(k -> next(d.with(d.terms().kind(k)))).orElse(null);
        } else if (action.equals(FREE) && stage == Step.Stage.OFFER_PRICE) {
            reply = next(d.with(d.terms().price(null, null, null)));
        } else if (action.startsWith(CONDITION) && stage == Step.Stage.OFFER_CONDITIONS) {
            return toggle(d, action.substring(CONDITION.length()));
        } else if (action.equals(NEXT) && stage == Step.Stage.OFFER_CONDITIONS) {
            reply = next(d);
        } else if (action.equals(PUBLISH) && stage == Step.Stage.OFFER_PREVIEW && d.terms().complete()) {
            reply = publish(d);
        } else if (action.equals(CHANGE) && stage == Step.Stage.OFFER_PREVIEW) {
            reply = changeMenu(d);
        } else if (action.startsWith(CHANGE + ":") && stage == Step.Stage.OFFER_PREVIEW && d.terms().complete()) {
            reply = changeField(d, action.substring(CHANGE.length() + 1));
        }
        // the pressed question is answered: its buttons go, so an old one cannot be pressed again by mistake
        return Optional.ofNullable(reply).map(r -> new ButtonResult(null, r, new Reply(null, List.of())));
    }

    private static boolean placeStage(Step.Stage stage) {
        return stage == Step.Stage.OFFER_COUNTRY || stage == Step.Stage.OFFER_CITY;
    }

    /** "KZ:3": the fourth city of Kazakhstan's list. */
    private Optional<org.relohelp.knowledge.City> city(String countryAndIndex) {
        String[] parts = countryAndIndex.split(":");
        if (parts.length != 2 || !parts[1].matches("\\d{1,3}")) {
            return Optional.empty();
        }
        return OfferPlaces.COUNTRIES.stream().filter(c -> c.name().equals(parts[0])).findFirst()
                .flatMap(c -> places.city(c, Integer.parseInt(parts[1])));
    }

    private Optional<ButtonResult> toggle(Step d, String which) {
        Terms t = d.terms();
        Terms changed = switch (which) {
            case "children" -> t.conditions(!t.children(), t.pets(), t.smoking());
            case "pets" -> t.conditions(t.children(), !t.pets(), t.smoking());
            case "smoking" -> t.conditions(t.children(), t.pets(), !t.smoking());
            default -> null;
        };
        if (changed == null) {
            return Optional.empty();
        }
        Step toggled = d.with(changed);
        steps.save(toggled);
        return Optional.of(new ButtonResult(null, null, prompt(toggled)));
    }

    /** Goes on to the next question, or back to the preview when one answer was being changed. */
    private Reply next(Step d) {
        Step.Stage following = switch (d.stage()) {
            case OFFER_COUNTRY -> Step.Stage.OFFER_CITY;
            case OFFER_CITY -> Step.Stage.OFFER_KIND;
            case OFFER_KIND -> Step.Stage.OFFER_PEOPLE;
            case OFFER_PEOPLE -> Step.Stage.OFFER_DATES;
            case OFFER_DATES -> Step.Stage.OFFER_PRICE;
            case OFFER_PRICE -> Step.Stage.OFFER_CONDITIONS;
            case OFFER_CONDITIONS -> Step.Stage.OFFER_DESCRIPTION;
            default -> Step.Stage.OFFER_PREVIEW;
        };
        if (d.back() && d.stage() != Step.Stage.OFFER_COUNTRY) {
            following = Step.Stage.OFFER_PREVIEW;
        }
        Step n = d.at(following);
        steps.save(n);
        return prompt(n);
    }

    private Reply publish(Step d) {
        Language lang = d.language();
        Terms t = d.terms();
        LocalDate today = time.today(t.country());
        if (t.from().isBefore(today)) {
            Step dates = d.back(true).at(Step.Stage.OFFER_DATES);
            steps.save(dates);
            return Reply.withButtons(texts.get(lang, "housing.dates.past") + "\n\n" + prompt(dates).html(),
                    prompt(dates).buttons());
        }
        if (d.offerId() == null) {
            Optional<String> refused = limits.offer(d.userId(), lang);
            if (refused.isPresent()) {
                return Reply.text(refused.get());
            }
            long number = offers.create(d.userId(), t);
            steps.done(d.userId());
            return Reply.text(texts.get(lang, "housing.offer.published", number, view.date(t.to(), lang)));
        }
        steps.done(d.userId());
        return Reply.text(texts.get(lang, offers.update(d.offerId(), d.userId(), t) ? "housing.offer.saved"
                : "housing.offer.gone", d.offerId()));
    }

    private Reply changeMenu(Step d) {
        Language lang = d.language();
        List<Button> fields = new ArrayList<>();
        for (String field : List.of("place", "kind", "people", "dates", "price", "conditions", "description")) {
            fields.add(new Button(texts.plain(lang, "housing.offer.field." + field), CHANGE + ":" + field));
        }
        List<List<Button>> rows = new ArrayList<>(OfferPlaces.rows(fields, 3));
        rows.add(List.of(cancel(lang)));
        return Reply.withButtons(d.offerId() == null ? texts.get(lang, "housing.offer.change")
                : texts.get(lang, "housing.offer.change-number", d.offerId()), rows);
    }

    private Reply changeField(Step d, String field) {
        Step.Stage stage = switch (field) {
            case "place" -> Step.Stage.OFFER_CITY;
            case "kind" -> Step.Stage.OFFER_KIND;
            case "people" -> Step.Stage.OFFER_PEOPLE;
            case "dates" -> Step.Stage.OFFER_DATES;
            case "price" -> Step.Stage.OFFER_PRICE;
            case "conditions" -> Step.Stage.OFFER_CONDITIONS;
            case "description" -> Step.Stage.OFFER_DESCRIPTION;
            default -> null;
        };
        if (stage == null) {
            return null;
        }
        Step changing = d.back(true).at(stage);
        steps.save(changing);
        return prompt(changing);
    }

    /** The question of a step, with its buttons and Cancel. */
    Reply prompt(Step d) {
        Language lang = d.language();
        Terms t = d.terms();
        List<List<Button>> rows = new ArrayList<>();
        String html = switch (d.stage()) {
            case OFFER_COUNTRY -> {
                rows.addAll(places.countryButtons(COUNTRY, lang));
                yield texts.get(lang, "housing.offer.ask-country");
            }
            case OFFER_CITY -> {
                rows.addAll(places.cityButtons(CITY, t.country(), lang));
                rows.add(List.of(new Button(texts.plain(lang, "housing.button.other-country"), OTHER_COUNTRY)));
                yield texts.get(lang, "housing.offer.ask-city", places.country(t.country(), lang));
            }
            case OFFER_KIND -> {
                rows.add(java.util.Arrays.stream(Terms.Kind.values()).map(k -> new Button(view.kind(k, lang),
                        KIND + k.name())).toList());
                yield texts.get(lang, "housing.offer.ask-kind");
            }
            case OFFER_PEOPLE -> texts.get(lang, "housing.offer.ask-people", properties.maxPeople());
            case OFFER_DATES -> texts.get(lang, "housing.offer.ask-dates");
            case OFFER_PRICE -> {
                rows.add(List.of(new Button(texts.plain(lang, "housing.button.free"), FREE)));
                yield texts.get(lang, "housing.offer.ask-price");
            }
            case OFFER_CONDITIONS -> {
                rows.add(List.of(condition(lang, "children", t.children()), condition(lang, "pets", t.pets()),
                        condition(lang, "smoking", t.smoking())));
                rows.add(List.of(new Button(texts.plain(lang, "housing.button.next"), NEXT)));
                yield texts.get(lang, "housing.offer.ask-conditions");
            }
            case OFFER_DESCRIPTION -> texts.get(lang, "housing.offer.ask-description", MAX_DESCRIPTION);
            default -> {
                rows.add(List.of(new Button(texts.plain(lang, d.offerId() == null ? "housing.button.publish"
                        : "housing.button.save"), PUBLISH), new Button(texts.plain(lang, "housing.button.change"),
                        CHANGE)));
                yield texts.get(lang, "housing.offer.preview") + "\n\n" + view.card(d.offerId(), t, lang) + "\n\n"
                        + scams.html(lang);
            }
        };
        rows.add(List.of(cancel(lang)));
        return Reply.withButtons(html, rows);
    }

    /** After a question in the middle: the step again, shortly where its question is long (the preview). */
    Reply reoffer(Step d) {
        if (d.stage() != Step.Stage.OFFER_PREVIEW) {
            return prompt(d);
        }
        return Reply.withButtons(texts.get(d.language(), "housing.offer.preview-again"), prompt(d).buttons());
    }

    private Button condition(Language lang, String which, boolean allowed) {
        return new Button((allowed ? "✅ " : "🚫 ") + texts.plain(lang, "housing.button." + which), CONDITION + which);
    }

    private Reply again(Step d, String key, Object... args) {
        return Reply.withButtons(texts.get(d.language(), key, args), prompt(d).buttons());
    }

    static Button cancel(Language lang, Texts texts) {
        return new Button(texts.plain(lang, "step.button.cancel"), Dialogue.CANCEL);
    }

    private Button cancel(Language lang) {
        return cancel(lang, texts);
    }
}

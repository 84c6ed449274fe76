package org.relohelp.housing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.stay.CountryTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asking for a place: "Request" under an offer asks for a short message (a step), and the host gets it with the
 * dates and how many people under "Гость #N" — never the guest's name, username or phone — with Accept and
 * Decline, and the scam rules. The offer, the dates and the limits are checked at the press and again when the
 * message comes.
 */
@Component
class RequestDesk {

    static final String REQUEST = "ho:req:";
    static final int MAX_MESSAGE = 1000;
    private static final Logger log = LoggerFactory.getLogger(RequestDesk.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Steps steps;
    private final Offers offers;
    private final Requests requests;
    private final Hosts hosts;
    private final HousingPairs pairs;
    private final Limits limits;
    private final OfferView view;
    private final ScamRules scams;
    private final Messenger messenger;
    private final Texts texts;
    private final People people;
    private final CountryTime time;

    RequestDesk(Steps steps, Offers offers, Requests requests, Hosts hosts, HousingPairs pairs, Limits limits,
                OfferView view, ScamRules scams, Messenger messenger, Texts texts, People people, CountryTime time) {
        this.steps = steps;
        this.offers = offers;
        this.requests = requests;
        this.hosts = hosts;
        this.pairs = pairs;
        this.limits = limits;
        this.view = view;
        this.scams = scams;
        this.messenger = messenger;
        this.texts = texts;
        this.people = people;
        this.time = time;
    }

    /** "ho:req:12:20261205:20261210:2": a request for offer 12 for that stay. */
    Optional<ButtonResult> press(Pressed pressed) {
        String[] p = pressed.action().substring(REQUEST.length()).split(":");
        if (p.length != 4 || !p[0].matches("\\d{1,18}") || !p[3].matches("\\d{1,2}")) {
            return Optional.empty();
        }
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(p[1], DAY);
            to = LocalDate.parse(p[2], DAY);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        int guests = Integer.parseInt(p[3]);
        Language lang = pressed.language();
        Optional<Offer> offer = offers.find(Long.parseLong(p[0]));
        if (offer.isEmpty() || guests < 1 || !to.isAfter(from)) {
            return Optional.empty();
        }
        Optional<String> refused = refusal(offer.get(), pressed.userId(), from, to, guests, lang);
        if (refused.isPresent()) {
            return Optional.of(ButtonResult.message(Reply.text(refused.get())));
        }
        Step draft = new Step(pressed.userId(), Step.Stage.REQUEST_MESSAGE, offer.get().id(), false,
                Terms.empty(offer.get().terms().country()).dates(from, to).people(guests), lang);
        Optional<Step> replaced = steps.start(draft);
        return Optional.of(ButtonResult.message(HousingStep.after(texts, replaced, draft, prompt(draft))));
    }

    /** Why this person cannot ask for this offer for this stay now, if they cannot. */
    private Optional<String> refusal(Offer offer, long guestId, LocalDate from, LocalDate to, int guests,
                                     Language lang) {
        if (offer.status() != Offer.Status.LIVE || !hosts.isHost(offer.hostId())) {
            return Optional.of(texts.get(lang, "housing.request.offer-gone", offer.id()));
        }
        if (offer.hostId() == guestId) {
            return Optional.of(texts.get(lang, "housing.request.own"));
        }
        if (from.isBefore(time.today(offer.terms().country()))) {
            return Optional.of(texts.get(lang, "housing.request.dates-passed"));
        }
        if (!offer.terms().fits(from, to, guests)) {
            return Optional.of(texts.get(lang, "housing.request.no-longer-fits", offer.id()));
        }
        Optional<Request> open = requests.openFor(guestId, offer.id());
        if (open.isPresent()) {
            return Optional.of(texts.get(lang, "housing.request.already", open.get().id()));
        }
        return limits.request(guestId, lang);
    }

    Reply prompt(Step d) {
        Language lang = d.language();
        String offer = offers.find(d.offerId()).map(o -> view.summary(o, lang)).orElse("#" + d.offerId());
        return Reply.withButtons(texts.get(lang, "housing.request.write", offer, view.dates(d.terms().from(),
                        d.terms().to(), lang), d.terms().people(), MAX_MESSAGE) + "\n\n" + scams.html(lang),
                List.of(List.of(OfferDialogue.cancel(lang, texts))));
    }

    /** The request's message: whatever the guest writes is for the host, as a ticket's description is. */
    Optional<Reply> answer(Step d, Asked asked) {
        Language lang = d.language();
        String text = asked.message().isText() && asked.message().text() != null ? asked.message().text().strip() : "";
        if (text.isEmpty()) {
            return Optional.of(Reply.withButtons(texts.get(lang, "housing.request.in-words"), prompt(d).buttons()));
        }
        if (text.length() > MAX_MESSAGE) {
            return Optional.of(Reply.withButtons(texts.get(lang, "housing.request.long", text.length(), MAX_MESSAGE),
                    prompt(d).buttons()));
        }
        Terms stay = d.terms();
        Optional<Offer> offer = offers.find(d.offerId());
        Optional<String> refused = offer.isEmpty() ? Optional.of(texts.get(lang, "housing.request.offer-gone",
                d.offerId())) : refusal(offer.get(), d.userId(), stay.from(), stay.to(), stay.people(), lang);
        steps.done(d.userId());
        if (refused.isPresent()) {
            return Optional.of(Reply.text(refused.get()));
        }
        Request request = requests.create(offer.get(), d.userId(), stay.from(), stay.to(), stay.people());
        Language host = people.language(request.hostId());
        String html = texts.get(host, "housing.request.to-host", request.id(), view.summary(offer.get(), host),
                request.guest(), view.dates(request.from(), request.to(), host), request.people(), text)
                + "\n\n" + scams.html(host);
        List<List<Button>> buttons = List.of(List.of(
                new Button(texts.plain(host, "housing.button.accept"), Talks.ACCEPT + request.id()),
                new Button(texts.plain(host, "housing.button.decline"), Talks.DECLINE + request.id())));
        // a note: a reply to the request reaches the guest once it is accepted; a host who cannot be written to
        // declines it through the receipt
        messenger.send(request.hostId(), Reply.withButtons(html, buttons),
                HousingReceipts.pair(pairs.note(request.id(), request.hostId(), HousingReceipts.REQUEST)));
        log.info("Housing request {} for offer {}", request.id(), offer.get().id());
        return Optional.of(Reply.text(texts.get(lang, "housing.request.sent", request.id())));
    }
}

package org.relohelp.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.relohelp.chat.Button;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.cluster.Leadership;
import org.relohelp.stay.CountryTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers end on their last date, in their country's time: the day before, the host is asked whether to extend it
 * by a week or close it (once); after it, the offer closes and the host is told. Runs on the leader only, each
 * offer in its own transaction, so one that fails leaves the others done; the state is in the database, so a
 * restart loses nothing and asks nobody twice.
 */
@Component
class OfferExpiry {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

    private final Offers offers;
    private final Takedown takedown;
    private final OfferView view;
    private final Messenger messenger;
    private final Texts texts;
    private final People people;
    private final CountryTime time;
    private final Clock clock;
    private final Leadership leadership;
    private final TransactionTemplate transaction;

    OfferExpiry(Offers offers, Takedown takedown, OfferView view, Messenger messenger, Texts texts, People people,
                CountryTime time, Clock clock, Leadership leadership, TransactionTemplate transaction) {
        this.offers = offers;
        this.takedown = takedown;
        this.view = view;
        this.messenger = messenger;
        this.texts = texts;
        this.people = people;
        this.time = time;
        this.clock = clock;
        this.leadership = leadership;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${relohelp.housing.check-every:10m}", initialDelayString = "20s")
    void run() {
        if (!leadership.isLeader()) {
            return; // several instances: the leader asks and closes, once
        }
        // no country's today is more than a day ahead of UTC's: the offers that end within two days of it, or ended
        List<Offer> ending = offers.openEndingBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(3));
        for (Offer offer : ending) {
            if (!leadership.isLeader()) {
                return; // it stopped leading meanwhile: the rest is the next leader's
            }
            transaction.executeWithoutResult(status -> check(offer));
        }
    }

    private void check(Offer offer) {
        LocalDate today = time.today(offer.terms().country());
        LocalDate last = offer.terms().to();
        Language lang = people.language(offer.hostId());
        if (last.isBefore(today) || last.isEqual(today)) {
            if (takedown.close(offer)) {
                messenger.send(offer.hostId(), Reply.text(texts.get(lang, "housing.expiry.ended",
                        view.summary(offer, lang), view.date(last, lang))));
            }
        } else if (last.isEqual(today.plusDays(1)) && offer.remindedAt() == null
                && offer.status() != Offer.Status.HIDDEN && offers.reminded(offer.id())) {
            log.info("Housing offer {} ends tomorrow: asking its host", offer.id());
            messenger.send(offer.hostId(), Reply.withButtons(texts.get(lang, "housing.expiry.ask",
                    view.summary(offer, lang), view.date(last, lang), OfferShelf.EXTEND_DAYS), List.of(List.of(
                    new Button(texts.plain(lang, "housing.button.extend", OfferShelf.EXTEND_DAYS),
                            OfferShelf.EXTEND + offer.id()),
                    new Button(texts.plain(lang, "housing.button.close", offer.id()), OfferShelf.CLOSE + offer.id())))));
        }
    }
}

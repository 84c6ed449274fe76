package org.relohelp.housing;

import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Offers coming down: one closed by its host, the expiry job or an admin; all of a host's when they stop being a
 * host, leave (/forget) or are blocked. Requests still waiting for an answer are declined and their guests told;
 * conversations go on — except a blocked host's, which end at once with a warning to each guest.
 */
@Component
class Takedown {

    private static final Logger log = LoggerFactory.getLogger(Takedown.class);

    private final Offers offers;
    private final Requests requests;
    private final Steps steps;
    private final Talks talks;
    private final OfferView view;
    private final Messenger messenger;
    private final Texts texts;
    private final People people;

    Takedown(Offers offers, Requests requests, Steps steps, Talks talks, OfferView view, Messenger messenger,
             Texts texts, People people) {
        this.offers = offers;
        this.requests = requests;
        this.steps = steps;
        this.talks = talks;
        this.view = view;
        this.messenger = messenger;
        this.texts = texts;
        this.people = people;
    }

    /** Closes an open offer; false when it was closed already. */
    boolean close(Offer offer) {
        if (!offers.close(offer.id())) {
            return false;
        }
        for (Request r : requests.pendingFor(offer.id())) {
            if (requests.decline(r.id())) {
                Language lang = people.language(r.guestId());
                messenger.send(r.guestId(), Reply.text(texts.get(lang, "housing.request.offer-closed", r.id(),
                        view.summary(offer, lang))));
            }
        }
        log.info("Housing offer {} closed", offer.id());
        return true;
    }

    /** A host is no longer one: their open offers close and an offer they were writing (or set aside) is dropped. */
    int hostGone(long hostId) {
        steps.of(hostId).filter(d -> d.stage().offer()).ifPresent(d -> steps.done(hostId));
        steps.dropAside(hostId);
        return (int) offers.openOf(hostId).stream().filter(this::close).count();
    }

    /** A blocked host: offers down, and every conversation they are in as a host ends with a warning. */
    int blocked(long hostId) {
        int closed = hostGone(hostId);
        requests.openOf(hostId).stream().filter(r -> r.hostId() == hostId && r.status() == Request.Status.ACCEPTED)
                .forEach(r -> talks.endWithout(r, hostId, "housing.talk.host-blocked"));
        return closed;
    }
}

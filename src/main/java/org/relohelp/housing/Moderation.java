package org.relohelp.housing;

import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.handoff.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeping the listings safe. Anyone may report an offer, once; enough reports from different people
 * ({@code reports-to-hide}, 2) hide it until an admin looks: the admins get the offer with Restore, Close and Block
 * the host — never who reported it. A blocked host's offers disappear at once and their conversations end.
 */
@Component
class Moderation {

    static final String REPORT = "ho:rep:";
    static final String ACTION = "ho:mod:";
    private static final Logger log = LoggerFactory.getLogger(Moderation.class);

    private final Offers offers;
    private final Reports reports;
    private final Hosts hosts;
    private final Takedown takedown;
    private final Roles roles;
    private final OfferView view;
    private final Messenger messenger;
    private final Texts texts;
    private final People people;
    private final HousingProperties properties;

    Moderation(Offers offers, Reports reports, Hosts hosts, Takedown takedown, Roles roles, OfferView view,
               Messenger messenger, Texts texts, People people, HousingProperties properties) {
        this.offers = offers;
        this.reports = reports;
        this.hosts = hosts;
        this.takedown = takedown;
        this.roles = roles;
        this.view = view;
        this.messenger = messenger;
        this.texts = texts;
        this.people = people;
        this.properties = properties;
    }

    /** "ho:rep:12": a report of offer 12. */
    Optional<ButtonResult> report(Pressed pressed) {
        Optional<Offer> found = number(pressed.action().substring(REPORT.length())).flatMap(offers::find)
                .filter(Offer::isOpen);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Offer offer = found.get();
        Language lang = pressed.language();
        if (offer.hostId() == pressed.userId()) {
            return Optional.of(ButtonResult.toast(texts.plain(lang, "housing.report.own")));
        }
        if (!reports.add(offer.id(), pressed.userId())) {
            return Optional.of(ButtonResult.toast(texts.plain(lang, "housing.report.already", offer.id())));
        }
        int count = reports.count(offer.id());
        log.info("Housing offer {} reported ({} reports)", offer.id(), count);
        boolean shown = offer.status() == Offer.Status.LIVE || offer.status() == Offer.Status.PAUSED;
        if (count >= properties.reportsToHide() && shown && offers.move(offer.id(), offer.status(),
                Offer.Status.HIDDEN)) {
            hidden(offer, count);
        }
        return Optional.of(ButtonResult.toast(texts.plain(lang, "housing.report.thanks", offer.id())));
    }

    private void hidden(Offer offer, int count) {
        String host = hosts.find(offer.hostId()).map(Host::displayName).orElse("—");
        for (long admin : roles.admins()) {
            Language lang = people.language(admin);
            messenger.send(admin, Reply.withButtons(texts.get(lang, "housing.moderation.hidden", offer.id(), count,
                    host, offer.hostId()) + "\n\n" + view.card(offer.id(), offer.terms(), lang), List.of(List.of(
                    new Button(texts.plain(lang, "housing.button.restore"), ACTION + "restore:" + offer.id()),
                    new Button(texts.plain(lang, "housing.button.close-offer"), ACTION + "close:" + offer.id()),
                    new Button(texts.plain(lang, "housing.button.block"), ACTION + "block:" + offer.id())))));
        }
        messenger.send(offer.hostId(), Reply.text(texts.get(people.language(offer.hostId()),
                "housing.offer.hidden-host", offer.id())));
    }

    /** An admin's decision on a hidden offer: "ho:mod:restore:12", "ho:mod:close:12", "ho:mod:block:12". */
    Optional<ButtonResult> press(Pressed pressed) {
        String[] parts = pressed.action().substring(ACTION.length()).split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        Optional<Offer> found = number(parts[1]).flatMap(offers::find);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Offer offer = found.get();
        Language lang = pressed.language();
        Language hostLang = people.language(offer.hostId());
        String outcome;
        switch (parts[0]) {
            case "restore" -> {
                if (!offers.move(offer.id(), Offer.Status.HIDDEN, Offer.Status.LIVE)) {
                    return Optional.of(ButtonResult.toast(texts.plain(lang, "housing.moderation.not-hidden", offer.id())));
                }
                reports.clear(offer.id());
                messenger.send(offer.hostId(), Reply.text(texts.get(hostLang, "housing.offer.restored", offer.id())));
                outcome = texts.get(lang, "housing.moderation.restored", offer.id());
            }
            case "close" -> {
                if (takedown.close(offer)) {
                    messenger.send(offer.hostId(), Reply.text(texts.get(hostLang, "housing.offer.closed-by-admins",
                            offer.id())));
                }
                outcome = texts.get(lang, "housing.moderation.closed", offer.id());
            }
            case "block" -> outcome = texts.get(lang, "housing.moderation.blocked", offer.hostId(),
                    block(offer.hostId()));
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new ButtonResult(null, null, Reply.text(outcome)));
    }

    /** Blocks a host: no longer one, offers down, conversations ended; returns how many offers came down. */
    int block(long hostId) {
        boolean wasHost = hosts.isHost(hostId);
        hosts.block(hostId, HostRoster.defaultName(hostId));
        int closed = takedown.blocked(hostId);
        if (wasHost) {
            messenger.send(hostId, Reply.text(texts.get(people.language(hostId), "housing.host.blocked-you")));
        }
        log.info("Housing host {} blocked; {} offers closed", hostId, closed);
        return closed;
    }

    private static Optional<Long> number(String text) {
        return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }
}

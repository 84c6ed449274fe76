package org.relohelp.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Language;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.stay.CountryTime;
import org.springframework.stereotype.Component;

/**
 * A host's own offers (/myoffers): each open one with its state, and buttons to pause or resume, change and close
 * it; "extend by a week" comes with the expiry job's question. Only the host's own offers answer their buttons.
 */
@Component
class OfferShelf {

    static final String MINE = "ho:o:mine";
    static final String PAUSE = "ho:o:pause:";
    static final String RESUME = "ho:o:resume:";
    static final String EDIT = "ho:o:edit:";
    static final String CLOSE = "ho:o:close:";
    static final String EXTEND = "ho:o:ext:";
    static final int EXTEND_DAYS = 7;

    private final Offers offers;
    private final Takedown takedown;
    private final OfferDialogue dialogue;
    private final OfferView view;
    private final Texts texts;
    private final CountryTime time;
    private final HousingProperties properties;

    OfferShelf(Offers offers, Takedown takedown, OfferDialogue dialogue, OfferView view, Texts texts, CountryTime time,
               HousingProperties properties) {
        this.offers = offers;
        this.takedown = takedown;
        this.dialogue = dialogue;
        this.view = view;
        this.texts = texts;
        this.time = time;
        this.properties = properties;
    }

    Reply list(long hostId, Language lang) {
        List<Offer> open = offers.openOf(hostId);
        List<List<Button>> rows = new ArrayList<>();
        if (open.isEmpty()) {
            rows.add(List.of(new Button(texts.plain(lang, "housing.button.new-offer"), OfferDialogue.NEW)));
            return Reply.withButtons(texts.get(lang, "housing.mine.empty"), rows);
        }
        StringBuilder html = new StringBuilder(texts.get(lang, "housing.mine.title", open.size(),
                properties.offersPerHost()));
        for (Offer offer : open) {
            html.append("\n• ").append(texts.get(lang, "housing.mine.line", view.summary(offer, lang),
                    view.dates(offer.terms().from(), offer.terms().to(), lang), texts.plain(lang,
                            "housing.status." + offer.status().name().toLowerCase(Locale.ROOT))));
            List<Button> row = new ArrayList<>();
            if (offer.status() == Offer.Status.LIVE) {
                row.add(new Button(texts.plain(lang, "housing.button.pause", offer.id()), PAUSE + offer.id()));
            } else if (offer.status() == Offer.Status.PAUSED) {
                row.add(new Button(texts.plain(lang, "housing.button.resume", offer.id()), RESUME + offer.id()));
            }
            row.add(new Button(texts.plain(lang, "housing.button.edit", offer.id()), EDIT + offer.id()));
            row.add(new Button(texts.plain(lang, "housing.button.close", offer.id()), CLOSE + offer.id()));
            rows.add(row);
        }
        if (open.size() < properties.offersPerHost()) {
            rows.add(List.of(new Button(texts.plain(lang, "housing.button.new-offer"), OfferDialogue.NEW)));
        }
        return Reply.withButtons(html.toString(), rows);
    }

    /** The host's buttons on their offers; the list is redrawn in place after a change. */
    Optional<ButtonResult> press(Pressed pressed) {
        String action = pressed.action();
        Language lang = pressed.language();
        if (action.equals(MINE)) {
            return Optional.of(ButtonResult.message(list(pressed.userId(), lang)));
        }
        String prefix = action.substring(0, action.lastIndexOf(':') + 1);
        String number = action.substring(prefix.length());
        Optional<Offer> found = number.matches("\\d{1,18}") ? offers.find(Long.parseLong(number))
                .filter(o -> o.hostId() == pressed.userId()) : Optional.empty();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Offer offer = found.get();
        if (prefix.equals(EDIT)) {
            return Optional.of(offer.isOpen() ? ButtonResult.message(dialogue.change(pressed.profile(), offer))
                    : ButtonResult.toast(texts.plain(lang, "housing.mine.unchanged", offer.id())));
        }
        String toast = switch (prefix) {
            case PAUSE -> offers.move(offer.id(), Offer.Status.LIVE, Offer.Status.PAUSED)
                    ? texts.plain(lang, "housing.mine.paused", offer.id()) : null;
            case RESUME -> !offer.terms().to().isAfter(time.today(offer.terms().country())) ? texts.plain(lang,
                    "housing.mine.ended", offer.id()) : offers.move(offer.id(), Offer.Status.PAUSED,
                    Offer.Status.LIVE) ? texts.plain(lang, "housing.mine.resumed", offer.id()) : null;
            case CLOSE -> takedown.close(offer) ? texts.plain(lang, "housing.mine.closed", offer.id()) : null;
            case EXTEND -> offers.extend(offer.id(), pressed.userId(), EXTEND_DAYS) ? texts.plain(lang,
                    "housing.mine.extended", offer.id(), view.date(offer.terms().to().plusDays(EXTEND_DAYS), lang))
                    : null;
            default -> null;
        };
        if (toast == null) {
            return Optional.of(ButtonResult.toast(texts.plain(lang, "housing.mine.unchanged", offer.id())));
        }
        return Optional.of(new ButtonResult(toast, null, list(pressed.userId(), lang)));
    }
}

package org.relohelp.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * /housing for someone who is already in it: their conversations (which one their messages go to, and buttons to
 * write to another or end one), their requests waiting for an answer (to withdraw), a new search, and "questions
 * to the bot" — after which their plain messages are questions again. Anyone else goes straight to the search.
 */
@Component
class HousingMenu {

    private final Requests requests;
    private final Offers offers;
    private final Focus focus;
    private final HousingRelay relay;
    private final OfferView view;
    private final SearchDialogue search;
    private final Texts texts;

    HousingMenu(Requests requests, Offers offers, Focus focus, HousingRelay relay, OfferView view,
                SearchDialogue search, Texts texts) {
        this.requests = requests;
        this.offers = offers;
        this.focus = focus;
        this.relay = relay;
        this.view = view;
        this.search = search;
        this.texts = texts;
    }

    Reply show(Profile profile) {
        long user = profile.userId();
        Language lang = profile.language();
        List<Request> open = requests.openOf(user).stream()
                .filter(r -> r.status() == Request.Status.ACCEPTED || r.guestId() == user).toList();
        if (open.isEmpty()) {
            return search.start(profile);
        }
        Optional<Long> focused = focus.of(user);
        StringBuilder html = new StringBuilder(texts.get(lang, "housing.menu.title"));
        List<List<Button>> rows = new ArrayList<>();
        for (Request r : open) {
            String place = offers.find(r.offerId()).map(o -> view.summary(o, lang)).orElse("");
            if (r.status() == Request.Status.ACCEPTED) {
                String with = r.guestId() == user ? relay.hostName(r) : r.guest();
                boolean here = focused.filter(id -> id == r.id()).isPresent();
                html.append("\n• ").append(texts.get(lang, here ? "housing.menu.talk-here" : "housing.menu.talk",
                        r.id(), with, place));
                rows.add(List.of(new Button(texts.plain(lang, "housing.button.write", r.id()), Talks.WRITE + r.id()),
                        new Button(texts.plain(lang, "housing.button.end-number", r.id()), Talks.END + r.id())));
            } else {
                html.append("\n• ").append(texts.get(lang, "housing.menu.waiting", r.id(), place,
                        view.dates(r.from(), r.to(), lang)));
                rows.add(List.of(new Button(texts.plain(lang, "housing.button.withdraw", r.id()),
                        Talks.WITHDRAW + r.id())));
            }
        }
        rows.add(List.of(new Button(texts.plain(lang, "housing.button.find"), Button.FIND_HOUSING)));
        if (focused.isPresent()) {
            html.append("\n\n").append(texts.get(lang, "housing.menu.routing"));
            rows.add(List.of(new Button(texts.plain(lang, "housing.button.quiet"), Talks.QUIET)));
        }
        return Reply.withButtons(html.toString(), rows);
    }
}

package org.relohelp.housing;

import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Access;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.ButtonRoute;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Pressed;
import org.springframework.stereotype.Service;

/**
 * Housing's commands and buttons: /housing for everyone (and "Find a place" under housing answers), /offer and
 * /myoffers for hosts; buttons under {@code ho:} — everyone's (search, request, report, conversations), hosts'
 * under {@code ho:o:} (their offers, answering requests), admins' under {@code ho:mod:}. The edge checks the access
 * of each before it gets here.
 */
@Service
class HousingDesk implements ChatFeature {

    private static final String EVERYONE = "ho:";

    private final HousingMenu menu;
    private final SearchDialogue search;
    private final OfferDialogue offer;
    private final OfferShelf shelf;
    private final RequestDesk requests;
    private final Talks talks;
    private final Moderation moderation;

    HousingDesk(HousingMenu menu, SearchDialogue search, OfferDialogue offer, OfferShelf shelf, RequestDesk requests,
                Talks talks, Moderation moderation) {
        this.menu = menu;
        this.search = search;
        this.offer = offer;
        this.shelf = shelf;
        this.requests = requests;
        this.talks = talks;
        this.moderation = moderation;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("housing", Access.EVERYONE, "menu.housing", asked -> menu.show(asked.profile())).at(35),
                Command.of("offer", Access.HOST, "menu.offer", asked -> offer.start(asked.profile())).at(1),
                Command.of("myoffers", Access.HOST, "menu.myoffers",
                        asked -> shelf.list(asked.userId(), asked.language())).at(2));
    }

    @Override
    public List<ButtonRoute> buttons() {
        return List.of(ButtonRoute.of(EVERYONE, this::press),
                new ButtonRoute(OfferDialogue.ACTION, Access.HOST, this::pressAsHost),
                new ButtonRoute(Moderation.ACTION, Access.ADMIN, moderation::press));
    }

    private Optional<ButtonResult> press(Pressed pressed) {
        String action = pressed.action();
        if (action.equals(Button.FIND_HOUSING)) {
            return Optional.of(ButtonResult.message(search.start(pressed.profile())));
        }
        if (action.startsWith(SearchDialogue.ACTION) || action.startsWith(SearchDialogue.MORE)) {
            return search.press(pressed);
        }
        if (action.startsWith(RequestDesk.REQUEST)) {
            return requests.press(pressed);
        }
        if (action.startsWith(Moderation.REPORT)) {
            return moderation.report(pressed);
        }
        return talks.press(pressed);
    }

    private Optional<ButtonResult> pressAsHost(Pressed pressed) {
        String action = pressed.action();
        if (action.startsWith(Talks.ACCEPT) || action.startsWith(Talks.DECLINE)) {
            return talks.press(pressed);
        }
        if (action.equals(OfferShelf.MINE) || action.startsWith(OfferShelf.PAUSE)
                || action.startsWith(OfferShelf.RESUME) || action.startsWith(OfferShelf.EDIT)
                || action.startsWith(OfferShelf.CLOSE) || action.startsWith(OfferShelf.EXTEND)) {
            return shelf.press(pressed);
        }
        return offer.press(pressed);
    }
}

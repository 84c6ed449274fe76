package org.relohelp.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Pressed;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A request's life after it reached the host: Accept opens the conversation (both sides' messages then go to each
 * other, see {@link HousingRelay}), Decline ends it; either side may end the conversation, and may share their own
 * contact — only by pressing the button and confirming, never automatically; the guest may withdraw a request not
 * answered yet. Which conversation a person's messages go to is their {@link Focus}.
 */
@Component
class Talks {

    static final String ACCEPT = "ho:o:acc:";
    static final String DECLINE = "ho:o:dec:";
    static final String END = "ho:end:";
    static final String SHARE = "ho:share:";
    static final String SHARE_YES = "ho:sharey:";
    static final String SHARE_NO = "ho:sharen:";
    static final String WRITE = "ho:write:";
    static final String QUIET = "ho:quiet";
    static final String WITHDRAW = "ho:wd:";
    private static final Logger log = LoggerFactory.getLogger(Talks.class);
    private static final Reply NO_BUTTONS = new Reply(null, List.of());

    private final Requests requests;
    private final Offers offers;
    private final HousingPairs pairs;
    private final Focus focus;
    private final HousingRelay relay;
    private final OfferView view;
    private final Messenger messenger;
    private final Texts texts;
    private final People people;

    Talks(Requests requests, Offers offers, HousingPairs pairs, Focus focus, HousingRelay relay, OfferView view,
          Messenger messenger, Texts texts, People people) {
        this.requests = requests;
        this.offers = offers;
        this.pairs = pairs;
        this.focus = focus;
        this.relay = relay;
        this.view = view;
        this.messenger = messenger;
        this.texts = texts;
        this.people = people;
    }

    /** A message for an accepted request from one of its two sides: relayed, and their messages go there now. */
    void relay(Request request, Asked asked) {
        focus.set(asked.userId(), request.id());
        relay.relay(request, asked.message());
    }

    /** The conversation buttons; empty when the press fits no request of this person's in the right state. */
    Optional<ButtonResult> press(Pressed pressed) {
        String action = pressed.action();
        if (action.equals(QUIET)) {
            focus.clear(pressed.userId());
            return Optional.of(ButtonResult.message(Reply.text(texts.get(pressed.language(), "housing.talk.quiet"))));
        }
        String prefix = action.substring(0, action.lastIndexOf(':') + 1);
        String number = action.substring(prefix.length());
        if (!number.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Optional<Request> found = requests.find(Long.parseLong(number)).filter(r -> r.involves(pressed.userId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Request r = found.get();
        Language lang = pressed.language();
        boolean host = r.hostId() == pressed.userId();
        boolean accepted = r.status() == Request.Status.ACCEPTED;
        return switch (prefix) {
            case ACCEPT -> host ? Optional.of(accept(r, lang)) : Optional.empty();
            case DECLINE -> host ? Optional.of(decline(r, lang)) : Optional.empty();
            case WITHDRAW -> !host ? Optional.of(withdraw(r, lang)) : Optional.empty();
            case END -> Optional.of(accepted && end(r, pressed.userId())
                    ? new ButtonResult(null, Reply.text(texts.get(lang, "housing.talk.ended-you", r.id())), NO_BUTTONS)
                    : ButtonResult.toast(texts.plain(lang, "housing.talk.over-toast", r.id())));
            case WRITE -> Optional.of(accepted ? write(r, pressed.userId(), lang)
                    : ButtonResult.toast(texts.plain(lang, "housing.talk.over-toast", r.id())));
            case SHARE -> Optional.of(accepted ? ButtonResult.message(shareQuestion(r, pressed.userId(), lang))
                    : ButtonResult.toast(texts.plain(lang, "housing.talk.over-toast", r.id())));
            case SHARE_YES -> Optional.of(accepted ? share(r, pressed.userId(), lang)
                    : ButtonResult.toast(texts.plain(lang, "housing.talk.over-toast", r.id())));
            case SHARE_NO -> Optional.of(new ButtonResult(null, null,
                    Reply.text(texts.get(lang, "housing.share.kept"))));
            default -> Optional.empty();
        };
    }

    private ButtonResult accept(Request r, Language lang) {
        if (!requests.accept(r.id())) {
            return new ButtonResult(texts.plain(lang, "housing.request.not-open", r.id()), null, NO_BUTTONS);
        }
        focus.set(r.hostId(), r.id());
        focus.set(r.guestId(), r.id());
        Language guest = people.language(r.guestId());
        String offer = offers.find(r.offerId()).map(o -> view.summary(o, guest)).orElse("");
        messenger.send(r.guestId(), Reply.withButtons(texts.get(guest, "housing.talk.opened-guest",
                        relay.hostName(r), r.id(), offer), buttons(r, false, guest)),
                HousingReceipts.pair(pairs.note(r.id(), r.guestId(), "note")));
        messenger.send(r.hostId(), Reply.withButtons(texts.get(lang, "housing.talk.opened-host", r.guest(), r.id()),
                buttons(r, true, lang)), HousingReceipts.pair(pairs.note(r.id(), r.hostId(), "note")));
        log.info("Housing request {} accepted", r.id());
        return new ButtonResult(texts.plain(lang, "housing.request.accepted-toast", r.id()), null, NO_BUTTONS);
    }

    private ButtonResult decline(Request r, Language lang) {
        if (!requests.decline(r.id())) {
            return new ButtonResult(texts.plain(lang, "housing.request.not-open", r.id()), null, NO_BUTTONS);
        }
        Language guest = people.language(r.guestId());
        String offer = offers.find(r.offerId()).map(o -> view.summary(o, guest)).orElse("");
        messenger.send(r.guestId(), Reply.text(texts.get(guest, "housing.request.declined", r.id(), offer)));
        return new ButtonResult(texts.plain(lang, "housing.request.declined-toast", r.id()), null, NO_BUTTONS);
    }

    private ButtonResult withdraw(Request r, Language lang) {
        if (!requests.withdraw(r.id(), r.guestId())) {
            return ButtonResult.toast(texts.plain(lang, "housing.request.not-open", r.id()));
        }
        messenger.send(r.hostId(), Reply.text(texts.get(people.language(r.hostId()), "housing.request.withdrawn-host",
                r.guest(), r.id())));
        return new ButtonResult(null, Reply.text(texts.get(lang, "housing.request.withdrawn", r.id())), NO_BUTTONS);
    }

    /**
     * Ends an accepted conversation; the other side is told who ended it. False when it was not open (ended meanwhile).
     */
    boolean end(Request r, long by) {
        if (!requests.end(r.id())) {
            return false;
        }
        focus.clearRequest(r.id());
        long other = r.other(by);
        Language lang = people.language(other);
        String who = by == r.guestId() ? r.guest() : relay.hostName(r);
        messenger.send(other, Reply.text(texts.get(lang, "housing.talk.ended-other", who, r.id())));
        return true;
    }

    /** Ends a conversation because one side is gone (blocked, forgotten); the other hears it with {@code key}. */
    void endWithout(Request r, long gone, String key) {
        if (requests.end(r.id())) {
            focus.clearRequest(r.id());
            long other = r.other(gone);
            messenger.send(other, Reply.text(texts.get(people.language(other), key, r.id())));
        }
    }

    private ButtonResult write(Request r, long userId, Language lang) {
        focus.set(userId, r.id());
        String with = userId == r.guestId() ? relay.hostName(r) : r.guest();
        return ButtonResult.toast(texts.plain(lang, "housing.talk.focus", with, r.id()));
    }

    private Reply shareQuestion(Request r, long userId, Language lang) {
        String with = userId == r.guestId() ? relay.hostName(r) : r.guest();
        return Reply.withButtons(texts.get(lang, "housing.share.confirm", with, r.id()), List.of(List.of(
                new Button(texts.plain(lang, "housing.button.share-yes"), SHARE_YES + r.id()),
                new Button(texts.plain(lang, "housing.button.share-no"), SHARE_NO + r.id()))));
    }

    /**
     * The person confirmed: the other side gets a link to their Telegram account (tg://user?id=…, which opens the
     * profile as its owner's privacy settings show it). The only place an account ever reaches the other side.
     */
    private ButtonResult share(Request r, long userId, Language lang) {
        long other = r.other(userId);
        Language theirs = people.language(other);
        String who = userId == r.guestId() ? r.guest() : relay.hostName(r);
        String link = "<a href=\"tg://user?id=" + userId + "\">" + Html.escape(texts.plain(theirs,
                "housing.share.link")) + "</a>";
        messenger.send(other, Reply.text(texts.get(theirs, "housing.share.received", who, r.id(),
                Html.trusted(link))));
        log.info("Housing request {}: a contact was shared", r.id());
        return new ButtonResult(null, null, Reply.text(texts.get(lang, "housing.share.done", r.id())));
    }

    /** Under "accepted": End, Share my contact, and for the guest Report. */
    List<List<Button>> buttons(Request r, boolean host, Language lang) {
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(new Button(texts.plain(lang, "housing.button.end"), END + r.id()),
                new Button(texts.plain(lang, "housing.button.share"), SHARE + r.id())));
        if (!host) {
            rows.add(List.of(new Button(texts.plain(lang, "housing.button.report", r.offerId()),
                    Moderation.REPORT + r.offerId())));
        }
        return rows;
    }
}

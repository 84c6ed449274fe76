package org.relohelp.housing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.relohelp.chat.Html;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.NotYet;
import org.relohelp.chat.Receipt;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * Carries a host-guest conversation as the handoff carries a ticket: copies, never forwards, so no account shows.
 * A text arrives as a new message under "Гость #N" or the host's name; a photo or a document with that label as its
 * caption; anything else after a line with the label. Every copy is a pair of its own ({@link HousingPairs}), so
 * replies route and edits follow: an edited text changes its copy, and an edit of a copy still on its way waits for
 * it ({@link NotYet}).
 */
@Component
class HousingRelay {

    /** How long a queued copy may take to arrive before an edit of it is let go. */
    private static final Duration COPY_ON_ITS_WAY = Duration.ofSeconds(30);

    private final Messenger messenger;
    private final HousingPairs pairs;
    private final Requests requests;
    private final Hosts hosts;
    private final Texts texts;
    private final People people;
    private final Clock clock;

    HousingRelay(Messenger messenger, HousingPairs pairs, Requests requests, Hosts hosts, Texts texts, People people,
                 Clock clock) {
        this.messenger = messenger;
        this.pairs = pairs;
        this.requests = requests;
        this.hosts = hosts;
        this.texts = texts;
        this.people = people;
        this.clock = clock;
    }

    /** A message from one side of an accepted request to the other. */
    void relay(Request request, Incoming message) {
        boolean fromGuest = message.userId() == request.guestId();
        long to = request.other(message.userId());
        String label = label(request, fromGuest, people.language(to));
        if (message.isText()) {
            long pair = pairs.sent(request.id(), message.chatId(), message.messageId(), to, "text");
            messenger.send(to, Reply.text(label + "\n" + Html.escape(message.text())), HousingReceipts.pair(pair));
            return;
        }
        Receipt receipt = HousingReceipts.pair(pairs.sent(request.id(), message.chatId(), message.messageId(), to,
                "media"));
        if (message.takesCaption()) {
            String caption = message.text() == null ? "" : "\n" + Html.escape(message.text());
            messenger.copy(message.chatId(), message.messageId(), to, label + caption, receipt);
        } else {
            messenger.send(to, Reply.text(label));
            messenger.copy(message.chatId(), message.messageId(), to, null, receipt);
        }
    }

    /** Someone edited a text they had sent in a conversation: its copy changes too, marked as edited. */
    void edited(Incoming edit) {
        if (!edit.isText() || edit.text() == null) {
            return;
        }
        pairs.bySender(edit.chatId(), edit.messageId()).filter(p -> p.kind().equals("text")).filter(this::delivered)
                .ifPresent(p -> requests.find(p.request()).filter(r -> r.status() == Request.Status.ACCEPTED)
                        .ifPresent(r -> {
                            Language lang = people.language(p.receiverChat());
                            messenger.edit(p.receiverChat(), p.receiverMessage(), Reply.text(
                                    label(r, edit.userId() == r.guestId(), lang) + " "
                                            + texts.get(lang, "housing.talk.edited") + "\n" + Html.escape(edit.text())));
                        }));
    }

    /** "💬 Гость #12:" at the host, "💬 Тимур, хозяин:" at the guest. */
    String label(Request request, boolean fromGuest, Language lang) {
        return fromGuest ? texts.get(lang, "housing.talk.from-guest", request.guest())
                : texts.get(lang, "housing.talk.from-host", hostName(request));
    }

    String hostName(Request request) {
        return hosts.find(request.hostId()).map(Host::displayName).orElse("—");
    }

    private boolean delivered(HousingPairs.Pair pair) {
        if (pair.receiverMessage() != null) {
            return true;
        }
        if (pair.createdAt().isAfter(LocalDateTime.now(clock).minus(COPY_ON_ITS_WAY))) {
            throw new NotYet("the copy of housing pair " + pair.id() + " is on its way");
        }
        return false;
    }
}

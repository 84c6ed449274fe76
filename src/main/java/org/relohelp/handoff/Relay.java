package org.relohelp.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
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
 * Carries messages between a refugee and their volunteer with copies (never forwards, so no account shows),
 * recording every pair. At the volunteer, a refugee's text arrives labelled with the ticket; other kinds are
 * copied with the label as caption, or after a label line when they cannot carry one. Copies leave through the
 * outbox after the commit; each pair learns its copy's message id from the delivery receipt
 * ({@link HandoffReceipts}), and a copy that cannot be delivered is reported to whoever wrote it.
 */
@Component
class Relay {

    /** How long a queued copy may take to reach the other side before an edit of it is let go. */
    private static final Duration COPY_ON_ITS_WAY = Duration.ofSeconds(30);

    private final Messenger messenger;
    private final MessagePairs pairs;
    private final Tickets tickets;
    private final Texts texts;
    private final Clock clock;

    Relay(Messenger messenger, MessagePairs pairs, Tickets tickets, Texts texts, Clock clock) {
        this.messenger = messenger;
        this.pairs = pairs;
        this.tickets = tickets;
        this.texts = texts;
        this.clock = clock;
    }

    /** Keeps a refugee's message for the ticket; it reaches a volunteer now or when one takes the ticket. */
    long keep(Ticket ticket, Incoming message) {
        return pairs.fromRefugee(ticket.number(), message.chatId(), message.messageId(),
                message.isText() ? "text" : "copy");
    }

    void toVolunteer(Ticket ticket, long volunteerId, Incoming message, long pairId, Language volunteerLanguage) {
        String label = "<b>" + texts.get(volunteerLanguage, "handoff.label", ticket.number(), ticket.guest()) + "</b>";
        Receipt receipt = HandoffReceipts.pair(pairId);
        if (message.isText()) {
            messenger.send(volunteerId, Reply.text(label + "\n\n" + Html.escape(message.text())), receipt);
        } else if (message.takesCaption()) {
            String caption = message.text() == null ? "" : "\n" + Html.escape(message.text());
            messenger.copy(message.chatId(), message.messageId(), volunteerId, label + caption, receipt);
        } else {
            messenger.send(volunteerId, Reply.text(label));
            messenger.copy(message.chatId(), message.messageId(), volunteerId, null, receipt);
        }
    }

    /**
     * A refugee's message into the ticket's forum topic, labelled as for a volunteer (in the group's language); the
     * pair remembers the topic, so a copy lost with a deleted topic is sent again into the new one.
     */
    void toTopic(Ticket ticket, long chatId, int thread, Incoming message, long pairId, Language groupLanguage) {
        String label = "<b>" + texts.get(groupLanguage, "handoff.label", ticket.number(), ticket.guest()) + "</b>";
        Receipt receipt = HandoffReceipts.topicPair(pairId, thread);
        pairs.queuedTo(pairId, thread);
        if (message.isText()) {
            messenger.send(chatId, thread, Reply.text(label + "\n\n" + Html.escape(message.text())), receipt);
        } else if (message.takesCaption()) {
            String caption = message.text() == null ? "" : "\n" + Html.escape(message.text());
            messenger.copy(message.chatId(), message.messageId(), chatId, thread, label + caption, receipt);
        } else {
            messenger.send(chatId, thread, Reply.text(label), null);
            messenger.copy(message.chatId(), message.messageId(), chatId, thread, null, receipt);
        }
    }

    /** A refugee's message copied (again) into a topic: one that waited for it, or lost with a deleted one. */
    void copyToTopic(MessagePairs.Pair pair, long chatId, int thread) {
        pairs.queuedTo(pair.id(), thread);
        messenger.copy(pair.refugeeChat(), pair.refugeeMessage(), chatId, thread, null,
                HandoffReceipts.topicPair(pair.id(), thread));
    }

    /** Everything the refugee wrote before a volunteer took the ticket, in order, after its header. */
    void deliverWaiting(Ticket ticket, long volunteerId) {
        for (MessagePairs.Pair waiting : pairs.waiting(ticket.number())) {
            messenger.copy(waiting.refugeeChat(), waiting.refugeeMessage(), volunteerId, null,
                    HandoffReceipts.pair(waiting.id()));
        }
    }

    /**
     * A volunteer's message reaches the refugee under the volunteer's display name, so that in Telegram it does not
     * look like one of the bot's own answers: a text as a new message with the name on its first line, a photo or
     * document with the name in its caption, anything else after a line with the name. Never their account.
     */
    void toRefugee(Ticket ticket, Incoming message, String volunteerName) {
        String from = volunteerLine(ticket.language(), volunteerName);
        Receipt receipt;
        if (message.isText()) {
            // "copy": a volunteer's text (the name it was sent under is added here, not stored)
            long pair = pairs.fromVolunteer(ticket.number(), message.chatId(), message.messageId(), ticket.userId(),
                    "copy");
            receipt = HandoffReceipts.pair(pair);
            messenger.send(ticket.userId(), Reply.text(from + "\n" + Html.escape(message.text())), receipt);
        } else {
            long pair = pairs.fromVolunteer(ticket.number(), message.chatId(), message.messageId(), ticket.userId(),
                    "media");
            receipt = HandoffReceipts.pair(pair);
            if (message.takesCaption()) {
                String caption = message.text() == null ? "" : "\n" + Html.escape(message.text());
                messenger.copy(message.chatId(), message.messageId(), ticket.userId(), from + caption, receipt);
            } else {
                messenger.send(ticket.userId(), Reply.text(from));
                messenger.copy(message.chatId(), message.messageId(), ticket.userId(), null, receipt);
            }
        }
        tickets.volunteerReplied(ticket.number());
    }

    private String volunteerLine(Language language, String volunteerName) {
        return "<b>" + texts.get(language, "handoff.from-volunteer", volunteerName) + "</b>";
    }

    /** A refugee edited a message: the volunteer's copy changes too (texts; captions stay as sent). */
    void refugeeEdited(Incoming edit, Language volunteerLanguage) {
        pairs.byRefugeeMessage(edit.chatId(), edit.messageId())
                .filter(p -> p.fromRefugee() && edit.isText())
                .filter(p -> delivered(p, p.volunteerMessage()))
                .ifPresent(p -> {
                    String text = Html.escape(edit.text());
                    if (p.kind().equals("text")) {
                        text = "<b>" + texts.get(volunteerLanguage, "handoff.label", p.ticket(), Ticket.guest(p.ticket()))
                                + "</b> " + texts.get(volunteerLanguage, "handoff.label-edited") + "\n\n" + text;
                    }
                    messenger.edit(p.volunteerChat(), p.volunteerMessage(), Reply.text(text));
                });
    }

    /** A volunteer edited a message: the refugee's copy changes too, still under their name. */
    void volunteerEdited(Incoming edit, String volunteerName) {
        pairs.byVolunteerMessage(edit.chatId(), edit.messageId())
                .filter(p -> !p.fromRefugee() && edit.isText())
                .filter(p -> delivered(p, p.refugeeMessage()))
                .ifPresent(p -> tickets.find(p.ticket()).ifPresent(ticket -> messenger.edit(p.refugeeChat(),
                        p.refugeeMessage(), Reply.text((p.kind().equals("copy")
                                ? volunteerLine(ticket.language(), volunteerName) + "\n" : "")
                                + Html.escape(edit.text())))));
    }

    /**
     * Whether the pair's copy has its message id. A copy queued moments ago may still be on its way: then the edit is
     * handled again shortly ({@link NotYet}) rather than lost; an older one never arrived and the edit is let go.
     */
    private boolean delivered(MessagePairs.Pair pair, Integer copy) {
        if (copy != null) {
            return true;
        }
        if (pair.createdAt().isAfter(LocalDateTime.now(clock).minus(COPY_ON_ITS_WAY))) {
            throw new NotYet("the copy of message pair " + pair.id() + " is on its way");
        }
        return false;
    }

    /** The ticket a volunteer's reply (to any ticket message in their chat) belongs to. */
    Optional<Long> ticketOfVolunteerMessage(long chatId, int messageId) {
        return pairs.byVolunteerMessage(chatId, messageId).map(MessagePairs.Pair::ticket);
    }

    void note(Ticket ticket, long volunteerId, int messageId) {
        pairs.atVolunteer(ticket.number(), volunteerId, messageId, ticket.userId());
    }
}

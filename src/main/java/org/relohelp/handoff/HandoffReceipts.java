package org.relohelp.handoff;

import java.util.List;
import org.relohelp.chat.Delivery;
import org.relohelp.chat.DeliveryReceipts;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Receipt;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * How the handoff's messages ended, from the outbox: the message ids of relayed copies (for replies and edits), of
 * the announcement in the group (edited when someone takes the ticket) and of the ticket's header at the volunteer;
 * in topic mode the thread id of a ticket's new topic, and a topic someone deleted ({@link Topics});
 * and what to do when one could not be delivered — the writer hears so; a volunteer the bot cannot write to (they
 * never started it, or blocked it) gives the ticket back to the queue and is told in the group where they took it.
 */
@Component
class HandoffReceipts implements DeliveryReceipts {

    static final String KIND = "handoff";

    private final MessagePairs pairs;
    private final Tickets tickets;
    private final Relay relay;
    private final VolunteerDesk desk;
    private final Volunteers volunteers;
    private final Messenger messenger;
    private final Texts texts;
    private final VolunteerLanguage languages;
    private final Topics topics;
    private final ArticleOffers offers;
    private final Announcements announcements;

    HandoffReceipts(MessagePairs pairs, Tickets tickets, Relay relay, VolunteerDesk desk, Volunteers volunteers,
                    Messenger messenger, Texts texts, VolunteerLanguage languages, Topics topics,
                    ArticleOffers offers, Announcements announcements) {
        this.topics = topics;
        this.offers = offers;
        this.announcements = announcements;
        this.pairs = pairs;
        this.tickets = tickets;
        this.relay = relay;
        this.desk = desk;
        this.volunteers = volunteers;
        this.messenger = messenger;
        this.texts = texts;
        this.languages = languages;
    }

    static Receipt pair(long pairId) {
        return new Receipt(KIND, "pair:" + pairId);
    }

    static Receipt announcement(long ticket) {
        return new Receipt(KIND, "announcement:" + ticket);
    }

    static Receipt header(long ticket) {
        return new Receipt(KIND, "header:" + ticket);
    }

    /** The line that tells a volunteer with several tickets which guest got their message: a reply to it goes there. */
    static Receipt sentTo(long ticket) {
        return new Receipt(KIND, "sent:" + ticket);
    }

    /** An article's preview for a ticket (/kb): its message, so a reply to it adds a line. */
    static Receipt preview(long offer) {
        return new Receipt(KIND, "kb:" + offer);
    }

    /** A ticket's forum topic created: its thread id comes back as the message id. */
    static Receipt topic(long ticket) {
        return new Receipt(KIND, "topic:" + ticket);
    }

    static Receipt topicHeader(long ticket, int thread) {
        return new Receipt(KIND, "theader:" + ticket + ":" + thread);
    }

    static Receipt topicNote(long ticket, int thread) {
        return new Receipt(KIND, "tnote:" + ticket + ":" + thread);
    }

    /** Closing or reopening a ticket's topic. */
    static Receipt topicCall(long ticket, int thread) {
        return new Receipt(KIND, "tcall:" + ticket + ":" + thread);
    }

    /** A refugee's message copied into a ticket's topic. */
    static Receipt topicPair(long pairId, int thread) {
        return new Receipt(KIND, "tpair:" + pairId + ":" + thread);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void delivered(String key, long chatId, List<Integer> messageIds) {
        String[] parts = key.split(":");
        long id = Long.parseLong(parts[1]);
        if (messageIds.isEmpty()) {
            if (parts[0].equals("topic")) {
                topics.createAgain(id); // in the air at a crash: its thread unknown, so another topic
            }
            return; // in the air at a crash: delivered as far as anyone can tell, its id unknown
        }
        int last = messageIds.get(messageIds.size() - 1);
        switch (parts[0]) {
            case "pair", "tpair" -> pairs.delivered(id, chatId, last);
            case "announcement" -> announcementDelivered(id, chatId, last);
            case "header", "sent" -> tickets.find(id).ifPresent(ticket -> relay.note(ticket, chatId, last));
            case "topic" -> topics.created(id, last);
            case "theader" -> topics.headerDelivered(id, Integer.parseInt(parts[2]), last);
            case "kb" -> offers.delivered(id, last);
            case "tnote", "tcall" -> {
                // there: nothing to remember
            }
            default -> throw new IllegalArgumentException("unknown handoff receipt");
        }
    }

    /**
     * The announcement's id, for the edit when someone takes the ticket or it is closed. Taken or closed already (by
     * /take, by the button under an earlier announcement, by the guest's /cancel, while this one waited for the group's
     * limit or for Telegram's answer): that found no id to edit, so the edit happens here. The update comes first: it
     * waits for a change of the same row to commit, so the ticket read after it is never older than that change.
     */
    private void announcementDelivered(long number, long chatId, int messageId) {
        tickets.announcementDelivered(number, chatId, messageId);
        tickets.find(number).ifPresent(announcements::delivered);
    }

    @Override
    public void failed(String key, long chatId, Delivery outcome) {
        String[] parts = key.split(":");
        long id = Long.parseLong(parts[1]);
        switch (parts[0]) {
            case "pair" -> pairs.find(id).ifPresent(this::copyFailed);
            case "header" -> headerFailed(id, chatId);
            case "topic" -> topics.notCreated(id);
            case "tpair" -> {
                if (outcome == Delivery.NO_TOPIC) {
                    topics.pairLost(id, Integer.parseInt(parts[2]));
                } else {
                    pairs.find(id).ifPresent(this::copyFailed);
                }
            }
            case "theader", "tnote", "tcall" -> {
                if (outcome == Delivery.NO_TOPIC) {
                    topics.lost(id, Integer.parseInt(parts[2]));
                }
            }
            case "sent" -> {
                // the volunteer's message went; only the line about it did not: nothing to undo
            }
            default -> {
                // an announcement that did not reach the group: the ticket is announced again by its timer
            }
        }
    }

    /** The writer learns that their message did not arrive — while the ticket is still theirs to talk in. */
    private void copyFailed(MessagePairs.Pair pair) {
        tickets.find(pair.ticket()).filter(t -> t.status() == Ticket.Status.ASSIGNED).ifPresent(ticket -> {
            if (pair.fromRefugee() && pair.volunteerChat() == null && ticket.volunteerId() != null) {
                messenger.send(pair.refugeeChat(), Reply.text(texts.get(ticket.language(), "handoff.not-delivered")));
            } else if (!pair.fromRefugee() && pair.volunteerChat() != null && pair.volunteerChat() < 0) {
                topics.note(ticket, Reply.text(texts.get(Announcements.GROUP, "handoff.not-delivered")));
            } else if (!pair.fromRefugee() && pair.volunteerChat() != null) {
                messenger.send(pair.volunteerChat(), Reply.text(texts.get(languages.of(pair.volunteerChat()),
                        "handoff.not-delivered")));
            }
        });
    }

    /** The volunteer who took the ticket cannot be written to: the ticket goes back, and they hear why. */
    private void headerFailed(long number, long volunteerId) {
        tickets.find(number).filter(t -> t.status() == Ticket.Status.ASSIGNED && Long.valueOf(volunteerId)
                .equals(t.volunteerId())).ifPresent(ticket -> {
                    desk.release(ticket, languages.of(volunteerId));
                    String name = volunteers.active(volunteerId).map(Volunteer::displayName).orElse("");
                    if (ticket.announcementChat() != null) {
                        messenger.send(ticket.announcementChat(), Reply.text(texts.get(languages.of(volunteerId),
                                "handoff.take-undeliverable", name, number, messenger.botUsername())));
                    }
                });
    }
}

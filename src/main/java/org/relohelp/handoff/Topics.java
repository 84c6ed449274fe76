package org.relohelp.handoff;

import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.Html;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Topic mode ({@code relohelp.handoff.topics}, with {@code VOLUNTEER_CHAT_ID} a forum): each ticket gets its own
 * forum topic in the volunteers' group ("#12 · KZ · ИИН · ru"), created by the bot. The announcement and its Take
 * button stay in General; the topic holds the ticket's header (who holds it, with Take or Take over), everything
 * the refugee writes (labelled "Гость #N", never their account) and the bot's notes; the ticket's volunteer writes
 * there and the refugee gets it under their name. Closing the ticket closes the topic, reopening reopens it.
 * <p>
 * <b>Order.</b> No Telegram call is made in a transaction: creating, closing and reopening a topic are outbox rows
 * like messages, in the group's line, which the outbox delivers one at a time in the order queued, each outcome and
 * its receipt recorded before the group's next row goes. A message for a topic needs its thread id, which only the
 * creation's receipt brings, so nothing is queued for a topic that is not there yet: the refugee's messages wait in
 * {@code message_pair} (as they wait for a volunteer in private mode), and the creation's receipt queues, in its
 * transaction, the header and then every waiting message in order. Both lock the topic's row first, so a message
 * handled while the receipt is being recorded is either sent by its own update or seen waiting by the receipt. The bot's notes about a change (taken,
 * released…) are skipped while a topic is being created: its header, written then, shows the ticket as it is.
 * <p>
 * <b>A deleted topic.</b> Telegram tells the bot nothing; the next message for it fails with "message thread not
 * found" ({@link org.relohelp.chat.Delivery#NO_TOPIC}). That receipt marks the topic lost (one conditional update:
 * the first such failure wins), queues a new topic and puts the refugee's message back to waiting; the new topic's
 * receipt sends the header with a note saying so, then every waiting message again, copied from the refugee's
 * chat. Messages queued into the old topic meanwhile fail the same way before the new topic's call (the same line,
 * in order) and wait too; one queued after that call (a race) is sent into the new topic by its own receipt.
 * <p>
 * When no topic can be created (the bot lacks the right, the group is no forum), the ticket goes on as a private
 * relay, and General says so.
 */
@Component
class Topics {

    static final String TAKE_OVER_ACTION = "takeover:";
    private static final Logger log = LoggerFactory.getLogger(Topics.class);
    private static final Language GROUP = Announcements.GROUP;

    private final TicketThreads threads;
    private final Tickets tickets;
    private final MessagePairs pairs;
    private final Relay relay;
    private final Volunteers volunteers;
    private final Announcements announcements;
    private final Messenger messenger;
    private final Texts texts;
    private final HandoffProperties properties;
    private final VolunteerLanguage languages;

    Topics(TicketThreads threads, Tickets tickets, MessagePairs pairs, Relay relay, Volunteers volunteers,
           Announcements announcements, Messenger messenger, Texts texts, HandoffProperties properties,
           VolunteerLanguage languages) {
        this.threads = threads;
        this.tickets = tickets;
        this.pairs = pairs;
        this.relay = relay;
        this.volunteers = volunteers;
        this.announcements = announcements;
        this.messenger = messenger;
        this.texts = texts;
        this.properties = properties;
        this.languages = languages;
    }

    /** Topic mode is on: new tickets get topics. */
    boolean on() {
        return properties.topics() && properties.volunteerChatId() != null;
    }

    /** Whether the ticket lives in a topic (there, or being created); false for a private relay. */
    boolean holds(Ticket ticket) {
        return threads.of(ticket.number()).filter(t -> t.state() != TicketThreads.State.NONE).isPresent();
    }

    /** The ticket whose topic a message was written in. */
    Optional<Ticket> ticketOf(long chatId, int threadId) {
        return threadId == 0 ? Optional.empty() : threads.ticketOf(chatId, threadId).flatMap(tickets::find);
    }

    /** Whether a message or a press in this chat and topic is in the ticket's own topic. */
    boolean isTopicOf(Ticket ticket, long chatId, int threadId) {
        return threadId != 0 && ticketOf(chatId, threadId).filter(t -> t.number() == ticket.number()).isPresent();
    }

    // --- a ticket's topic: created, lost, created again ---------------------------------------------------------

    /** A new ticket (in topic mode): its topic is created after the commit. */
    void open(Ticket ticket) {
        if (!on()) {
            return;
        }
        threads.creating(ticket.number(), properties.volunteerChatId());
        messenger.createTopic(properties.volunteerChatId(), name(ticket), HandoffReceipts.topic(ticket.number()));
    }

    /** "#12 · KZ · ИИН · ru": what the topic is about, never who. */
    String name(Ticket ticket) {
        String country = ticket.country() == null ? "?" : ticket.country().name();
        String topic = ticket.topic() == null ? "" : " · " + texts.plain(GROUP, "topic-short." + ticket.topic());
        return "#" + ticket.number() + " · " + country + topic + " · " + ticket.language().code();
    }

    /**
     * The creation was in the air when the bot stopped: whether Telegram created the topic is unknown, and its id
     * would be anyway, so another one is created (a stray empty topic is better than a ticket waiting for ever).
     */
    void createAgain(long number) {
        Optional<Ticket> ticket = tickets.find(number);
        threads.of(number).filter(t -> t.state() == TicketThreads.State.CREATING).ifPresent(thread -> ticket
                .ifPresent(t -> messenger.createTopic(thread.chatId(), name(t), HandoffReceipts.topic(number))));
    }

    /** The creation's receipt: the header, then what waited for the topic; a ticket closed meanwhile closes it. */
    void created(long number, int threadId) {
        Optional<Ticket> found = tickets.find(number);
        if (found.isEmpty() || !threads.created(number, threadId)) { // (the update locks the row: see fromRefugee)
            return; // forgotten meanwhile
        }
        Ticket ticket = found.get();
        TicketThreads.Thread thread = threads.of(number).orElseThrow();
        log.info("Ticket {} has topic {}", number, threadId);
        messenger.send(thread.chatId(), threadId, header(ticket, thread.recreated() > 0),
                HandoffReceipts.topicHeader(number, threadId));
        for (MessagePairs.Pair waiting : pairs.waiting(number)) {
            relay.copyToTopic(waiting, thread.chatId(), threadId);
        }
        if (!ticket.isOpen()) {
            threads.state(number, TicketThreads.State.CLOSED);
            messenger.closeTopic(thread.chatId(), threadId, true, HandoffReceipts.topicCall(number, threadId));
        }
    }

    /**
     * No topic could be created: the ticket goes on in private chats. If a volunteer holds it already, they get it
     * there with everything that waited; General says why.
     */
    void notCreated(long number) {
        Optional<Ticket> found = tickets.find(number);
        Optional<TicketThreads.Thread> thread = threads.of(number);
        if (found.isEmpty() || thread.isEmpty() || thread.get().state() != TicketThreads.State.CREATING) {
            return;
        }
        threads.none(number);
        Ticket ticket = found.get();
        log.warn("Ticket {}: no topic could be created in group {}; it goes on in private chats", number,
                thread.get().chatId());
        messenger.send(thread.get().chatId(), Reply.text(texts.get(GROUP, "handoff.topic-not-created", number)));
        if (ticket.status() == Ticket.Status.ASSIGNED && ticket.volunteerId() != null) {
            long volunteer = ticket.volunteerId();
            messenger.send(volunteer, Reply.text(announcements.privateHeader(ticket, languages.of(volunteer))),
                    HandoffReceipts.header(number));
            volunteers.setCurrentTicket(volunteer, number);
            relay.deliverWaiting(ticket, volunteer);
        }
    }

    void headerDelivered(long number, int threadId, int messageId) {
        threads.header(number, threadId, messageId);
    }

    /** Telegram refused a message or call for the ticket's topic: someone deleted it. An open ticket gets a new one. */
    void lost(long number, int threadId) {
        Optional<Ticket> open = tickets.find(number).filter(Ticket::isOpen);
        Optional<TicketThreads.Thread> thread = threads.of(number);
        if (open.isPresent() && thread.isPresent() && threads.lost(number, threadId)) {
            log.info("Ticket {}: its topic {} was deleted; creating it again", number, threadId);
            messenger.createTopic(thread.get().chatId(), name(open.get()), HandoffReceipts.topic(number));
        }
    }

    /** A refugee's message did not reach the topic, which is gone: it waits for the new one (or goes there now). */
    void pairLost(long pairId, int threadId) {
        pairs.find(pairId).ifPresent(pair -> {
            pairs.queuedTo(pairId, null);
            lost(pair.ticket(), threadId);
            threads.of(pair.ticket()).filter(TicketThreads.Thread::ready).filter(t -> t.threadId() != threadId)
                    .ifPresent(now -> relay.copyToTopic(pair, now.chatId(), now.threadId()));
        });
    }

    // --- what goes into a topic ----------------------------------------------------------------------------------

    /**
     * A refugee's message (its pair kept already): into the topic, or waiting for it while it is being created (the
     * creation's receipt sends it). False when the ticket has no topic: it is relayed privately. The topic's row is
     * locked first, so the receipt either sees this message waiting or has made the topic ready for it.
     */
    boolean fromRefugee(Ticket ticket, Incoming message, long pairId) {
        Optional<TicketThreads.Thread> thread = threads.locked(ticket.number());
        if (thread.isEmpty() || thread.get().state() == TicketThreads.State.NONE) {
            return false;
        }
        if (thread.get().ready()) {
            relay.toTopic(ticket, thread.get().chatId(), thread.get().threadId(), message, pairId, GROUP);
        }
        return true;
    }

    /** A line from the bot in the ticket's topic (skipped while the topic is being created: see the class). */
    void note(Ticket ticket, Reply note) {
        threads.of(ticket.number()).filter(TicketThreads.Thread::ready).ifPresent(thread -> messenger.send(
                thread.chatId(), thread.threadId(), note, HandoffReceipts.topicNote(ticket.number(),
                        thread.threadId())));
    }

    void taken(Ticket ticket, Volunteer volunteer) {
        note(ticket, Reply.withButtons(texts.get(GROUP, "handoff.topic-taken", volunteer.displayName(),
                ticket.number()), takeOver(ticket)));
        refreshHeader(ticket.number());
    }

    void takenOver(Ticket ticket, String from, Volunteer to) {
        note(ticket, Reply.withButtons(texts.get(GROUP, "handoff.topic-taken-over", to.displayName(),
                ticket.number(), from), takeOver(ticket)));
        refreshHeader(ticket.number());
    }

    void released(Ticket ticket) {
        note(ticket, Reply.withButtons(texts.get(GROUP, "handoff.topic-released", ticket.number()),
                List.of(List.of(takeButton(ticket)))));
        refreshHeader(ticket.number());
    }

    /** The ticket was closed ({@code by}: who, as the group may read it): a note, then the topic is closed. */
    void closed(Ticket ticket, String by) {
        note(ticket, Reply.text(texts.get(GROUP, "handoff.topic-closed", ticket.number(), by)));
        refreshHeader(ticket.number());
        threads.of(ticket.number()).filter(TicketThreads.Thread::ready).ifPresent(thread -> {
            threads.state(ticket.number(), TicketThreads.State.CLOSED);
            messenger.closeTopic(thread.chatId(), thread.threadId(), true,
                    HandoffReceipts.topicCall(ticket.number(), thread.threadId()));
        });
    }

    /** The refugee reopened the ticket: the topic opens again (a deleted one is created again), with a note. */
    void reopened(Ticket ticket) {
        threads.of(ticket.number()).filter(TicketThreads.Thread::ready).ifPresent(thread -> {
            threads.state(ticket.number(), TicketThreads.State.OPEN);
            messenger.closeTopic(thread.chatId(), thread.threadId(), false,
                    HandoffReceipts.topicCall(ticket.number(), thread.threadId()));
        });
        String holder = ticket.volunteerId() == null ? null
                : volunteers.active(ticket.volunteerId()).map(Volunteer::displayName).orElse(null);
        note(ticket, Reply.withButtons(holder == null ? texts.get(GROUP, "handoff.topic-reopened-queued",
                ticket.number(), ticket.guest()) : texts.get(GROUP, "handoff.topic-reopened", ticket.number(),
                ticket.guest(), holder), holder == null ? List.of(List.of(takeButton(ticket))) : takeOver(ticket)));
        refreshHeader(ticket.number());
    }

    // --- the header: the ticket, who holds it, and Take or Take over --------------------------------------------

    private void refreshHeader(long number) {
        threads.of(number).filter(TicketThreads.Thread::ready).filter(t -> t.headerMessage() != null)
                .ifPresent(thread -> tickets.find(number).ifPresent(ticket -> messenger.edit(thread.chatId(),
                        thread.headerMessage(), header(ticket, false))));
    }

    Reply header(Ticket ticket, boolean recreated) {
        String state = switch (ticket.status()) {
            case QUEUED -> texts.get(GROUP, "handoff.topic-state-queued");
            case ASSIGNED -> texts.get(GROUP, "handoff.topic-state-assigned", volunteers.active(
                    ticket.volunteerId() == null ? 0 : ticket.volunteerId()).map(Volunteer::displayName).orElse("?"));
            case CLOSED -> texts.get(GROUP, "handoff.topic-state-closed");
        };
        String html = (recreated ? "<i>" + texts.get(GROUP, "handoff.topic-recreated") + "</i>\n\n" : "")
                + texts.get(GROUP, "handoff.topic-header", ticket.number(), ticket.guest(),
                announcements.country(ticket, GROUP), announcements.topic(ticket, GROUP), ticket.language().code(),
                ticket.description(), Html.trusted(state));
        List<List<Button>> buttons = switch (ticket.status()) {
            case QUEUED -> List.of(List.of(takeButton(ticket)));
            case ASSIGNED -> takeOver(ticket);
            case CLOSED -> List.of();
        };
        return Reply.withButtons(html, buttons);
    }

    private Button takeButton(Ticket ticket) {
        return new Button(texts.plain(GROUP, "handoff.button.take"), Announcements.TAKE_ACTION + ticket.number());
    }

    private List<List<Button>> takeOver(Ticket ticket) {
        return List.of(List.of(new Button(texts.plain(GROUP, "handoff.button.take-over"),
                TAKE_OVER_ACTION + ticket.number())));
    }
}

package org.relohelp.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * Tells volunteers about tickets: in the volunteers' group with a "Take" button, or privately to each
 * volunteer when no group is configured. Shows the ticket's number, country, topic, language, age and
 * description — never who the refugee is. Group texts are in Russian, the volunteers' common language.
 */
@Component
class Announcements {

    static final String TAKE_ACTION = "take:";
    /** The volunteers' common language: the group's texts, and the ticket topics' in topic mode. */
    static final Language GROUP = Language.RU;

    private final Messenger messenger;
    private final Texts texts;
    private final HandoffProperties properties;
    private final Tickets tickets;
    private final Volunteers volunteers;
    private final Clock clock;

    Announcements(Messenger messenger, Texts texts, HandoffProperties properties, Tickets tickets,
                  Volunteers volunteers, Clock clock) {
        this.messenger = messenger;
        this.texts = texts;
        this.properties = properties;
        this.tickets = tickets;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /**
     * Announces the ticket with its Take button. Announced before (again after a while, or back in the queue): the
     * earlier post, whose Take or "taken by" is out of date, now points to this one and keeps no button and no
     * description.
     */
    void announce(Ticket ticket, boolean again) {
        edit(ticket, texts.get(GROUP, "handoff.announce-moved", ticket.number()));
        long waited = Duration.between(ticket.queuedAt(), LocalDateTime.now(clock)).toMinutes();
        String html = (again ? texts.get(GROUP, "handoff.announce-again", ticket.number()) + "\n\n" : "")
                + texts.get(GROUP, "handoff.announce", ticket.number(), country(ticket, GROUP), topic(ticket, GROUP),
                ticket.language().code(), waited, ticket.description());
        Reply reply = Reply.withButtons(html, List.of(List.of(
                new Button(texts.get(GROUP, "handoff.button.take"), TAKE_ACTION + ticket.number()))));
        if (properties.volunteerChatId() != null) {
            // the message id arrives with the delivery receipt, after the commit
            messenger.send(properties.volunteerChatId(), reply, HandoffReceipts.announcement(ticket.number()));
            tickets.announced(ticket.number(), properties.volunteerChatId(), null);
        } else {
            volunteers.all().forEach(v -> messenger.send(v.userId(), reply));
            tickets.announced(ticket.number(), null, null);
        }
    }

    /** The announcement now says who took the ticket, and its button is gone. */
    void taken(Ticket ticket, Volunteer volunteer) {
        edit(ticket, texts.get(GROUP, "handoff.announce-taken", ticket.number(), volunteer.displayName()));
    }

    /**
     * The ticket was closed: the announcement says so, without a button and without the description — "отменена
     * гостем" when nobody had taken it (only its guest closes a waiting ticket, by /cancel or /forget), else who had it.
     */
    void closed(Ticket ticket) {
        Optional<String> holder = Optional.ofNullable(ticket.volunteerId()).flatMap(volunteers::active)
                .map(Volunteer::displayName);
        edit(ticket, holder.map(name -> texts.get(GROUP, "handoff.announce-closed", ticket.number(), name))
                .orElseGet(() -> texts.get(GROUP, "handoff.announce-cancelled", ticket.number())));
    }

    /**
     * The announcement's id has just arrived (after a take or a close that found none to edit): it shows the ticket as
     * it is now. A waiting ticket's post is right as sent.
     */
    void delivered(Ticket ticket) {
        if (ticket.status() == Ticket.Status.CLOSED) {
            closed(ticket);
        } else if (ticket.status() == Ticket.Status.ASSIGNED && ticket.volunteerId() != null) {
            volunteers.active(ticket.volunteerId()).ifPresent(volunteer -> taken(ticket, volunteer));
        }
    }

    /** The group's post of the ticket, if its id is known, gets this text and loses its button (through the outbox). */
    private void edit(Ticket ticket, String html) {
        if (ticket.announcementChat() != null && ticket.announcementMessage() != null) {
            messenger.edit(ticket.announcementChat(), ticket.announcementMessage(), Reply.text(html));
        }
    }

    /** The ticket as a volunteer gets it in their private chat when they take it. */
    String privateHeader(Ticket ticket, Language lang) {
        return texts.get(lang, "handoff.ticket-header", ticket.number(), ticket.guest(), country(ticket, lang),
                topic(ticket, lang), ticket.language().code(), ticket.description());
    }

    String country(Ticket ticket, Language language) {
        return ticket.country() == null ? texts.get(language, "handoff.country-unknown")
                : texts.countryName(language, ticket.country());
    }

    String topic(Ticket ticket, Language language) {
        return texts.get(language, "topic." + (ticket.topic() == null ? "none" : ticket.topic()));
    }
}

package org.relohelp.handoff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.ButtonResult;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Language;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.relohelp.chat.Profile;
import org.springframework.stereotype.Service;

/**
 * The refugee's side of the handoff: asking for a volunteer (/human or the button), describing the question,
 * writing while the ticket waits or is handled, cancelling, rating after a close, and reopening.
 */
@Service
public class RefugeeDesk {

    static final String RATE_ACTION = "rate:";
    static final String REOPEN_ACTION = "reopen:";
    static final String NEW_QUESTION_ACTION = "newq:";
    static final int MAX_DESCRIPTION = 4000;

    private final Tickets tickets;
    private final HandoffSteps steps;
    private final Volunteers volunteers;
    private final Announcements announcements;
    private final Relay relay;
    private final Messenger messenger;
    private final Texts texts;
    private final HandoffProperties properties;
    private final VolunteerLanguage volunteerLanguage;
    private final Clock clock;

    RefugeeDesk(Tickets tickets, HandoffSteps steps, Volunteers volunteers, Announcements announcements, Relay relay,
                Messenger messenger, Texts texts, HandoffProperties properties, VolunteerLanguage volunteerLanguage,
                Clock clock) {
        this.tickets = tickets;
        this.steps = steps;
        this.volunteers = volunteers;
        this.announcements = announcements;
        this.relay = relay;
        this.messenger = messenger;
        this.texts = texts;
        this.properties = properties;
        this.volunteerLanguage = volunteerLanguage;
        this.clock = clock;
    }

    /** /human or "Ask a volunteer": ask for a description, or say where the open ticket stands. */
    public Reply requestHuman(Profile profile, String topic) {
        Optional<Ticket> open = tickets.openFor(profile.userId());
        if (open.isPresent()) {
            return Reply.text(status(open.get(), profile.language()));
        }
        steps.expect(profile.userId(), HandoffSteps.Step.DESCRIBE, null, profile.country(), topic, profile.language());
        String country = profile.knownCountry().map(c -> texts.countryName(profile.language(), c))
                .orElse(texts.get(profile.language(), "handoff.country-unknown"));
        return Reply.text(texts.get(profile.language(), "handoff.describe", country));
    }

    /** /cancel: drops a started request or closes the user's own ticket. */
    public Reply cancel(Profile profile) {
        Language lang = profile.language();
        Optional<HandoffSteps.Waiting> waiting = steps.of(profile.userId());
        steps.done(profile.userId());
        if (waiting.filter(w -> w.step() == HandoffSteps.Step.DESCRIBE).isPresent()) {
            return Reply.text(texts.get(lang, "handoff.describe-cancelled"));
        }
        Optional<Ticket> open = tickets.openFor(profile.userId());
        if (open.isEmpty() || !tickets.close(open.get().number())) {
            return Reply.text(texts.get(lang, "handoff.nothing-to-cancel"));
        }
        Ticket ticket = open.get();
        if (ticket.volunteerId() != null) {
            messenger.send(ticket.volunteerId(), Reply.text(texts.get(volunteerLanguage.of(ticket.volunteerId()),
                    "handoff.refugee-closed", ticket.number(), ticket.guest())));
        }
        return Reply.text(texts.get(lang, "handoff.cancelled", ticket.number()));
    }

    /** /skip after a rating: no comment. */
    public Reply skip(Profile profile) {
        steps.done(profile.userId());
        return Reply.text(texts.get(profile.language(), "handoff.skipped"));
    }

    /**
     * A message from a refugee that belongs to the handoff: a description, a comment, or anything while a
     * ticket is open or was closed moments ago. Empty when the knowledge base should answer instead.
     */
    public Optional<Reply> onMessage(Profile profile, Incoming message) {
        Language lang = profile.language();
        Optional<HandoffSteps.Waiting> waiting = steps.of(profile.userId());
        if (waiting.isPresent()) {
            switch (waiting.get().step()) {
                case DESCRIBE -> {
                    return Optional.of(createTicket(profile, waiting.get(), message));
                }
                case COMMENT -> {
                    if (message.isText()) {
                        tickets.comment(waiting.get().ticket(), message.text());
                        steps.done(profile.userId());
                        return Optional.of(Reply.text(texts.get(lang, "handoff.comment-saved")));
                    }
                    steps.done(profile.userId());
                }
                case REOPEN -> steps.done(profile.userId());
            }
        }
        Optional<Ticket> open = tickets.openFor(profile.userId());
        if (open.isPresent()) {
            return Optional.of(relayFromRefugee(open.get(), message, lang));
        }
        return tickets.lastClosedFor(profile.userId())
                .filter(t -> t.closedAt().isAfter(LocalDateTime.now(clock).minus(properties.reopenWindow())))
                .map(closed -> offerReopen(profile, closed, message));
    }

    private Reply createTicket(Profile profile, HandoffSteps.Waiting waiting, Incoming message) {
        Language lang = waiting.language();
        if (!message.isText() || message.text().isBlank()) {
            return Reply.text(texts.get(lang, "handoff.describe-in-words"));
        }
        String description = message.text().length() > MAX_DESCRIPTION
                ? message.text().substring(0, MAX_DESCRIPTION) : message.text();
        steps.done(profile.userId());
        Ticket ticket = tickets.create(profile.userId(), lang, waiting.country(), waiting.topic(), description);
        announcements.announce(ticket, false);
        return Reply.text(texts.get(lang, "handoff.created", ticket.number(), tickets.placeInQueue(ticket)));
    }

    private Reply relayFromRefugee(Ticket ticket, Incoming message, Language lang) {
        long pair = relay.keep(ticket, message);
        if (ticket.status() == Ticket.Status.QUEUED) {
            return Reply.text(texts.get(lang, "handoff.added", ticket.number()));
        }
        relay.toVolunteer(ticket, ticket.volunteerId(), message, pair, volunteerLanguage.of(ticket.volunteerId()));
        return Reply.NOTHING;
    }

    private Reply offerReopen(Profile profile, Ticket closed, Incoming message) {
        relay.keep(closed, message);
        steps.expect(profile.userId(), HandoffSteps.Step.REOPEN, closed.number(), closed.country(), closed.topic(),
                profile.language());
        Language lang = profile.language();
        return Reply.withButtons(texts.get(lang, "handoff.reopen-offer", closed.number()), List.of(
                List.of(new Button(texts.plain(lang, "handoff.button.reopen", closed.number()),
                        REOPEN_ACTION + closed.number())),
                List.of(new Button(texts.get(lang, "handoff.button.new-question"),
                        NEW_QUESTION_ACTION + closed.number()))));
    }

    public boolean handles(String action) {
        return action.startsWith(RATE_ACTION) || action.startsWith(REOPEN_ACTION)
                || action.startsWith(NEW_QUESTION_ACTION);
    }

    /** Rating, reopen and "new question" buttons; only for the user's own tickets, in the right state. */
    public Optional<ButtonResult> press(Profile profile, String action) {
        Language lang = profile.language();
        String[] parts = action.split(":");
        long number;
        try {
            number = Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<Ticket> ticket = tickets.find(number).filter(t -> t.userId() == profile.userId());
        if (ticket.isEmpty()) {
            return Optional.empty();
        }
        if (action.startsWith(RATE_ACTION) && parts.length == 3 && parts[2].matches("[1-5]")
                && tickets.rate(number, profile.userId(), Integer.parseInt(parts[2]))) {
            steps.expect(profile.userId(), HandoffSteps.Step.COMMENT, number, null, null, lang);
            return Optional.of(new ButtonResult(null, Reply.text(texts.get(lang, "handoff.rated")),
                    Reply.text("⭐".repeat(Integer.parseInt(parts[2])))));
        }
        boolean offered = steps.of(profile.userId()).filter(w -> w.step() == HandoffSteps.Step.REOPEN
                && w.ticket() == number).isPresent();
        if (!offered) {
            return Optional.empty();
        }
        steps.done(profile.userId());
        if (action.startsWith(NEW_QUESTION_ACTION)) {
            return Optional.of(new ButtonResult(null, Reply.text(texts.get(lang, "handoff.new-question")),
                    new Reply(null, List.of())));
        }
        return Optional.of(new ButtonResult(null, reopen(ticket.get(), lang), new Reply(null, List.of())));
    }

    private Reply reopen(Ticket closed, Language lang) {
        Long volunteer = closed.volunteerId() != null && volunteers.active(closed.volunteerId()).isPresent()
                ? closed.volunteerId() : null;
        if (!tickets.reopen(closed.number(), volunteer)) {
            return null;
        }
        Ticket reopened = tickets.find(closed.number()).orElseThrow();
        if (volunteer == null) {
            announcements.announce(reopened, false);
            return Reply.text(texts.get(lang, "handoff.reopened-queued", closed.number()));
        }
        relay.deliverWaiting(reopened, volunteer);
        String name = volunteers.active(volunteer).map(Volunteer::displayName).orElse("");
        return Reply.text(texts.get(lang, "handoff.reopened-assigned", closed.number(), name));
    }

    /** A refugee edited a message that was relayed: the volunteer's copy follows. */
    public void onEdit(Incoming edit) {
        tickets.openFor(edit.userId()).filter(t -> t.volunteerId() != null)
                .ifPresent(t -> relay.refugeeEdited(edit, volunteerLanguage.of(t.volunteerId())));
    }

    private String status(Ticket ticket, Language lang) {
        if (ticket.status() == Ticket.Status.QUEUED) {
            return texts.get(lang, "handoff.already-queued", ticket.number(), tickets.placeInQueue(ticket));
        }
        String name = volunteers.active(ticket.volunteerId()).map(Volunteer::displayName).orElse("");
        return texts.get(lang, "handoff.already-assigned", ticket.number(), name);
    }
}

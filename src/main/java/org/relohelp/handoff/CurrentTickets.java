package org.relohelp.handoff;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * Which of a volunteer's tickets their private chat is about now: the one a plain message goes to, and the one /close,
 * /release and /kb act on without a number — always the same one. It is the volunteer's current ticket (set by a
 * take, /switch, a reopen or the last message they sent) while they still hold it, else the only ticket they hold;
 * when they hold several and none of them is current, nothing is guessed: the bot asks which.
 * <p>
 * A current ticket that was closed or released is never used: before, it stayed current, so after /close a volunteer
 * left with one ticket was told they had several. Tickets answered in forum topics ({@link Topics}) are not part of
 * the private chat.
 */
@Component
class CurrentTickets {

    private final Tickets tickets;
    private final Volunteers volunteers;
    private final Topics topics;
    private final Texts texts;

    CurrentTickets(Tickets tickets, Volunteers volunteers, Topics topics, Texts texts) {
        this.tickets = tickets;
        this.volunteers = volunteers;
        this.topics = topics;
        this.texts = texts;
    }

    /** The tickets the volunteer holds in their private chat, oldest first. */
    List<Ticket> held(long volunteerId) {
        return tickets.assignedTo(volunteerId).stream().filter(t -> !topics.holds(t)).toList();
    }

    /** Of {@code held}, the current one: the volunteer's current ticket while they hold it, else the only one. */
    static Optional<Ticket> of(Volunteer volunteer, List<Ticket> held) {
        return held.stream().filter(t -> Long.valueOf(t.number()).equals(volunteer.currentTicket())).findFirst()
                .or(() -> held.size() == 1 ? Optional.of(held.get(0)) : Optional.empty());
    }

    /**
     * The ticket a command without a number means: the current one of the private chat; with no ticket there, the
     * only one the volunteer holds at all (in a forum topic).
     */
    Optional<Ticket> forCommand(Volunteer volunteer) {
        List<Ticket> held = held(volunteer.userId());
        if (!held.isEmpty()) {
            return of(volunteer, held);
        }
        List<Ticket> all = tickets.assignedTo(volunteer.userId());
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /**
     * After one of the volunteer's tickets closed or went back to the queue: the ticket that is current now (saved,
     * so the private chat and the database agree), and one line saying where their messages go — empty when they hold
     * no ticket any more.
     */
    String next(long volunteerId, Language lang) {
        Optional<Volunteer> volunteer = volunteers.active(volunteerId);
        List<Ticket> held = held(volunteerId);
        if (volunteer.isEmpty() || held.isEmpty()) {
            volunteers.setCurrentTicket(volunteerId, null);
            return "";
        }
        Optional<Ticket> current = of(volunteer.get(), held);
        volunteers.setCurrentTicket(volunteerId, current.map(Ticket::number).orElse(null));
        return current.map(t -> texts.get(lang, "handoff.now-current", t.number(), t.guest()))
                .orElseGet(() -> texts.get(lang, "handoff.still-several", list(held)));
    }

    /** "#3 · Гость #3, #5 · Гость #5": the tickets to choose from. */
    static String list(List<Ticket> held) {
        return held.stream().map(t -> "#" + t.number() + " · " + t.guest()).collect(Collectors.joining(", "));
    }
}

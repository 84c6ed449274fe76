package org.relohelp.handoff;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Finds the ticket a volunteer's own message was relayed in, from the message pairs: only a message the
 * volunteer wrote in their chat and the bot copied to a refugee counts (not the bot's headers and labels, not
 * the refugee's messages shown to them).
 */
@NamedInterface("tickets")
@Component
public class TicketAnswers {

    private final MessagePairs pairs;
    private final Tickets tickets;

    TicketAnswers(MessagePairs pairs, Tickets tickets) {
        this.pairs = pairs;
        this.tickets = tickets;
    }

    /** The volunteer's message {@code messageId} in their private chat, if it was an answer in a ticket. */
    public Optional<TicketAnswer> find(long volunteerId, int messageId) {
        return pairs.byVolunteerMessage(volunteerId, messageId)
                .filter(p -> !p.fromRefugee() && (p.kind().equals("copy") || p.kind().equals("media")))
                .flatMap(p -> tickets.find(p.ticket()).map(t -> new TicketAnswer(t.number(), t.country(),
                        t.language(), t.topic(), t.description(), p.kind().equals("copy"))));
    }
}

package org.relohelp.handoff;

import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.modulith.NamedInterface;

/**
 * A volunteer's message that went to a refugee in a ticket, with what the ticket says about the question:
 * its country and topic (either may be null), the refugee's language and description. Nothing identifies the
 * refugee. {@code text} is false for photos, documents and other media.
 */
@NamedInterface("tickets")
public record TicketAnswer(long ticket, Country country, Language language, String topic, String description,
                           boolean text) {
}

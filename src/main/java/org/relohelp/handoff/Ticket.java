package org.relohelp.handoff;

import java.time.LocalDateTime;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;

/**
 * A refugee's request for a human. Its number is also how volunteers name the refugee ("Гость #N"), so a
 * volunteer never learns more than the ticket tells.
 */
record Ticket(long number, long userId, Language language, Country country, String topic, String description,
              Status status, Long volunteerId, LocalDateTime createdAt, LocalDateTime queuedAt,
              LocalDateTime closedAt, LocalDateTime announcedAt, Long announcementChat,
              Integer announcementMessage) {

    enum Status { QUEUED, ASSIGNED, CLOSED }

    boolean isOpen() {
        return status != Status.CLOSED;
    }

    String guest() {
        return guest(number);
    }

    static String guest(long number) {
        return "Гость #" + number;
    }
}

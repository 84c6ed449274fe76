package org.relohelp.housing;

import java.time.LocalDate;

/**
 * A guest's request for an offer: its number is also how the host knows the guest ("Гость #N"), with the dates
 * and how many people, and nothing else about them. Once accepted, the two talk through the bot until either ends.
 */
record Request(long id, long offerId, long guestId, long hostId, LocalDate from, LocalDate to, int people,
               Status status) {

    enum Status { PENDING, ACCEPTED, DECLINED, ENDED, WITHDRAWN }

    String guest() {
        return guest(id);
    }

    static String guest(long number) {
        return "Гость #" + number;
    }

    boolean involves(long userId) {
        return guestId == userId || hostId == userId;
    }

    /** The other side of the conversation. */
    long other(long userId) {
        return userId == guestId ? hostId : guestId;
    }
}

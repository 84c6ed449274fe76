package org.relohelp.housing;

import java.time.LocalDateTime;

/** A host's offer: its number, its host, what it says, and whether people can find it now. */
record Offer(long id, long hostId, Terms terms, Status status, LocalDateTime remindedAt) {

    /** LIVE: found by searches; PAUSED by its host; HIDDEN after reports, until an admin looks; CLOSED for good. */
    enum Status { LIVE, PAUSED, HIDDEN, CLOSED }

    boolean isOpen() {
        return status != Status.CLOSED;
    }
}

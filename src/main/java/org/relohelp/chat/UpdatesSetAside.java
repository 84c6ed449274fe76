package org.relohelp.chat;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Updates the bot could not store or handle, set aside after a few tries (ids, kinds and error classes only):
 * counted for the admins' /stats, so a recurring failure is seen by people and not only in the logs.
 */
public interface UpdatesSetAside {

    record Entry(long updateId, String kind, String error, LocalDateTime at) {
    }

    long countSince(LocalDateTime since);

    List<Entry> latest(int limit);
}

package org.relohelp.chat;

import java.util.Optional;

/**
 * A feature that may take a plain message in a private chat (not a command, not an answer to a step) before it is
 * treated as a question: a volunteer's message for their guest, a refugee's message for their open ticket, a
 * question that is really a stay count. Asked in {@link #order} (lower first); the first that takes it answers.
 */
public interface Conversation {

    int order();

    Optional<Reply> take(Asked asked);

    /** Someone edited a message in their private chat; a feature that relayed it follows. */
    default void edited(Incoming edit) {
    }
}

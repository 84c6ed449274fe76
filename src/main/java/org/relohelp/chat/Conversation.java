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

    /**
     * A message (not a command, not a service message) written in a forum topic of the volunteers' group
     * ({@code asked.message().threadId()} names it); a feature that keeps a topic per ticket takes it. The reply, if
     * any, goes into the same topic. Nobody else is asked after the first that takes it.
     */
    default Optional<Reply> takeInTopic(Asked asked) {
        return Optional.empty();
    }

    /** Someone edited a message in a forum topic of the volunteers' group. */
    default void editedInTopic(Incoming edit) {
    }
}

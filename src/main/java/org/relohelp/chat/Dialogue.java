package org.relohelp.chat;

import java.util.Optional;

/**
 * A step in which a feature waits for a person's next message (the dates of a stay count, a ticket's description,
 * a rating's comment, a draft's new text…). A step is never a trap:
 * <ul>
 * <li>{@code /cancel}, the step's Cancel button ({@link #CANCEL}) or a message that is only "cancel"
 * ({@link CancelWords}: "отмена", "Stop!") leaves it, before {@link #answer} sees the message;</li>
 * <li>any other command ends it (one line says so) and then does what it was asked, except the feature's own
 * commands that start the step ({@link #ownCommands});</li>
 * <li>a message that clearly is not an answer ({@link #answer} empty) is answered as a question, and the step is
 * offered again in one line ({@link #reoffer}) — nothing a person writes is lost.</li>
 * </ul>
 */
public interface Dialogue {

    /** The action of every step's Cancel button. */
    String CANCEL = "step:cancel";

    /** Whether this person is in one of this feature's steps now. */
    boolean waitsFor(Profile profile);

    /** The message as an answer to the step; empty when it clearly is not one (then it is a question). */
    Optional<Reply> answer(Asked asked);

    /** Ends the step: cancelled ({@code /cancel}, Cancel, "отмена") or left for another command. One line. */
    Reply leave(Profile profile, boolean cancelled);

    /** After a question asked in the middle of the step was answered: the step offered again, with Cancel. */
    Reply reoffer(Profile profile);

    /** Commands that start or restart this step: they do not end it. */
    default java.util.Set<String> ownCommands() {
        return java.util.Set.of();
    }

    /** Prefixes of the step's own buttons: pressing another feature's button in the middle gets the re-offer. */
    default java.util.Set<String> ownButtons() {
        return java.util.Set.of();
    }
}

package org.relohelp.stay;

import java.util.Optional;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Profile;
import org.springframework.stereotype.Component;

/**
 * A /stay count waiting for the person's answer, as the router sees it. A step never traps anyone:
 * <ul>
 * <li>{@link #answer}: a message that answers the step (a date, a trip, "no more trips", "отмена") gets the
 * count's reply; a question of the person's own gets nothing here — the router answers it as any question and
 * then sends {@link #reoffer}, the one line that offers the step again with a Cancel button;</li>
 * <li>{@link #cancel}: /cancel ends the step;</li>
 * <li>{@link #leave}: any other command, or a button that starts something else (a volunteer), ends the step
 * with a one-line notice, and then does what it was asked.</li>
 * </ul>
 * Each returns empty when no count is in progress, so the router can call them unconditionally.
 */
@Component
public class StayStep {

    private final StaySessions sessions;
    private final StayDesk desk;
    private final StayPrompts prompts;

    StayStep(StaySessions sessions, StayDesk desk, StayPrompts prompts) {
        this.sessions = sessions;
        this.desk = desk;
        this.prompts = prompts;
    }

    /** The reply when the message answers the open step; empty when none is open or it is a question of its own. */
    public Optional<Reply> answer(Profile profile, Incoming message) {
        return sessions.of(profile.userId()).map(s -> message.isText() ? desk.answer(profile, s, message.text())
                : Optional.of(prompts.reoffer(s))).flatMap(reply -> reply);
    }

    /** The step offered again in one line, with its buttons and Cancel. */
    public Optional<Reply> reoffer(Profile profile) {
        return sessions.of(profile.userId()).map(prompts::reoffer);
    }

    /** /cancel: ends the step and says so. */
    public Optional<Reply> cancel(Profile profile) {
        return sessions.done(profile.userId()) ? Optional.of(prompts.cancelled(profile.language())) : Optional.empty();
    }

    /** Something else was asked for: ends the step, and the one line that says so. */
    public Optional<Reply> leave(Profile profile) {
        return sessions.done(profile.userId()) ? Optional.of(prompts.interrupted(profile.language()))
                : Optional.empty();
    }
}

package org.relohelp.stay;

import java.util.Optional;
import java.util.Set;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Dialogue;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.springframework.stereotype.Component;

/**
 * A /stay count waiting for the person's answer. A message that answers the step (a date, a trip, "no more trips",
 * "отмена") gets the count's reply; a question of the person's own gets nothing here — the edge answers it as any
 * question and then offers the step again in one line ({@link #reoffer}, with Cancel). Other commands end it; /stay
 * starts it again, and /privacy only looks (it lists the count's dates, so it must not end the count).
 */
@Component
class StayStep implements Dialogue {

    private final StaySessions sessions;
    private final StayDesk desk;
    private final StayPrompts prompts;

    StayStep(StaySessions sessions, StayDesk desk, StayPrompts prompts) {
        this.sessions = sessions;
        this.desk = desk;
        this.prompts = prompts;
    }

    @Override
    public boolean waitsFor(Profile profile) {
        return sessions.of(profile.userId()).isPresent();
    }

    @Override
    public Optional<Reply> answer(Asked asked) {
        return sessions.of(asked.userId()).flatMap(s -> asked.message().isText()
                ? desk.answer(asked.profile(), s, asked.message().text()) : Optional.empty());
    }

    @Override
    public Reply leave(Profile profile, boolean cancelled) {
        if (!sessions.done(profile.userId())) {
            return Reply.NOTHING;
        }
        return cancelled ? prompts.cancelled(profile.language()) : prompts.interrupted(profile.language());
    }

    @Override
    public Reply reoffer(Profile profile) {
        return sessions.of(profile.userId()).map(prompts::reoffer).orElse(Reply.NOTHING);
    }

    @Override
    public Set<String> ownCommands() {
        return Set.of("stay", "privacy");
    }

    @Override
    public Set<String> ownButtons() {
        return Set.of(StayPrompts.ACTION);
    }
}

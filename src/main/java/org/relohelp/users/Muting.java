package org.relohelp.users;

import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Service;

/**
 * /mute and /unmute: whether the user receives the team's broadcasts. Only broadcasts: answers, tickets and
 * reminders the user asked for are not affected, and the confirmation says so.
 */
@Service
public class Muting {

    private final Profiles profiles;
    private final Texts texts;

    Muting(Profiles profiles, Texts texts) {
        this.profiles = profiles;
        this.texts = texts;
    }

    public Reply mute(Profile profile) {
        profiles.setMuted(profile.userId(), true);
        return Reply.text(texts.get(profile.language(), "mute.done"));
    }

    public Reply unmute(Profile profile) {
        profiles.setMuted(profile.userId(), false);
        return Reply.text(texts.get(profile.language(), "unmute.done"));
    }
}

package org.relohelp.users;

import java.util.List;
import org.relohelp.chat.Access;
import org.relohelp.chat.ChatFeature;
import org.relohelp.chat.Command;
import org.relohelp.chat.Profile;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Service;

/**
 * /mute and /unmute: whether the user receives the team's broadcasts. Only broadcasts: answers, tickets and
 * reminders the user asked for are not affected, and the confirmation says so.
 */
@Service
public class Muting implements ChatFeature {

    private final Profiles profiles;
    private final Texts texts;

    Muting(Profiles profiles, Texts texts) {
        this.profiles = profiles;
        this.texts = texts;
    }

    @Override
    public List<Command> commands() {
        return List.of(Command.of("mute", Access.EVERYONE, "menu.mute", asked -> mute(asked.profile())).at(90),
                Command.of("unmute", Access.EVERYONE, "menu.unmute", asked -> unmute(asked.profile())).at(91));
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

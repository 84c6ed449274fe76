package org.relohelp.handoff;

import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.users.Profiles;
import org.springframework.stereotype.Component;

/** The language to write to a volunteer or admin in: their profile's, Russian if they have none yet. */
@Component
class VolunteerLanguage {

    private final Profiles profiles;

    VolunteerLanguage(Profiles profiles) {
        this.profiles = profiles;
    }

    Language of(long userId) {
        return profiles.find(userId).map(Profile::language).orElse(Language.RU);
    }
}

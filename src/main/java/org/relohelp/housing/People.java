package org.relohelp.housing;

import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.relohelp.users.Profiles;
import org.springframework.stereotype.Component;

/** The language to write to someone in when they did not write just now: their profile's, Russian without one. */
@Component
class People {

    private final Profiles profiles;

    People(Profiles profiles) {
        this.profiles = profiles;
    }

    Language language(long userId) {
        return profiles.find(userId).map(Profile::language).orElse(Language.RU);
    }
}

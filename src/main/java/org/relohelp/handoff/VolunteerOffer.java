package org.relohelp.handoff;

import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Service;

/**
 * What "Ask a volunteer" does until tickets exist: it says honestly how volunteers will be reached through
 * this chat, and where people help each other meanwhile.
 */
@Service
public class VolunteerOffer {

    private final Texts texts;

    public VolunteerOffer(Texts texts) {
        this.texts = texts;
    }

    public Reply offer(Language language) {
        return Reply.text(texts.get(language, "volunteer.coming"));
    }
}

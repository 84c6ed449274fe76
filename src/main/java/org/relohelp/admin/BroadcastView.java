package org.relohelp.admin;

import org.relohelp.chat.Country;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/** The broadcast's words: the message as recipients get it, and what the admin is told about it. */
@Component
class BroadcastView {

    private final Texts texts;

    BroadcastView(Texts texts) {
        this.texts = texts;
    }

    /**
     * Exactly what a recipient gets, in their language: who it is from, the admin's text as typed (plain text,
     * line breaks kept), and how to opt out.
     */
    Reply message(String body, Language language) {
        return Reply.text(texts.get(language, "broadcast.header") + "\n\n" + Html.escape(body) + "\n\n<i>"
                + texts.get(language, "broadcast.footer") + "</i>");
    }

    /** "🇰🇿 Казахстан, все языки", plain text: an argument of the admin's texts. */
    String audience(Country country, Language audienceLanguage, Language lang) {
        String where = country == null ? texts.get(lang, "broadcast.all-countries") : texts.countryName(lang, country);
        String speaking = audienceLanguage == null ? texts.get(lang, "broadcast.all-languages")
                : texts.get(lang, "broadcast.lang." + audienceLanguage.code());
        return where + ", " + speaking;
    }

    String progress(long id, Broadcasts.Counts counts, boolean finished, Language lang) {
        return texts.get(lang, finished ? "broadcast.progress-done" : "broadcast.progress", id, counts.done(),
                counts.total());
    }

    String summary(long id, Broadcasts.Counts counts, Language lang) {
        String summary = texts.get(lang, "broadcast.done", id, counts.sent(), counts.blocked(), counts.failed());
        return counts.skipped() == 0 ? summary
                : summary + " " + texts.get(lang, "broadcast.done-skipped", counts.skipped());
    }

    String text(Language lang, String key, Object... args) {
        return texts.get(lang, key, args);
    }

    /** A button's label: plain text. */
    String label(Language lang, String key, Object... args) {
        return texts.plain(lang, key, args);
    }
}

package org.relohelp.admin;

import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Button;
import org.relohelp.chat.Html;
import org.relohelp.chat.Language;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/** How a draft looks to an admin: what it is about, the warning about the refugee's words, and the buttons. */
@Component
class DraftView {

    static final String APPROVE = "draft:ok:";
    static final String EDIT = "draft:edit:";
    static final String REJECT = "draft:no:";

    private final Texts texts;

    DraftView(Texts texts) {
        this.texts = texts;
    }

    Reply show(Draft draft, int waiting, Language lang) {
        String country = draft.country() == null ? texts.get(lang, "drafts.all-countries")
                : texts.countryName(lang, draft.country());
        String topic = draft.topic() == null ? texts.get(lang, "drafts.no-topic") : draft.topic();
        String html = texts.get(lang, "drafts.header", String.valueOf(draft.id()), waiting, country, topic,
                draft.language().code())
                + "\n" + texts.get(lang, "drafts.question-warning")
                + "\n\n<b>" + Html.escape(draft.title()) + "</b>\n\n" + Html.escape(draft.body());
        return Reply.withButtons(html, List.of(List.of(
                new Button(texts.get(lang, "drafts.approve"), APPROVE + draft.id()),
                new Button(texts.get(lang, "drafts.edit"), EDIT + draft.id()),
                new Button(texts.get(lang, "drafts.reject"), REJECT + draft.id()))));
    }

    /** The first draft waiting, or the words that none is. */
    Reply first(Optional<Draft> draft, int waiting, Language lang, String noneKey) {
        return draft.map(d -> show(d, waiting, lang)).orElseGet(() -> Reply.text(texts.get(lang, noneKey)));
    }
}

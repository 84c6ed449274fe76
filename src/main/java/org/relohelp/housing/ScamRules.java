package org.relohelp.housing;

import org.relohelp.chat.Language;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * The rules against rental scams shown with every offer and request: the knowledge base's own section on
 * prepayment (article {@code shelter-scams}, section {@code prepay}) as it stands now — so that a curator's change
 * reaches the housing pages at the next /reload — and the one rule it does not state, never to send documents in
 * advance. Without the article (a knowledge base of one's own) the same rules come from the bot's texts.
 */
@Component
class ScamRules {

    static final String ARTICLE = "shelter-scams";
    static final String SECTION = "prepay";

    private final org.relohelp.knowledge.Places knowledge;
    private final Texts texts;

    ScamRules(org.relohelp.knowledge.Places knowledge, Texts texts) {
        this.knowledge = knowledge;
        this.texts = texts;
    }

    String html(Language language) {
        String rules = knowledge.sectionHtml(ARTICLE, SECTION, language)
                .orElseGet(() -> texts.get(language, "housing.scam.fallback"));
        return "🛡 " + rules.strip() + "\n" + texts.get(language, "housing.scam.documents");
    }
}

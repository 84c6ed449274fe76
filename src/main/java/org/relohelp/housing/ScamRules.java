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
        // under a heading of its own: the section's title is a renter's question ("the landlord wants a prepayment:
        // is it a scam?"), which under an offer reads as if asked about this host, and hosts see it too
        String rules = knowledge.sectionHtml(ARTICLE, SECTION, language)
                .map(body -> texts.get(language, "housing.scam.title") + "\n" + body.strip())
                .orElseGet(() -> texts.get(language, "housing.scam.fallback"));
        return "🛡 " + rules.strip() + "\n" + texts.get(language, "housing.scam.documents");
    }
}

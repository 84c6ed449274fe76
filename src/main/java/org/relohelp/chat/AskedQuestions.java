package org.relohelp.chat;

import java.util.Optional;

/**
 * The question a person asked last, as the knowledge base answered it, so that "Ask a volunteer" under the answer can
 * pass that very question on instead of asking for it again. The knowledge base tells; the handoff keeps it (only the
 * last one per person, only until a ticket is made of it or {@code relohelp.handoff.question-kept} passes, and never
 * after {@code /forget}).
 */
public interface AskedQuestions {

    /**
     * The knowledge base answered a question: {@code messageId} is the person's message, {@code language} the one
     * the answer was written in, {@code country} the country the question is about when it is known (named in it, or
     * the profile's).
     */
    void answered(long userId, int messageId, String question, Language language, Optional<Country> country);

    /**
     * The person pressed a country under "which country?" ({@code messageId}: that message), for the question they
     * asked before it.
     */
    void countryChosen(long userId, int messageId, Country country);
}

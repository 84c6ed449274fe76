package org.relohelp.chat;

import java.util.Optional;

/**
 * The topic of an article, or of a question plain enough to tell it ("где получить ИИН" — the tax-ID topic), as the
 * knowledge base knows them: a ticket is announced with its topic even when the person did not come from an answer.
 */
public interface TopicGuess {

    Optional<String> ofArticle(String articleId);

    Optional<String> ofQuestion(String question, Optional<Country> country);
}

package org.relohelp.chat;

import java.util.List;
import java.util.Optional;

/**
 * The knowledge base as volunteers use it from inside a ticket ({@code /kb}), implemented by the knowledge feature:
 * the articles or sections a few words match, one shown exactly as the bot answers with it, and whether the bot's
 * own answer to a question would have found it. A {@code reference} is {@code <article id>:<section id>} (the
 * section empty for a whole article): short enough for button data.
 */
public interface KnowledgeLookup {

    /** A match: its reference and its title ("Article — Section"), in the words' language. */
    record Match(String reference, String articleId, String title) {
    }

    /** What the bot's own answer to a question did with an article: answered with it, offered it, or missed it. */
    enum Found { ANSWERED, OFFERED, MISSED }

    /** The best matches for a few words, best first (at most {@code limit}); none when nothing matched. */
    List<Match> find(String words, Optional<Country> country, int limit);

    /**
     * The article or section as the bot's answer looks to the reader (title, text, sources, dates, and its buttons,
     * 👍/👎 counted for the reader), with an optional line above it ({@code noticeHtml}: HTML, escaped by the caller).
     */
    Optional<Reply> answer(String reference, long readerId, Language language, String noticeHtml);

    /** The article's title in the language (or the other one). */
    Optional<String> title(String articleId, Language language);

    /** What the bot's own answer to this question would have done with the article. */
    Found found(String question, Optional<Country> country, String articleId);
}

package org.relohelp.handoff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.relohelp.chat.AskedQuestions;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last question each person asked the bot, kept a short while ({@code relohelp.handoff.question-kept}) so that
 * /human, or "Ask a volunteer" under its answer, can offer to send it as the ticket's description: a stressed person who has
 * just written their question should not be asked to write it again. One row per person (a new question replaces the
 * old one); deleted as soon as a ticket is made, when the time has passed ({@link HandoffForgetting}) and on
 * {@code /forget}. The text is never logged, and goes nowhere but into the ticket the person asks for.
 */
@Repository
class HeldQuestions implements AskedQuestions {

    /** As long as a ticket's description may be. */
    static final int MAX_LENGTH = RefugeeDesk.MAX_DESCRIPTION;

    record Held(int messageId, String question, Language language, Country country) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HandoffProperties properties;

    HeldQuestions(JdbcClient jdbc, Clock clock, HandoffProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void answered(long userId, int messageId, String question, Language language, Optional<Country> country) {
        if (question == null || question.isBlank()) {
            return;
        }
        String text = question.length() > MAX_LENGTH ? question.substring(0, MAX_LENGTH) : question;
        // standard MERGE: H2 and PostgreSQL (15+) both run it
        jdbc.sql("merge into held_question h using (select 1 as one) s on h.user_id = :user "
                        + "when matched then update set message_id = :message, question = :question, "
                        + "language = :language, country = :country, created_at = :now "
                        + "when not matched then insert (user_id, message_id, question, language, country, created_at) "
                        + "values (:user, :message, :question, :language, :country, :now)")
                .param("user", userId).param("message", messageId).param("question", text)
                .param("language", language.code()).param("country", country.map(Country::name).orElse(null))
                .param("now", now()).update();
    }

    @Override
    public void countryChosen(long userId, int messageId, Country country) {
        jdbc.sql("update held_question set country = ? where user_id = ? and message_id < ? and created_at >= ?")
                .params(country.name(), userId, messageId, keptSince()).update();
    }

    /**
     * The person's question that a message of the bot ({@code messageId}, the message under which a button was
     * pressed) came after: the last one they asked, while it is kept.
     */
    Optional<Held> before(long userId, int messageId) {
        return jdbc.sql("select message_id, question, language, country from held_question "
                        + "where user_id = ? and message_id < ? and created_at >= ?")
                .params(userId, messageId, keptSince()).query(HeldQuestions::held).optional();
    }

    /** The question the person's message {@code messageId} asked, while it is kept. */
    Optional<Held> find(long userId, int messageId) {
        return jdbc.sql("select message_id, question, language, country from held_question "
                        + "where user_id = ? and message_id = ? and created_at >= ?")
                .params(userId, messageId, keptSince()).query(HeldQuestions::held).optional();
    }

    /** A ticket was made: the question is in it now, or the person wrote another. */
    void drop(long userId) {
        jdbc.sql("delete from held_question where user_id = ?").param(userId).update();
    }

    /** Every question kept longer than {@code relohelp.handoff.question-kept}. */
    int expire() {
        return jdbc.sql("delete from held_question where created_at < ?").param(keptSince()).update();
    }

    private LocalDateTime keptSince() {
        return now().minus(properties.questionKept());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static Held held(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new Held(row.getInt("message_id"), row.getString("question"),
                Language.fromCode(row.getString("language")), Country.fromCode(row.getString("country")).orElse(null));
    }
}

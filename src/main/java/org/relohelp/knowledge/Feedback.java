package org.relohelp.knowledge;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The questions nobody could answer, kept for curators without who asked (votes: {@link Votes}). */
@Repository
class Feedback {

    private final JdbcClient jdbc;
    private final Clock clock;

    Feedback(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void unanswered(String question, String countryCode, String languageCode) {
        String kept = question.length() > 2000 ? question.substring(0, 2000) : question;
        jdbc.sql("insert into unanswered_question (question, country, language, asked_at) values (?, ?, ?, ?)")
                .params(kept, countryCode, languageCode, LocalDateTime.now(clock)).update();
    }
}

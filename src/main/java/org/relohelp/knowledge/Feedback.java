package org.relohelp.knowledge;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 👍/👎 per article, stored without who voted; and the questions nobody could answer, without who asked. */
@Repository
class Feedback {

    private final JdbcClient jdbc;
    private final Clock clock;

    Feedback(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void vote(String articleId, boolean helpful) {
        jdbc.sql("insert into article_feedback (article_id, helpful, created_at) values (?, ?, ?)")
                .params(articleId, helpful, LocalDateTime.now(clock)).update();
    }

    void unanswered(String question, String countryCode, String languageCode) {
        String kept = question.length() > 2000 ? question.substring(0, 2000) : question;
        jdbc.sql("insert into unanswered_question (question, country, language, asked_at) values (?, ?, ?, ?)")
                .params(kept, countryCode, languageCode, LocalDateTime.now(clock)).update();
    }
}

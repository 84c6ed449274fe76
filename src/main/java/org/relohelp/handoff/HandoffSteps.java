package org.relohelp.handoff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the bot waits for from a refugee next, kept in the database so a restart forgets nothing. */
@Repository
class HandoffSteps {

    enum Step { DESCRIBE, COMMENT, REOPEN }

    record Waiting(long userId, Step step, Long ticket, Country country, String topic, Language language,
                   LocalDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    HandoffSteps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Waiting> of(long userId) {
        return jdbc.sql("select user_id, step, ticket_id, country, topic, language, created_at from handoff_step "
                        + "where user_id = ?").param(userId)
                .query((rs, n) -> new Waiting(rs.getLong(1), Step.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class), Country.fromCode(rs.getString(4)).orElse(null), rs.getString(5),
                        Language.fromCode(rs.getString(6)), rs.getObject(7, LocalDateTime.class)))
                .optional();
    }

    void expect(long userId, Step step, Long ticket, Country country, String topic, Language language) {
        // standard MERGE: H2 and PostgreSQL (15+) both run it; H2's "merge ... key" is H2's alone
        jdbc.sql("merge into handoff_step h using (select 1 as one) s on h.user_id = :user "
                        + "when matched then update set step = :step, ticket_id = :ticket, country = :country, "
                        + "topic = :topic, language = :language, created_at = :now "
                        + "when not matched then insert (user_id, step, ticket_id, country, topic, language, created_at) "
                        + "values (:user, :step, :ticket, :country, :topic, :language, :now)")
                .param("user", userId).param("step", step.name()).param("ticket", ticket)
                .param("country", country == null ? null : country.name()).param("topic", topic)
                .param("language", language.code()).param("now", LocalDateTime.now(clock)).update();
    }

    void done(long userId) {
        jdbc.sql("delete from handoff_step where user_id = ?").param(userId).update();
    }
}

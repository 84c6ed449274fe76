package org.relohelp.knowledge;

import org.relohelp.users.RetentionDue;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Questions kept for curators (without askers) and answer counts are deleted after the retention period. */
@Component
class KnowledgeRetention {

    private final JdbcClient jdbc;

    KnowledgeRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void purge(RetentionDue event) {
        jdbc.sql("delete from unanswered_question where asked_at < ?").param(event.cutoff()).update();
        jdbc.sql("delete from knowledge_answer_count where answered_on < ?").param(event.cutoff().toLocalDate()).update();
    }
}

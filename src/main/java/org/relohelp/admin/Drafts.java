package org.relohelp.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Drafts and the admins' pending edits in the database. Approving and rejecting both end in one conditional
 * delete, so of two presses on the same draft exactly one does anything.
 */
@Repository
class Drafts {

    private static final String COLUMNS = "id, language, country, topic, title, body";

    private final JdbcClient jdbc;
    private final Clock clock;

    Drafts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long add(Language language, Country country, String topic, String title, String body, String answerHash) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into draft (language, country, topic, title, body, answer_hash, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(language.code(), country == null ? null : country.name(), topic, title, body, answerHash,
                        now()).update(key, "id");
        return key.getKey().longValue();
    }

    /** The pending draft made from the same answer, if there is one. */
    Optional<Long> withAnswer(String answerHash) {
        return jdbc.sql("select id from draft where answer_hash = ? order by id").param(answerHash)
                .query(Long.class).list().stream().findFirst();
    }

    Optional<Draft> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from draft where id = ?").param(id).query(this::draft).optional();
    }

    /** The oldest pending draft after {@code afterId} (0 for the first). */
    Optional<Draft> next(long afterId) {
        return jdbc.sql("select " + COLUMNS + " from draft where id > ? order by id").param(afterId)
                .query(this::draft).list().stream().findFirst();
    }

    int count() {
        return jdbc.sql("select count(*) from draft").query(Integer.class).single();
    }

    boolean replace(long id, String title, String body, String topic, Language language) {
        return jdbc.sql("update draft set title = ?, body = ?, topic = ?, language = ? where id = ?")
                .params(title, body, topic, language.code(), id).update() == 1;
    }

    /**
     * True for the one caller that removed the draft. An edit of it by another admin stays, so that their next
     * message is told the draft is gone instead of being taken for a question (or relayed to a refugee).
     */
    boolean remove(long id) {
        return jdbc.sql("delete from draft where id = ?").param(id).update() == 1;
    }

    void startEdit(long adminId, long draftId) {
        // delete, then insert: portable, and no duplicate-key error to catch inside the transaction
        endEdit(adminId);
        jdbc.sql("insert into draft_edit (admin_id, draft_id, created_at) values (?, ?, ?)")
                .params(adminId, draftId, now()).update();
    }

    Optional<Long> editing(long adminId) {
        return jdbc.sql("select draft_id from draft_edit where admin_id = ?").param(adminId).query(Long.class)
                .optional();
    }

    void endEdit(long adminId) {
        jdbc.sql("delete from draft_edit where admin_id = ?").param(adminId).update();
    }

    /** Retention: drafts hold a refugee's words, so one nobody reviewed in time goes. */
    void purge(LocalDateTime cutoff) {
        jdbc.sql("delete from draft_edit where created_at < ? or draft_id in (select id from draft where created_at < ?)")
                .params(cutoff, cutoff).update();
        jdbc.sql("delete from draft where created_at < ?").param(cutoff).update();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private Draft draft(ResultSet rs, int row) throws SQLException {
        return new Draft(rs.getLong("id"), Language.fromCode(rs.getString("language")),
                Country.fromCode(rs.getString("country")).orElse(null), rs.getString("topic"), rs.getString("title"),
                rs.getString("body"));
    }
}

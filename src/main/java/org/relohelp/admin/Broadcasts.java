package org.relohelp.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.relohelp.chat.Country;
import org.relohelp.chat.Language;
import org.relohelp.chat.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Broadcasts and their recipients in the database. Every change of state is one conditional update, so a second
 * press of "Send" finds the broadcast no longer a draft. A recipient is PENDING, then QUEUED (their message is in the
 * outbox), then SENT, BLOCKED, FAILED or SKIPPED (muted or blocked meanwhile): after a restart, PENDING ones are
 * queued and the rest never again.
 */
@Repository
class Broadcasts {

    enum State { DRAFT, SENDING, DONE, CANCELLED, EXPIRED }

    /** progress_message while the admin's progress message is queued and its id not known yet. */
    static final int PROGRESS_QUEUED = 0;

    record Broadcast(long id, long adminId, Country country, Language language, String body, State state,
                     Integer progressMessage, LocalDateTime createdAt) {

        boolean hasProgressMessage() {
            return progressMessage != null && progressMessage != PROGRESS_QUEUED;
        }
    }

    record Recipient(long userId, Language language) {
    }

    /** Recipients by outcome; {@code total} includes those still pending. */
    record Counts(int total, int sent, int blocked, int failed, int skipped) {

        int done() {
            return sent + blocked + failed + skipped;
        }
    }

    private static final String COLUMNS = "id, admin_id, country, language, body, state, progress_message, created_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Broadcasts(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long createDraft(long adminId, Country country, Language language, String body, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into broadcast (admin_id, country, language, body, state, sent, blocked, failed, skipped, "
                        + "created_at) values (?, ?, ?, ?, 'DRAFT', 0, 0, 0, 0, ?)")
                .params(adminId, country == null ? null : country.name(), language == null ? null : language.code(),
                        body, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Broadcast> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from broadcast where id = ?").param(id).query(this::broadcast)
                .optional();
    }

    /**
     * The admin's draft, made since {@code notBefore}, becomes SENDING with these recipients, all or nothing.
     * False when it is not such a draft any more (sent, cancelled, expired, someone else's).
     */
    @Transactional
    public boolean start(long id, long adminId, LocalDateTime notBefore, List<Profile> audience) {
        int started = jdbc.sql("update broadcast set state = 'SENDING' where id = ? and admin_id = ? "
                + "and state = 'DRAFT' and created_at >= ?").params(id, adminId, notBefore).update();
        if (started == 0) {
            return false;
        }
        batch.batchUpdate("insert into broadcast_recipient (broadcast_id, user_id, language, state) "
                        + "values (?, ?, ?, 'PENDING')",
                audience.stream().map(p -> new Object[] {id, p.userId(), p.language().code()}).toList());
        return true;
    }

    boolean cancel(long id, long adminId) {
        return jdbc.sql("update broadcast set state = 'CANCELLED', body = null where id = ? and admin_id = ? "
                + "and state = 'DRAFT'").params(id, adminId).update() == 1;
    }

    /** Drafts nobody confirmed in time lose their text. */
    void expireDrafts(LocalDateTime madeBefore) {
        jdbc.sql("update broadcast set state = 'EXPIRED', body = null where state = 'DRAFT' and created_at < ?")
                .param(madeBefore).update();
    }

    List<Broadcast> sending() {
        return jdbc.sql("select " + COLUMNS + " from broadcast where state = 'SENDING' order by id")
                .query(this::broadcast).list();
    }

    /** Recipients whose message is in the outbox, not delivered yet. */
    int queuedCount(long id) {
        return jdbc.sql("select count(*) from broadcast_recipient where broadcast_id = ? and state = 'QUEUED'")
                .param(id).query(Integer.class).single();
    }

    void progressMessage(long id, int messageId) {
        jdbc.sql("update broadcast set progress_message = ? where id = ?").params(messageId, id).update();
    }

    List<Recipient> pending(long id, int limit) {
        return jdbc.sql("select user_id, language from broadcast_recipient where broadcast_id = ? and state = 'PENDING' "
                        + "order by user_id fetch first " + limit + " rows only").param(id)
                .query((rs, n) -> new Recipient(rs.getLong(1), Language.fromCode(rs.getString(2)))).list();
    }

    void mark(long id, long userId, String state) {
        jdbc.sql("update broadcast_recipient set state = ? where broadcast_id = ? and user_id = ?")
                .params(state, id, userId).update();
    }

    /**
     * At start-up: recipients an earlier version of the bot (before the outbox) left SENDING count as sent. The
     * request may have reached Telegram and Telegram cannot be asked, so sending again would risk a duplicate.
     */
    int settleInTheAir() {
        return jdbc.sql("update broadcast_recipient set state = 'SENT' where state = 'SENDING'").update();
    }

    Counts counts(long id) {
        return jdbc.sql("select count(*), "
                        + "coalesce(sum(case when state = 'SENT' then 1 else 0 end), 0), "
                        + "coalesce(sum(case when state = 'BLOCKED' then 1 else 0 end), 0), "
                        + "coalesce(sum(case when state = 'FAILED' then 1 else 0 end), 0), "
                        + "coalesce(sum(case when state = 'SKIPPED' then 1 else 0 end), 0) "
                        + "from broadcast_recipient where broadcast_id = ?").param(id)
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .single();
    }

    /** Done: the counts stay, the text and the list of recipients go. */
    @Transactional
    public Optional<Counts> finish(long id, LocalDateTime now) {
        Counts counts = counts(id);
        int finished = jdbc.sql("update broadcast set state = 'DONE', body = null, sent = ?, blocked = ?, failed = ?, "
                        + "skipped = ?, finished_at = ? where id = ? and state = 'SENDING'")
                .params(counts.sent(), counts.blocked(), counts.failed(), counts.skipped(), now, id).update();
        jdbc.sql("delete from broadcast_recipient where broadcast_id = ?").param(id).update();
        return finished == 1 ? Optional.of(counts) : Optional.empty();
    }

    /** Part of forgetting a user: their place in any recipient list, and the broadcasts they made as an admin. */
    void forget(long userId) {
        jdbc.sql("delete from broadcast_recipient where user_id = ? or broadcast_id in "
                + "(select id from broadcast where admin_id = ?)").params(userId, userId).update();
        jdbc.sql("delete from broadcast where admin_id = ?").param(userId).update();
    }

    void purge(LocalDateTime cutoff) {
        jdbc.sql("delete from broadcast where state in ('DONE', 'CANCELLED', 'EXPIRED') and created_at < ?")
                .param(cutoff).update();
    }

    private Broadcast broadcast(ResultSet rs, int row) throws SQLException {
        int progress = rs.getInt(7);
        Integer progressMessage = rs.wasNull() ? null : progress;
        String language = rs.getString(4);
        return new Broadcast(rs.getLong(1), rs.getLong(2), Country.fromCode(rs.getString(3)).orElse(null),
                language == null ? null : Language.fromCode(language), rs.getString(5), State.valueOf(rs.getString(6)),
                progressMessage, rs.getObject(8, LocalDateTime.class));
    }
}

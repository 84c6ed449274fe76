package org.relohelp.handoff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Articles volunteers looked at for a ticket with {@code /kb} (a preview in their chat or the ticket's topic) and
 * sent to its guest: ids and times only, never words. Sending is one conditional update, so a preview goes once.
 */
@Repository
class ArticleOffers {

    /** A preview: the article (and section, or null) shown for a ticket in a chat and topic; its message once known. */
    record Offer(long id, long ticket, Long volunteerId, String articleId, String sectionId, long chatId, int threadId,
                 Integer messageId, LocalDateTime sentAt) {

        String reference() {
            return articleId + ":" + (sectionId == null ? "" : sectionId);
        }
    }

    private static final String COLUMNS = "id, ticket_id, volunteer_id, article_id, section_id, chat_id, thread_id, "
            + "message_id, sent_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    ArticleOffers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long add(long ticket, long volunteerId, String articleId, String sectionId, long chatId, int threadId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into ticket_article (ticket_id, volunteer_id, article_id, section_id, chat_id, thread_id, "
                        + "created_at, with_line) values (?, ?, ?, ?, ?, ?, ?, false)")
                .params(ticket, volunteerId, articleId, sectionId, chatId, threadId, LocalDateTime.now(clock))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Offer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ticket_article where id = ?").param(id)
                .query(ArticleOffers::offer).optional();
    }

    /** The preview a message replies to. */
    Optional<Offer> byMessage(long chatId, int messageId) {
        return jdbc.sql("select " + COLUMNS + " from ticket_article where chat_id = ? and message_id = ?")
                .params(chatId, messageId).query(ArticleOffers::offer).optional();
    }

    void delivered(long id, int messageId) {
        jdbc.sql("update ticket_article set message_id = ? where id = ?").params(messageId, id).update();
    }

    /** Marks the preview sent (by this volunteer, with a line or not); false if it was sent already. */
    boolean sent(long id, long volunteerId, boolean withLine, String botFound) {
        return jdbc.sql("update ticket_article set sent_at = ?, volunteer_id = ?, with_line = ?, bot_found = ? "
                        + "where id = ? and sent_at is null")
                .params(LocalDateTime.now(clock), volunteerId, withLine, botFound, id).update() == 1;
    }

    private static Offer offer(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new Offer(row.getLong("id"), row.getLong("ticket_id"), row.getObject("volunteer_id", Long.class),
                row.getString("article_id"), row.getString("section_id"), row.getLong("chat_id"),
                row.getInt("thread_id"), row.getObject("message_id", Integer.class),
                row.getObject("sent_at", LocalDateTime.class));
    }
}

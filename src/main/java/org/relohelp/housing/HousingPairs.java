package org.relohelp.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The messages of host-guest conversations: each row links a message and its copy on the other side (ids only), or
 * marks a bot message that belongs to a request ("note", "request"). Replies and edits are routed by it, so after
 * a restart a reply still reaches the right person.
 */
@Repository
class HousingPairs {

    record Pair(long id, long request, Long senderChat, Integer senderMessage, long receiverChat,
                Integer receiverMessage, String kind, LocalDateTime createdAt) {
    }

    private static final String COLUMNS = "id, request_id, sender_chat, sender_message, receiver_chat, "
            + "receiver_message, kind, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    HousingPairs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A person's message for the other side; its copy's id comes with the delivery receipt. */
    long sent(long request, long senderChat, int senderMessage, long receiverChat, String kind) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into housing_pair (request_id, sender_chat, sender_message, receiver_chat, kind, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(request, senderChat, senderMessage, receiverChat, kind, now()).update(key, "id");
        return key.getKey().longValue();
    }

    /** A message of the bot's that belongs to a request (the request itself, "accepted"): replies to it route. */
    long note(long request, long chat, String kind) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into housing_pair (request_id, receiver_chat, kind, created_at) values (?, ?, ?, ?)")
                .params(request, chat, kind, now()).update(key, "id");
        return key.getKey().longValue();
    }

    void delivered(long pairId, int message) {
        jdbc.sql("update housing_pair set receiver_message = ? where id = ?").params(message, pairId).update();
    }

    Optional<Pair> find(long pairId) {
        return jdbc.sql("select " + COLUMNS + " from housing_pair where id = ?").param(pairId)
                .query(HousingPairs::pair).optional();
    }

    /** The request a message in a chat belongs to: one the bot delivered there, or one written there. */
    Optional<Long> requestOf(long chat, int message) {
        return jdbc.sql("select request_id from housing_pair where (receiver_chat = ? and receiver_message = ?) "
                        + "or (sender_chat = ? and sender_message = ?) order by id desc")
                .params(chat, message, chat, message).query(Long.class).list().stream().findFirst();
    }

    Optional<Pair> bySender(long chat, int message) {
        return jdbc.sql("select " + COLUMNS + " from housing_pair where sender_chat = ? and sender_message = ? "
                + "order by id desc").params(chat, message).query(HousingPairs::pair).list().stream().findFirst();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static Pair pair(ResultSet rs, int row) throws SQLException {
        return new Pair(rs.getLong("id"), rs.getLong("request_id"), rs.getObject("sender_chat", Long.class),
                rs.getObject("sender_message", Integer.class), rs.getLong("receiver_chat"),
                rs.getObject("receiver_message", Integer.class), rs.getString("kind"),
                rs.getObject("created_at", LocalDateTime.class));
    }
}

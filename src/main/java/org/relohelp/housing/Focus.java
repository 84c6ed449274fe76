package org.relohelp.housing;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conversation a person's messages go to when they reply to none: set when a conversation opens, when they
 * reply to one of its messages or choose it in /housing; cleared when it ends or when they choose to ask the bot.
 */
@Repository
class Focus {

    private final JdbcClient jdbc;

    Focus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> of(long userId) {
        return jdbc.sql("select request_id from housing_focus where user_id = ?").param(userId).query(Long.class)
                .optional();
    }

    void set(long userId, long request) {
        jdbc.sql("merge into housing_focus f using (select 1 as one) s on f.user_id = :user "
                        + "when matched then update set request_id = :request "
                        + "when not matched then insert (user_id, request_id) values (:user, :request)")
                .param("user", userId).param("request", request).update();
    }

    void clear(long userId) {
        jdbc.sql("delete from housing_focus where user_id = ?").param(userId).update();
    }

    /** The request ended: nobody's messages go to it any more. */
    void clearRequest(long request) {
        jdbc.sql("delete from housing_focus where request_id = ?").param(request).update();
    }
}

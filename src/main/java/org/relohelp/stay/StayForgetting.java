package org.relohelp.stay;

import org.relohelp.users.KeepsUser;
import org.relohelp.users.RetentionDue;
import org.relohelp.users.UserForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stay feature's share of forgetting and retention: counts in progress and reminders. */
@Component
class StayForgetting implements KeepsUser {

    private final JdbcClient jdbc;

    StayForgetting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean keeps(long userId) {
        return jdbc.sql("select count(*) from reminder where user_id = ? and state = 'PENDING'").param(userId)
                .query(Integer.class).single() > 0;
    }

    @EventListener
    void forget(UserForgotten event) {
        jdbc.sql("delete from stay_session where user_id = ?").param(event.userId()).update();
        jdbc.sql("delete from reminder where user_id = ?").param(event.userId()).update();
    }

    @EventListener
    void purge(RetentionDue event) {
        jdbc.sql("delete from reminder where state in ('SENT', 'CANCELLED') and created_at < ?").param(event.cutoff())
                .update();
        jdbc.sql("delete from stay_session where updated_at < ?").param(event.cutoff()).update();
    }
}

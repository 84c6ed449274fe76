package org.relohelp.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import org.relohelp.users.RetentionDue;
import org.relohelp.users.UserForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Broadcasts' share of forgetting and retention: a forgotten user leaves every recipient list (and an admin's own
 * broadcasts go); drafts nobody confirmed lose their text, and finished broadcasts are deleted after the period.
 */
@Component
class BroadcastForgetting {

    private final Broadcasts broadcasts;
    private final Clock clock;

    BroadcastForgetting(Broadcasts broadcasts, Clock clock) {
        this.broadcasts = broadcasts;
        this.clock = clock;
    }

    @EventListener
    void forget(UserForgotten event) {
        broadcasts.forget(event.userId());
    }

    @EventListener
    void purge(RetentionDue event) {
        broadcasts.expireDrafts(LocalDateTime.now(clock).minus(BroadcastDesk.DRAFT_VALIDITY));
        broadcasts.purge(event.cutoff());
    }
}

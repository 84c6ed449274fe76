package org.relohelp.admin;

import org.relohelp.users.RetentionDue;
import org.relohelp.users.UserForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drafts name nobody; only an admin's pending edit holds a user id. Drafts themselves hold a refugee's words,
 * so one left unreviewed past the retention period is deleted like the ticket it came from.
 */
@Component
class DraftForgetting {

    private final Drafts drafts;

    DraftForgetting(Drafts drafts) {
        this.drafts = drafts;
    }

    @EventListener
    void forget(UserForgotten event) {
        drafts.endEdit(event.userId());
    }

    @EventListener
    void purge(RetentionDue event) {
        drafts.purge(event.cutoff());
    }
}

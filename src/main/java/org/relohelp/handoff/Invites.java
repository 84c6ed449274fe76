package org.relohelp.handoff;

import java.time.Clock;
import org.relohelp.users.InviteCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time invitation codes for volunteers. */
@Repository
class Invites extends InviteCodes {

    Invites(JdbcClient jdbc, Clock clock) {
        super(jdbc, clock, "volunteer_invite");
    }
}

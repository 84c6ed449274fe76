package org.relohelp.housing;

import java.time.Clock;
import org.relohelp.users.InviteCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time invitation codes for hosts. */
@Repository
class HostInvites extends InviteCodes {

    HostInvites(JdbcClient jdbc, Clock clock) {
        super(jdbc, clock, "housing_invite");
    }
}

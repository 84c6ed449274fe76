package org.relohelp.housing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time invitation codes for hosts; redeeming is a single conditional update. */
@Repository
class HostInvites {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    HostInvites(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String create(long adminId, Duration validity) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into housing_invite (code, created_by, expires_at) values (?, ?, ?)")
                .params(code, adminId, LocalDateTime.now(clock).plus(validity)).update();
        return code;
    }

    boolean redeem(String code, long userId) {
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbc.sql("update housing_invite set used_by = ?, used_at = ? where code = ? and used_by is null "
                + "and expires_at > ?").params(userId, now, code, now).update() == 1;
    }
}

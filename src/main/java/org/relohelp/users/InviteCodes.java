package org.relohelp.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One-time invitation codes kept in a table of their own ({@code code, created_by, expires_at, used_by, used_at});
 * redeeming is a single conditional update, so a code is used once even if two people press it at once. Volunteers'
 * and hosts' invitations are the same mechanism on two tables.
 */
public abstract class InviteCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String table;

    /** {@code table} is a constant of the subclass, never anything a person typed. */
    protected InviteCodes(JdbcClient jdbc, Clock clock, String table) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
    }

    public String create(long adminId, Duration validity) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into " + table + " (code, created_by, expires_at) values (?, ?, ?)")
                .params(code, adminId, LocalDateTime.now(clock).plus(validity)).update();
        return code;
    }

    public boolean redeem(String code, long userId) {
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbc.sql("update " + table + " set used_by = ?, used_at = ? where code = ? and used_by is null "
                + "and expires_at > ?").params(userId, now, code, now).update() == 1;
    }
}

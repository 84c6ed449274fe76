package org.relohelp.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared database's clock ({@code current_timestamp}), in UTC. The leader lease is taken, renewed and judged by
 * it, so instances whose own clocks or time zones disagree still agree on when a lease runs out. One query per
 * reading: the lease reads it once per renewal.
 */
final class DatabaseClock extends Clock {

    private final JdbcClient jdbc;

    DatabaseClock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Instant instant() {
        return jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the database clock is read in UTC only");
    }
}

package org.relohelp.housing;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** Housing in numbers for the admins' /stats: counts only, never who. */
@Component
@NamedInterface("stats")
public class HousingStats {

    private final JdbcClient jdbc;

    HousingStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param live      offers people can find now
     * @param requests  requests sent since the start of the period
     * @param accepted  of those, how many a host accepted
     * @param reports   reports of offers made since the start of the period
     */
    @NamedInterface("stats")
    public record Summary(long live, long requests, long accepted, long reports) {
    }

    public Summary since(LocalDateTime start) {
        long live = count("select count(*) from housing_offer where status = 'LIVE'", null);
        long sent = count("select count(*) from housing_request where created_at >= ?", start);
        long accepted = count("select count(*) from housing_request where created_at >= ? "
                + "and status in ('ACCEPTED', 'ENDED')", start);
        long reports = count("select count(*) from housing_report where created_at >= ?", start);
        return new Summary(live, sent, accepted, reports);
    }

    private long count(String sql, LocalDateTime since) {
        var statement = jdbc.sql(sql);
        return (since == null ? statement : statement.param(since)).query(Long.class).single();
    }
}

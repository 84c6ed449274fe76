package org.relohelp.housing;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports of offers: one per person and offer, counted until an admin looks. */
@Repository
class Reports {

    private final JdbcClient jdbc;
    private final Clock clock;

    Reports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** False when this person reported this offer already. */
    boolean add(long offerId, long reporterId) {
        // insert ... where not exists: a duplicate-key error would abort the transaction on PostgreSQL
        return jdbc.sql("insert into housing_report (offer_id, reporter_id, created_at) select ?, ?, ? "
                        + "where not exists (select 1 from housing_report where offer_id = ? and reporter_id = ?)")
                .params(offerId, reporterId, LocalDateTime.now(clock), offerId, reporterId).update() == 1;
    }

    int count(long offerId) {
        return jdbc.sql("select count(*) from housing_report where offer_id = ?").param(offerId).query(Integer.class)
                .single();
    }

    /** An admin looked and restored the offer: it starts again from no reports. */
    void clear(long offerId) {
        jdbc.sql("delete from housing_report where offer_id = ?").param(offerId).update();
    }
}

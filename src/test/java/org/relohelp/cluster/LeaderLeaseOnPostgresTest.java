package org.relohelp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relohelp.PostgresEndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The leader lease on PostgreSQL, where several instances share it (the context itself polls and never uses it). */
class LeaderLeaseOnPostgresTest extends PostgresEndToEndTest {

    @Autowired
    LeaderLease lease;
    @Autowired
    Leadership leadership;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void expired() {
        jdbc.sql("update leader_lease set holder = null, expires_at = timestamp '2000-01-01 00:00:00'").update();
    }

    @Test
    void longPollingAlwaysLeads() {
        assertThat(leadership).isInstanceOf(AlwaysLeader.class);
        assertThat(leadership.isLeader()).isTrue();
    }

    @Test
    void takeRenewExpireSteal() {
        LeaseChecks.takeRenewExpireSteal(lease);
    }

    @Test
    void keepersTakeTurns() {
        LeaseChecks.keepersTakeTurns(lease);
    }

    @Test
    void aLeaderThatCannotRenewStopsBeforeItsLeaseEnds() throws InterruptedException {
        LeaseChecks.aLeaderThatCannotRenewStopsBeforeItsLeaseEnds(lease);
    }
}

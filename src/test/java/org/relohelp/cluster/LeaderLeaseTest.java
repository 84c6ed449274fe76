package org.relohelp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relohelp.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The leader lease on H2; the context itself polls, so it always leads and never touches the lease. */
@ExtendWith(OutputCaptureExtension.class)
class LeaderLeaseTest extends EndToEndTest {

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

    @Autowired
    LeaderHealthIndicator health;

    @Test
    void longPollingAlwaysLeads() {
        assertThat(leadership).isInstanceOf(AlwaysLeader.class);
        assertThat(leadership.isLeader()).isTrue();
        assertThat(health.health().getDetails()).containsEntry("leader", true).doesNotContainKey("instance");
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

    @Test
    void aLateRenewalSaysSoAndLeadsInANewTerm(CapturedOutput output) throws InterruptedException {
        LeaseChecks.aLateRenewalSaysSoAndLeadsInANewTerm(lease, output);
    }
}

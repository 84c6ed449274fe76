package org.relohelp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.system.CapturedOutput;

/** The same checks of the lease on H2 and on PostgreSQL; times far in the future, so real time never interferes. */
final class LeaseChecks {

    private static final Duration LEASE = Duration.ofSeconds(15);

    private LeaseChecks() {
    }

    /** The row itself: take, renew, refused while held, expire, steal, release. */
    static void takeRenewExpireSteal(LeaderLease lease) {
        LocalDateTime t = LocalDateTime.of(2200, 1, 1, 12, 0);
        assertThat(lease.hold("a", t, LEASE)).as("an expired lease is taken").isTrue();
        assertThat(lease.holder(t)).contains("a");
        assertThat(lease.hold("b", t.plusSeconds(1), LEASE)).as("held by a: b is refused").isFalse();
        assertThat(lease.hold("a", t.plusSeconds(10), LEASE)).as("the holder renews").isTrue();
        assertThat(lease.hold("b", t.plusSeconds(20), LEASE)).as("renewed until +25 s: still refused").isFalse();
        assertThat(lease.hold("b", t.plusSeconds(26), LEASE)).as("run out: b steals it").isTrue();
        assertThat(lease.holder(t.plusSeconds(26))).contains("b");
        assertThat(lease.hold("a", t.plusSeconds(27), LEASE)).as("a, back after a pause, is refused").isFalse();
        lease.release("a", t.plusSeconds(28));
        assertThat(lease.holder(t.plusSeconds(28))).as("only the holder can release").contains("b");
        lease.release("b", t.plusSeconds(28));
        assertThat(lease.holder(t.plusSeconds(28))).isEmpty();
        assertThat(lease.hold("a", t.plusSeconds(28), LEASE)).as("released: taken at once").isTrue();
    }

    /** Two keepers on one lease: one leads, the other takes over only after the lease ran out, with a new term. */
    static void keepersTakeTurns(LeaderLease lease) {
        Duration leaseTime = Duration.ofSeconds(2);
        MovableClock clockA = new MovableClock(Instant.parse("2300-01-01T00:00:00Z"));
        MovableClock clockB = new MovableClock(Instant.parse("2300-01-01T00:00:00Z"));
        List<String> gained = new ArrayList<>();
        LeaseKeeper a = new LeaseKeeper(lease, new ClusterProperties("inst-a", leaseTime, Duration.ofMillis(500),
                Duration.ofMillis(100)), clockA, event -> gained.add("a"));
        LeaseKeeper b = new LeaseKeeper(lease, new ClusterProperties("inst-b", leaseTime, Duration.ofMillis(500),
                Duration.ofMillis(100)), clockB, event -> gained.add("b"));

        a.renew();
        b.renew();
        assertThat(a.isLeader()).isTrue();
        assertThat(b.isLeader()).isFalse();
        long firstTerm = a.term();
        a.renew();
        assertThat(a.term()).as("a renewal is no new term").isEqualTo(firstTerm);
        assertThat(gained).containsExactly("a");

        clockB.advance(Duration.ofSeconds(3)); // a stopped renewing; its lease ran out
        b.renew();
        assertThat(b.isLeader()).isTrue();
        clockA.advance(Duration.ofSeconds(3));
        a.renew();
        assertThat(a.isLeader()).as("a renewal that fails ends the leadership at once").isFalse();
        assertThat(gained).containsExactly("a", "b");

        clockA.advance(Duration.ofSeconds(3));
        clockB.advance(Duration.ofSeconds(3));
        a.renew();
        assertThat(a.isLeader()).isTrue();
        assertThat(a.term()).as("leading again is a new term").isGreaterThan(firstTerm);
    }

    /** A leader whose renewals stop (stuck, or the database away) stops leading by itself, before the lease ends. */
    static void aLeaderThatCannotRenewStopsBeforeItsLeaseEnds(LeaderLease lease) throws InterruptedException {
        MovableClock clock = new MovableClock(Instant.parse("2400-01-01T00:00:00Z"));
        LeaseKeeper keeper = new LeaseKeeper(lease, new ClusterProperties("inst-c", Duration.ofMillis(1000),
                Duration.ofMillis(400), Duration.ofMillis(100)), clock, event -> { });
        keeper.renew();
        assertThat(keeper.isLeader()).isTrue();
        Thread.sleep(700); // lease 1 s - renew-every 0.4 s = leads for 0.6 s after the renewal began
        assertThat(keeper.isLeader()).isFalse();
        assertThat(lease.holder(LocalDateTime.now(clock))).as("while its lease still runs in the database")
                .contains("inst-c");
    }

    /** A renewal that comes after the leader's time ran out (a busy machine): it says so, and leads in a new term. */
    static void aLateRenewalSaysSoAndLeadsInANewTerm(LeaderLease lease, CapturedOutput output)
            throws InterruptedException {
        MovableClock clock = new MovableClock(Instant.parse("2500-01-01T00:00:00Z"));
        List<String> gained = new ArrayList<>();
        LeaseKeeper keeper = new LeaseKeeper(lease, new ClusterProperties("inst-d", Duration.ofMillis(1000),
                Duration.ofMillis(400), Duration.ofMillis(100)), clock, event -> gained.add("d"));
        keeper.renew();
        long firstTerm = keeper.term();
        Thread.sleep(700);
        assertThat(keeper.isLeader()).isFalse();
        keeper.renew();
        assertThat(keeper.isLeader()).isTrue();
        assertThat(keeper.term()).isEqualTo(firstTerm + 1);
        assertThat(gained).hasSize(2);
        assertThat(output.getAll()).containsOnlyOnce("Instance inst-d is now the leader")
                .contains("Instance inst-d renewed its lease").contains("leads again");
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

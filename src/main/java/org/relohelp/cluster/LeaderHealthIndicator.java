package org.relohelp.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "leader" in the health, and the {@code relohelp.leader} gauge (1 on the leader, 0 elsewhere: across instances
 * the sum should be 1, except for up to a lease's time after the leader died). Always UP: an instance that does
 * not lead is doing its job, storing updates.
 */
@Component
class LeaderHealthIndicator implements HealthIndicator {

    private final Leadership leadership;

    LeaderHealthIndicator(Leadership leadership, MeterRegistry meters) {
        this.leadership = leadership;
        Gauge.builder("relohelp.leader", leadership, l -> l.isLeader() ? 1 : 0)
                .description("1 while this instance handles the updates and runs the scheduled jobs").register(meters);
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("leader", leadership.isLeader());
        if (leadership instanceof LeaseKeeper lease) {
            health.withDetail("instance", lease.instanceId());
        }
        return health.build();
    }
}

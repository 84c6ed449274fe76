package org.relohelp.telegram;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "queue" in the health and the {@code relohelp.queue.depth} gauges: updates stored in the inbox and not yet
 * handled (waiting for or on their lane), and messages in the outbox not delivered yet. Both are counted in memory,
 * so a scrape costs no database query. Always UP: a backlog is a number to alert on with a threshold that fits the
 * deployment, not a reason to restart the bot.
 */
@Component
class QueueHealthIndicator implements HealthIndicator {

    private final UpdateIntake intake;
    private final OutboxDispatcher outbox;

    QueueHealthIndicator(UpdateIntake intake, OutboxDispatcher outbox, MeterRegistry meters) {
        this.intake = intake;
        this.outbox = outbox;
        Gauge.builder("relohelp.queue.depth", intake, UpdateIntake::waiting).tag("queue", "updates")
                .description("Updates received and stored but not handled yet").register(meters);
    }

    @Override
    public Health health() {
        return Health.up().withDetail("updatesWaiting", intake.waiting())
                .withDetail("sendsWaiting", outbox.waiting()).build();
    }
}

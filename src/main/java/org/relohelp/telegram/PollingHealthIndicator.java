package org.relohelp.telegram;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.relohelp.ops.ManagementProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "polling" in the health: whether the long-polling loop got an answer from the Bot API recently. It watches the
 * polling client's HTTP answers, because telegrambots retries a failed getUpdates silently and reports nothing.
 * A healthy long poll is answered at least once per {@code poll-timeout}; no answer for that plus
 * {@code polling-grace} means Telegram is unreachable, the token is refused, or another instance took the updates.
 * Until the first answer (and within that time) the status is UNKNOWN, which does not pull the total down.
 * In webhook mode there is no loop to watch: UP once Telegram accepted the webhook.
 */
@Component
class PollingHealthIndicator implements HealthIndicator, Interceptor {

    private final long startedAt = System.nanoTime();
    private final Duration staleAfter;
    private volatile long lastAnswer;
    private volatile boolean answered;
    private volatile boolean webhook;

    PollingHealthIndicator(TelegramProperties telegram, ManagementProperties management, MeterRegistry meters) {
        this.staleAfter = telegram.pollTimeout().plus(management.pollingGrace());
        Gauge.builder("relohelp.polling.answer.age", this, PollingHealthIndicator::secondsSinceAnswer)
                .baseUnit("seconds").description("Time since the Bot API last answered the polling loop")
                .register(meters);
    }

    /** On the polling client: every successful answer (getUpdates, deleteWebhook) counts as a sign of life. */
    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful()) {
            lastAnswer = System.nanoTime();
            answered = true;
        }
        return response;
    }

    /** Webhook mode: Telegram accepted setWebhook, so it is reachable and knows where to send updates. */
    void webhookSet() {
        webhook = true;
    }

    @Override
    public Health health() {
        if (webhook) {
            return Health.up().withDetail("mode", "webhook").build();
        }
        long staleAfterSeconds = staleAfter.toSeconds();
        if (!answered) {
            Duration sinceStart = Duration.ofNanos(System.nanoTime() - startedAt);
            Health.Builder builder = sinceStart.compareTo(staleAfter) < 0 ? Health.unknown() : Health.down();
            return builder.withDetail("lastAnswer", "none yet").withDetail("staleAfterSeconds", staleAfterSeconds)
                    .build();
        }
        Duration since = Duration.ofNanos(System.nanoTime() - lastAnswer);
        Health.Builder builder = since.compareTo(staleAfter) <= 0 ? Health.up() : Health.down();
        return builder.withDetail("lastAnswerSecondsAgo", since.toSeconds())
                .withDetail("staleAfterSeconds", staleAfterSeconds).build();
    }

    private double secondsSinceAnswer() {
        return answered ? (System.nanoTime() - lastAnswer) / 1e9 : Double.NaN;
    }
}

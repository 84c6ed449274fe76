package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Telegram's limits with a fake clock: waits are computed, not slept. */
class SendLimitsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SendLimits limits = new SendLimits(new TelegramProperties.Limits(30, 3, 20), new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }, nanos::addAndGet);

    private Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    @Test
    void aPrivateChatGetsAShortBurstThenOneMessageASecond() {
        for (int i = 0; i < 10; i++) {
            limits.acquire(5_000_000_001L);
        }
        assertThat(elapsed()).isBetween(Duration.ofMillis(6_900), Duration.ofMillis(7_100));
    }

    @Test
    void allChatsTogetherGetABurstOfThirtyThenJustUnderThirtyASecond() {
        for (int chat = 0; chat < 90; chat++) {
            limits.acquire(5_000_000_000L + chat);
        }
        // 30 at once, then 60 at 30 per 1.05 s (5% under Telegram's rate, for network jitter)
        assertThat(elapsed()).isBetween(Duration.ofMillis(2_050), Duration.ofMillis(2_150));
    }

    @Test
    void aGroupGetsTwentyMessagesAMinute() {
        for (int i = 0; i < 25; i++) {
            limits.acquire(-1_000_000_000_001L);
        }
        assertThat(elapsed()).isBetween(Duration.ofSeconds(14), Duration.ofSeconds(16));
    }

    @Test
    void aBurstAtASecondsBoundaryCannotOverrunTheLimit() {
        nanos.set(999_000_000L);
        for (int chat = 0; chat < 60; chat++) {
            limits.acquire(6_000_000_000L + chat);
        }
        // a fixed one-second window would let 60 through in 2 ms; the bucket needs a whole second more
        assertThat(elapsed().minusNanos(999_000_000L)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }
}

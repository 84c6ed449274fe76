package org.relohelp.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broadcast pacing with a fake clock: evenly spaced, and no burst after a pause. */
class PacerTest {

    private long now = 1_000_000_000L;
    private final List<Long> sentAt = new ArrayList<>();
    private final Pacer pacer = new Pacer(20, () -> now, nanos -> now += nanos);

    @Test
    void messagesAreSpacedAtTheRate() {
        for (int i = 0; i < 41; i++) {
            send();
        }
        assertThat(sentAt.get(40) - sentAt.get(0)).isEqualTo(2_000_000_000L);
        for (int i = 1; i < sentAt.size(); i++) {
            assertThat(sentAt.get(i) - sentAt.get(i - 1)).isEqualTo(50_000_000L);
        }
    }

    @Test
    void anIdlePauseIsNotSavedUpAsABurst() {
        send();
        now += 10_000_000_000L; // ten seconds without a broadcast
        send();
        send();
        send();
        assertThat(sentAt.get(2) - sentAt.get(1)).isEqualTo(50_000_000L);
        assertThat(sentAt.get(3) - sentAt.get(2)).isEqualTo(50_000_000L);
    }

    @Test
    void slowSendsAreNotDelayedFurther() {
        send();
        now += 200_000_000L; // the send itself took longer than a slot
        long before = now;
        send();
        assertThat(sentAt.get(1)).isEqualTo(before);
    }

    @Test
    void anInterruptedWaitSaysSo() {
        Pacer interrupted = new Pacer(1, () -> now, nanos -> {
            throw new InterruptedException();
        });
        assertThat(interrupted.await()).isTrue();
        assertThat(interrupted.await()).isFalse();
        assertThat(Thread.interrupted()).isTrue();
    }

    private void send() {
        assertThat(pacer.await()).isTrue();
        sentAt.add(now);
    }
}

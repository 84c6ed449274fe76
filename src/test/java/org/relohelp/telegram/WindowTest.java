package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The strict sliding window: requests count from their start until their answer plus the span. */
class WindowTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void thirtyInASecondThenTheNextWhenTheOldestAnswerIsASecondOld() {
        Window window = new Window(30, SECOND);
        for (int i = 0; i < 30; i++) {
            assertThat(window.allows(0)).isTrue();
            window.started();
            window.answered(10 + i); // answered 10 ns after the first started, one by one
        }
        assertThat(window.allows(5)).isFalse();
        assertThat(window.next(5)).isEqualTo(10 + SECOND);
        assertThat(window.allows(10 + SECOND)).isTrue();
    }

    @Test
    void aRequestInFlightCountsUntilItsAnswerWhateverTheNetworkDoes() {
        Window window = new Window(1, SECOND);
        window.started();
        assertThat(window.next(3 * SECOND)).as("no answer yet: it may not have arrived").isEqualTo(Long.MAX_VALUE);
        window.answered(3 * SECOND); // a slow network: it may have arrived just now
        assertThat(window.allows(3 * SECOND + SECOND - 1)).isFalse();
        assertThat(window.allows(4 * SECOND)).isTrue();
    }

    @Test
    void answersOutOfOrderKeepTheOldestInFront() {
        Window window = new Window(2, SECOND);
        window.started();
        window.started();
        window.answered(500);
        window.answered(100);
        assertThat(window.next(600)).isEqualTo(100 + SECOND);
        window.started();
        window.answered(700);
        assertThat(window.next(800)).as("the two latest answers count").isEqualTo(500 + SECOND);
    }

    @Test
    void anOldAnswerLeavesTheWindow() {
        Window window = new Window(2, SECOND);
        window.started();
        window.answered(0);
        assertThat(window.idle(SECOND - 1)).isFalse();
        assertThat(window.idle(SECOND)).isTrue();
    }
}

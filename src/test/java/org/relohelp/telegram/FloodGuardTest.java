package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-person limit over a sliding minute, and a memory that forgets the people who went quiet. */
class FloodGuardTest {

    private static final long SECOND = 1_000_000_000L;

    private final FloodGuard guard = new FloodGuard(TestOutbox.PROPERTIES);
    private final long start = System.nanoTime();

    @Test
    void twentyAMinuteThenOneWarningThenSilenceUntilTheMinuteHasPassed() {
        for (int i = 0; i < 20; i++) {
            assertThat(guard.check(1, start + i * SECOND)).isEqualTo(FloodGuard.Verdict.PASS);
        }
        assertThat(guard.check(1, start + 20 * SECOND)).isEqualTo(FloodGuard.Verdict.WARN);
        assertThat(guard.check(1, start + 21 * SECOND)).isEqualTo(FloodGuard.Verdict.DROP);
        assertThat(guard.check(2, start + 21 * SECOND)).as("someone else").isEqualTo(FloodGuard.Verdict.PASS);
        assertThat(guard.check(1, start + 85 * SECOND)).as("the first 20 are over a minute old")
                .isEqualTo(FloodGuard.Verdict.PASS);
    }

    @Test
    void peopleQuietForAMinuteAreForgotten() {
        for (long user = 1; user <= 10_000; user++) {
            guard.check(user, start + SECOND);
        }
        assertThat(guard.remembered()).isEqualTo(10_000);
        guard.check(1, start + 61 * SECOND);
        guard.check(10_001, start + 125 * SECOND);
        assertThat(guard.remembered()).as("only who wrote in the last minute").isEqualTo(1);
    }
}

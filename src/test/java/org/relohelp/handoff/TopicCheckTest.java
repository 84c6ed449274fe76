package org.relohelp.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relohelp.chat.GroupRights;

/** The start-up check of topic mode: it never holds up the start, and it says plainly what is missing. */
class TopicCheckTest {

    private static final long GROUP = -1_009_000_000_001L;

    @Test
    void aTelegramThatCannotBeReachedDelaysOnlyTheCheckNeverTheStart() throws InterruptedException {
        CountDownLatch asked = new CountDownLatch(2);
        GroupRights unreachable = chatId -> {
            asked.countDown();
            try {
                Thread.sleep(300); // a slow, failing call
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        };
        TopicCheck check = new TopicCheck(unreachable, properties(true));
        long start = System.nanoTime();
        check.atStart();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
        assertThat(asked.await(10, TimeUnit.SECONDS)).as("asked again after the first try failed").isTrue();
        assertThat(check.verdict()).isEmpty();
        check.stop();
    }

    @Test
    void withTopicModeOffNothingIsAsked() {
        TopicCheck check = new TopicCheck(chatId -> {
            throw new AssertionError("asked");
        }, properties(false));
        check.atStart();
        assertThat(check.verdict()).isEmpty();
    }

    @Test
    void whatIsMissingIsSaidPlainly() {
        assertThat(TopicCheck.missing(new GroupRights.Standing(true, true, true, true))).isEmpty();
        assertThat(TopicCheck.missing(new GroupRights.Standing(false, false, false, false)))
                .containsExactly("the bot is not a member (add it to the group)");
        assertThat(TopicCheck.missing(new GroupRights.Standing(true, false, false, false))).containsExactly(
                "topics are off (turn on Topics in the group's settings)",
                "the bot is not an administrator (make it one, with the right to manage topics)");
        assertThat(TopicCheck.missing(new GroupRights.Standing(true, true, true, false)))
                .containsExactly("the bot lacks the administrator right to manage topics");
        TopicCheck check = new TopicCheck(chatId -> Optional.of(new GroupRights.Standing(true, false, true, true)),
                properties(true));
        assertThat(check.check()).hasValueSatisfying(line -> assertThat(line).isEqualTo("Topic mode is on, but in "
                + "group " + GROUP + " topics are off (turn on Topics in the group's settings): until that is fixed, "
                + "tickets go on in volunteers' private chats"));
    }

    private static HandoffProperties properties(boolean topics) {
        return new HandoffProperties(List.of(), GROUP, Duration.ofMinutes(15), Duration.ofHours(24),
                Duration.ofHours(24), Duration.ofHours(24), topics, Duration.ofHours(1));
    }
}

package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relohelp.users.RetentionDue;
import org.relohelp.users.UserForgotten;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 👍/👎: only the person an article was answered to can vote on it, once (changeable); the vote is stored under a
 * hash, linked to them only for the voting window, and /forget deletes it.
 */
@JdbcTest
@Import({Votes.class, VotesTest.Config.class})
class VotesTest {

    static final long ANNA = 5_100_000_001L;
    static final long BORIS = 5_100_000_002L;

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            MovableClock clock = new MovableClock();
            clock.reset();
            return clock;
        }

        @Bean
        KnowledgeProperties knowledgeProperties() {
            return new KnowledgeProperties(Path.of("config/knowledge"), null, 0.5, 1.25, 12, 7);
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        void reset() {
            now = Instant.parse("2026-12-05T10:00:00Z");
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

    @Autowired
    Votes votes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @BeforeEach
    void noVotes() {
        clock.reset();
        jdbc.sql("delete from article_vote").update();
    }

    @Test
    void onlyThePersonTheArticleWasAnsweredToCanVoteWithItsStamp() {
        String stamp = votes.stamp(ANNA, "kz-stay", Votes.Kind.SECTION);
        assertThat(stamp).hasSizeLessThanOrEqualTo(64 - "fb:+:".length() - 40 - 1);
        assertThat(votes.check(ANNA, "kz-stay", stamp)).contains(
                new Votes.Stamp(Votes.Kind.SECTION, LocalDate.of(2026, 12, 5)));
        assertThat(votes.check(BORIS, "kz-stay", stamp)).as("someone else's button").isEmpty();
        assertThat(votes.check(ANNA, "kz-housing", stamp)).as("another article").isEmpty();
        String forged = stamp.substring(0, stamp.length() - 1) + (stamp.endsWith("A") ? "B" : "A");
        assertThat(votes.check(ANNA, "kz-stay", forged)).isEmpty();
        assertThat(votes.check(ANNA, "kz-stay", "a" + stamp.substring(1))).as("the kind is signed too").isEmpty();
        assertThat(votes.check(ANNA, "kz-stay", "")).isEmpty();
    }

    @Test
    void onePersonHasOneVotePerArticleWhichTheyMayChange() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertThat(votes.vote(ANNA, "kz-stay", today, true)).isEqualTo(Votes.Outcome.COUNTED);
        assertThat(votes.vote(ANNA, "kz-stay", today, true)).isEqualTo(Votes.Outcome.SAME);
        assertThat(votes.vote(ANNA, "kz-stay", today, true)).isEqualTo(Votes.Outcome.SAME);
        assertThat(votes.vote(ANNA, "kz-stay", today, false)).isEqualTo(Votes.Outcome.CHANGED);
        assertThat(votes.vote(BORIS, "kz-stay", today, true)).isEqualTo(Votes.Outcome.COUNTED);
        assertThat(votes.vote(ANNA, "kz-housing", today, true)).isEqualTo(Votes.Outcome.COUNTED);
        assertThat(count("article_id = 'kz-stay'")).isEqualTo(2);
        assertThat(count("article_id = 'kz-stay' and not helpful")).isEqualTo(1);
        assertThat(jdbc.sql("select voter from article_vote").query(String.class).list())
                .noneMatch(voter -> voter.contains(String.valueOf(ANNA)) || voter.contains(String.valueOf(BORIS)));
    }

    @Test
    void afterTheVotingWindowTheVoteStaysWithoutItsVoterAndNoNewOneIsTaken() {
        LocalDate answered = LocalDate.of(2026, 12, 5);
        votes.vote(ANNA, "kz-stay", answered, true);
        clock.advance(Duration.ofDays(8));
        assertThat(votes.vote(ANNA, "kz-stay", answered, false)).isEqualTo(Votes.Outcome.CLOSED);
        votes.purge(new RetentionDue(LocalDateTime.now(clock).minusDays(30)));
        assertThat(count("voter is null and article_id = 'kz-stay' and helpful")).isEqualTo(1);
        assertThat(count("voter is not null")).isZero();
    }

    @Test
    void forgettingAPersonDeletesTheirVotesOnly() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        votes.vote(ANNA, "kz-stay", today, true);
        votes.vote(ANNA, "kz-housing", today, false);
        votes.vote(BORIS, "kz-stay", today, true);
        votes.forget(new UserForgotten(ANNA));
        assertThat(count("true")).isEqualTo(1);
        assertThat(votes.vote(BORIS, "kz-stay", today, true)).isEqualTo(Votes.Outcome.SAME);
    }

    @Test
    void theKeyIsMadeOnceAndKept() {
        String stamp = votes.stamp(ANNA, "kz-stay", Votes.Kind.ARTICLE);
        KnowledgeProperties properties = new KnowledgeProperties(Path.of("config/knowledge"), null, 0.5, 1.25, 12, 7);
        Votes anotherInstance = new Votes(jdbc, clock, properties);
        anotherInstance.afterPropertiesSet();
        assertThat(anotherInstance.check(ANNA, "kz-stay", stamp)).isPresent();
        assertThat(jdbc.sql("select count(*) from knowledge_key").query(Integer.class).single()).isOne();
    }

    private int count(String where) {
        return jdbc.sql("select count(*) from article_vote where " + where).query(Integer.class).single();
    }
}

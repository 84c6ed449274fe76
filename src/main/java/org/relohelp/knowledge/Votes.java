package org.relohelp.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.relohelp.users.RetentionDue;
import org.relohelp.users.UserForgotten;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 👍/👎: one vote per person per article that was answered to them, which they may change. Nothing is written when an
 * article is answered: its vote buttons carry a stamp — the kind of answer, the day, and a signature of person,
 * article, kind and day — so a forged or someone else's button is refused. A vote is stored under a keyed hash of
 * the voter, not their id, and only for {@code voteDays} after the answer; then the link to the person is dropped
 * and an anonymous vote stays. /forget deletes the person's votes.
 */
@Repository
class Votes implements InitializingBean {

    private static final String KEY_NAME = "votes";
    private static final int SIGNATURE_CHARS = 8;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int voteDays;
    private volatile byte[] key;

    Votes(JdbcClient jdbc, Clock clock, KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.voteDays = properties.voteDays();
    }

    /** Made (or read) at start-up, outside any transaction, so that two instances starting at once agree. */
    @Override
    public void afterPropertiesSet() {
        key();
    }

    /** What an answer was: a section (with a button for the whole article) or the whole article. */
    enum Kind {
        SECTION('s'), ARTICLE('a');

        final char code;

        Kind(char code) {
            this.code = code;
        }

        static Optional<Kind> of(char code) {
            return Arrays.stream(values()).filter(k -> k.code == code).findFirst();
        }
    }

    /** A checked stamp: the kind of answer the buttons were under, and the day it was given. */
    record Stamp(Kind kind, LocalDate answeredOn) {
    }

    enum Outcome { COUNTED, CHANGED, SAME, CLOSED }

    /** The stamp for the vote buttons of an article answered to a person today. */
    String stamp(long userId, String articleId, Kind kind) {
        String unsigned = kind.code + Long.toString(LocalDate.now(clock).toEpochDay(), 36);
        return unsigned + signature(userId, articleId, unsigned);
    }

    /** The stamp of a pressed button, if this person's answer really carried it. */
    Optional<Stamp> check(long userId, String articleId, String stamp) {
        if (stamp.length() < SIGNATURE_CHARS + 2) {
            return Optional.empty();
        }
        String unsigned = stamp.substring(0, stamp.length() - SIGNATURE_CHARS);
        byte[] given = stamp.substring(unsigned.length()).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(userId, articleId, unsigned).getBytes(StandardCharsets.US_ASCII);
        Optional<Kind> kind = Kind.of(unsigned.charAt(0));
        if (!MessageDigest.isEqual(given, expected) || kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stamp(kind.get(), LocalDate.ofEpochDay(Long.parseLong(unsigned.substring(1), 36))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records or changes the person's vote on the article; after the voting window it is closed. */
    Outcome vote(long userId, String articleId, LocalDate answeredOn, boolean helpful) {
        if (answeredOn.isBefore(LocalDate.now(clock).minusDays(voteDays))) {
            return Outcome.CLOSED;
        }
        String voter = voter(userId);
        LocalDateTime now = LocalDateTime.now(clock);
        int added = jdbc.sql("merge into article_vote v using (select 1 as one) s "
                        + "on v.voter = :voter and v.article_id = :article "
                        + "when not matched then insert (voter, article_id, answered_on, helpful, voted_at) "
                        + "values (:voter, :article, :day, :helpful, :now)")
                .param("voter", voter).param("article", articleId).param("day", answeredOn)
                .param("helpful", helpful).param("now", now).update();
        if (added > 0) {
            return Outcome.COUNTED;
        }
        int changed = jdbc.sql("update article_vote set helpful = ?, voted_at = ? "
                        + "where voter = ? and article_id = ? and helpful <> ?")
                .params(helpful, now, voter, articleId, helpful).update();
        return changed > 0 ? Outcome.CHANGED : Outcome.SAME;
    }

    @EventListener
    void forget(UserForgotten event) {
        jdbc.sql("delete from article_vote where voter = ?").param(voter(event.userId())).update();
    }

    /** Daily: votes whose window has ended keep no link to the voter. */
    @EventListener
    void purge(RetentionDue event) {
        jdbc.sql("update article_vote set voter = null where voter is not null and answered_on < ?")
                .param(LocalDate.now(clock).minusDays(voteDays)).update();
    }

    private String voter(long userId) {
        return BASE64.encodeToString(mac("voter:" + userId));
    }

    private String signature(long userId, String articleId, String unsigned) {
        return BASE64.encodeToString(mac("vote:" + userId + ":" + articleId + ":" + unsigned)).substring(0,
                SIGNATURE_CHARS);
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared key: every instance reads the one the first instance made. */
    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            current = storedKey().orElseGet(() -> {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    jdbc.sql("insert into knowledge_key (name, secret) values (?, ?)")
                            .params(KEY_NAME, Base64.getEncoder().encodeToString(fresh)).update();
                    return fresh;
                } catch (DuplicateKeyException e) {
                    return storedKey().orElseThrow();
                }
            });
            key = current;
        }
        return current;
    }

    private Optional<byte[]> storedKey() {
        return jdbc.sql("select secret from knowledge_key where name = ?").param(KEY_NAME).query(String.class)
                .optional().map(Base64.getDecoder()::decode);
    }
}

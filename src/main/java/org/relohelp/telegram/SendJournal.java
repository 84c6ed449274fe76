package org.relohelp.telegram;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Makes the messages an update causes go out once, even when the update is handled again after a crash.
 * While an update is handled (on its lane's thread), its n-th send is recorded as "sending" just before its
 * first HTTP attempt and as "waiting" after a failed attempt that will be retried. Handling the update again
 * after a crash skips every send recorded as sending: it was made, or was in the air, and a request written
 * to the socket reaches Telegram even when the process dies; Telegram offers no way to ask, so repeating it
 * would risk a duplicate. A waiting or never-started send is made. One write per send, no second one after
 * it (a commit costs real time): the price is that a skipped send gives no message ids to the replay.
 * The rows are dropped by {@link Inbox#handled} together with marking the update handled.
 */
@Repository
class SendJournal {

    private static final Logger log = LoggerFactory.getLogger(SendJournal.class);

    private final JdbcClient jdbc;
    private final ThreadLocal<Handling> current = new ThreadLocal<>();

    SendJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final class Handling {
        final int updateId;
        final boolean replayed;
        int sends;
        int open = -1;
        boolean recorded;

        Handling(int updateId, boolean replayed) {
            this.updateId = updateId;
            this.replayed = replayed;
        }
    }

    /**
     * The sends on this thread belong to this update until {@link #finish}. Only an update handled again after
     * a restart ({@code replayed}) can have sent something before, so only then are its rows looked up.
     */
    void begin(int updateId, boolean replayed) {
        current.set(new Handling(updateId, replayed));
    }

    void finish() {
        current.remove();
    }

    /** Runs the send unless this update already made it before a crash; returns the message ids it gave. */
    List<Integer> once(long chatId, Supplier<List<Integer>> send) {
        Handling handling = current.get();
        if (handling == null) {
            return send.get();
        }
        int seq = handling.sends++;
        Optional<String> before = !handling.replayed ? Optional.empty()
                : jdbc.sql("select state from sent where update_id = ? and seq = ?")
                        .params(handling.updateId, seq).query(String.class).optional();
        if (before.isPresent() && before.get().equals("sending")) {
            log.warn("Update {}: send {} to chat {} was made before the restart; not repeated", handling.updateId,
                    seq, chatId);
            return List.of();
        }
        handling.open = seq;
        handling.recorded = before.isPresent();
        try {
            return send.get();
        } finally {
            handling.open = -1;
        }
    }

    /** Just before an HTTP call: if it belongs to a recorded send, that send is now in the air. */
    void attempting() {
        mark("sending");
    }

    /** The HTTP call failed: the send is not in the air any more and will be tried again. */
    void attemptFailed() {
        mark("waiting");
    }

    private void mark(String state) {
        Handling handling = current.get();
        if (handling == null || handling.open < 0) {
            return;
        }
        if (handling.recorded) {
            jdbc.sql("update sent set state = ? where update_id = ? and seq = ?")
                    .params(state, handling.updateId, handling.open).update();
        } else {
            jdbc.sql("insert into sent (update_id, seq, state) values (?, ?, ?)")
                    .params(handling.updateId, handling.open, state).update();
            handling.recorded = true;
        }
    }
}

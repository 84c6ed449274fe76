package org.relohelp.housing;

import java.util.Optional;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Conversation;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * A reply (Telegram's "Reply") to a message of a housing conversation goes to that conversation, whatever else the
 * person has open — a ticket, another conversation — so it is asked before the handoff's desks. A reply to a
 * request not accepted yet, or to a conversation that ended, is answered with what to do.
 */
@Component
class HousingReplies implements Conversation {

    /** Before the volunteers' desk (10) and the refugees' (20): a reply names its conversation. */
    static final int ORDER = 5;

    private final HousingPairs pairs;
    private final Requests requests;
    private final Talks talks;
    private final Texts texts;

    HousingReplies(HousingPairs pairs, Requests requests, Talks talks, Texts texts) {
        this.pairs = pairs;
        this.requests = requests;
        this.talks = talks;
        this.texts = texts;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Reply> take(Asked asked) {
        int replyTo = asked.message().replyTo();
        if (replyTo == 0) {
            return Optional.empty();
        }
        Optional<Request> found = pairs.requestOf(asked.chatId(), replyTo).flatMap(requests::find)
                .filter(r -> r.involves(asked.userId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Request r = found.get();
        if (r.status() == Request.Status.ACCEPTED) {
            talks.relay(r, asked);
            return Optional.of(Reply.NOTHING);
        }
        boolean waitingForHost = r.status() == Request.Status.PENDING && r.hostId() == asked.userId();
        return Optional.of(Reply.text(texts.get(asked.language(), waitingForHost ? "housing.talk.accept-first"
                : "housing.talk.over", r.id())));
    }
}

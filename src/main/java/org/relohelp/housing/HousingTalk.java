package org.relohelp.housing;

import java.util.Optional;
import org.relohelp.chat.Asked;
import org.relohelp.chat.Conversation;
import org.relohelp.chat.Incoming;
import org.relohelp.chat.Reply;
import org.springframework.stereotype.Component;

/**
 * A message that replies to nothing goes to the person's current housing conversation ({@link Focus}) — after the
 * handoff's desks: someone who also has a ticket, or a volunteer with tickets of their own, writes to their host or
 * guest by replying to one of the conversation's messages, and their other messages stay with the ticket. Before
 * the stay count and the knowledge base; "💬 Questions to the bot" in /housing makes messages questions again.
 * Edits of relayed messages follow here, whichever way the message went.
 */
@Component
class HousingTalk implements Conversation {

    /** After the volunteers' desk (10) and the refugees' (20), before the stay count (30). */
    static final int ORDER = 25;

    private final Focus focus;
    private final Requests requests;
    private final Talks talks;
    private final HousingRelay relay;

    HousingTalk(Focus focus, Requests requests, Talks talks, HousingRelay relay) {
        this.focus = focus;
        this.requests = requests;
        this.talks = talks;
        this.relay = relay;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Reply> take(Asked asked) {
        Optional<Long> current = focus.of(asked.userId());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<Request> open = requests.find(current.get()).filter(r -> r.involves(asked.userId())
                && r.status() == Request.Status.ACCEPTED);
        if (open.isEmpty()) {
            focus.clear(asked.userId()); // it ended meanwhile
            return Optional.empty();
        }
        talks.relay(open.get(), asked);
        return Optional.of(Reply.NOTHING);
    }

    @Override
    public void edited(Incoming edit) {
        relay.edited(edit);
    }
}

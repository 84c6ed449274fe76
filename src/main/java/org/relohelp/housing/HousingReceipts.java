package org.relohelp.housing;

import java.util.List;
import org.relohelp.chat.Delivery;
import org.relohelp.chat.DeliveryReceipts;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Receipt;
import org.relohelp.chat.Reply;
import org.relohelp.chat.Texts;
import org.springframework.stereotype.Component;

/**
 * How housing's messages ended, from the outbox: a delivered copy or note learns its message id (replies and edits
 * are routed by it); a request the host cannot be written to (they never started the bot, or blocked it) is
 * declined and the guest told; a copy that did not arrive is reported to whoever wrote it.
 */
@Component
class HousingReceipts implements DeliveryReceipts {

    static final String KIND = "housing";
    /** The kind of the note that is a request at its host. */
    static final String REQUEST = "request";

    private final HousingPairs pairs;
    private final Requests requests;
    private final Messenger messenger;
    private final Texts texts;
    private final People people;

    HousingReceipts(HousingPairs pairs, Requests requests, Messenger messenger, Texts texts, People people) {
        this.pairs = pairs;
        this.requests = requests;
        this.messenger = messenger;
        this.texts = texts;
        this.people = people;
    }

    static Receipt pair(long pairId) {
        return new Receipt(KIND, "pair:" + pairId);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void delivered(String key, long chatId, List<Integer> messageIds) {
        if (!messageIds.isEmpty()) {
            pairs.delivered(id(key), messageIds.get(messageIds.size() - 1));
        }
    }

    @Override
    public void failed(String key, long chatId, Delivery outcome) {
        pairs.find(id(key)).ifPresent(pair -> requests.find(pair.request()).ifPresent(request -> {
            if (pair.kind().equals(REQUEST) && requests.decline(request.id())) {
                messenger.send(request.guestId(), Reply.text(texts.get(people.language(request.guestId()),
                        "housing.request.unreachable", request.id())));
            } else if (pair.senderChat() != null && request.status() == Request.Status.ACCEPTED) {
                messenger.send(pair.senderChat(), Reply.text(texts.get(people.language(pair.senderChat()),
                        "housing.talk.not-delivered", request.id())));
            }
        }));
    }

    private static long id(String key) {
        if (!key.startsWith("pair:")) {
            throw new IllegalArgumentException("unknown housing receipt");
        }
        return Long.parseLong(key.substring("pair:".length()));
    }
}

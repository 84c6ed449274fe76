package org.relohelp.chat;

import java.util.List;
import java.util.Optional;

/**
 * How features send on their own (to someone other than the person who wrote): implemented by the
 * Telegram edge's one outbound sender. Message ids come back so that features can remember what they sent.
 */
public interface Messenger {

    /** Sends a reply (split if long); the ids of the messages sent, empty if it could not be delivered. */
    List<Integer> send(long chatId, Reply reply);

    /**
     * Sends one message of a mass mailing and says how it ended. {@code inTheAir} runs once, after the sending
     * limits let the message go and just before its first HTTP call: from then on it may reach the person even if
     * the process dies, so a caller that records it there never sends it twice after a restart.
     */
    Delivery deliver(long chatId, Reply reply, Runnable inTheAir);

    /** Copies any message (text, photo, voice…) without a link to its sender; captionHtml replaces a caption. */
    Optional<Integer> copy(long fromChatId, int messageId, long toChatId, String captionHtml);

    /** Replaces a sent message's text and buttons (only the buttons when the reply has no text). */
    boolean edit(long chatId, int messageId, Reply replacement);

    /** The bot's @username, for links such as invitations. */
    String botUsername();
}

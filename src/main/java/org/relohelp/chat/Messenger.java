package org.relohelp.chat;

/**
 * How features send on their own (to someone other than the person who wrote, or later): implemented by the
 * Telegram edge's outbox. Nothing leaves at once: each message is written to the outbox in the caller's
 * transaction, together with the state it announces, and delivered after the commit, in order per chat and
 * within Telegram's limits. A rolled-back transaction sends nothing; a crash after the commit delivers after the
 * restart. What a feature needs back (the message ids Telegram gives, or that delivery finally failed) reaches its
 * {@link DeliveryReceipts} under the {@link Receipt} it gave. A message for a forum topic that someone deleted ends as
 * {@link Delivery#NO_TOPIC}: the feature that owns the topic creates it again and sends anew.
 */
public interface Messenger {

    /** Queues a reply (split if long) to a chat. */
    default void send(long chatId, Reply reply) {
        send(chatId, reply, null);
    }

    /** Queues a reply; once delivered (or finally not), its receipt goes to the feature that named it. */
    void send(long chatId, Reply reply, Receipt receipt);

    /** Queues a mass-mailing message: it yields to answers and keeps to the bulk share of Telegram's rate. */
    void sendBulk(long chatId, Reply reply, Receipt receipt);

    /** Queues a copy of any message (text, photo, voice…) without a link to its sender; captionHtml replaces a caption. */
    void copy(long fromChatId, int messageId, long toChatId, String captionHtml, Receipt receipt);

    /** Queues a reply into a forum topic of a group ({@code threadId}, 0 for none or the General topic). */
    void send(long chatId, int threadId, Reply reply, Receipt receipt);

    /** Queues a copy into a forum topic of a group ({@code threadId}, 0 for none or the General topic). */
    void copy(long fromChatId, int messageId, long toChatId, int threadId, String captionHtml, Receipt receipt);

    /**
     * Queues the creation of a forum topic in a group (the bot must be an administrator who manages topics). Its
     * receipt's single message id is the new topic's thread id; a failure is reported as usual. Like every queued
     * call it leaves after the commit, in order with the chat's messages.
     */
    void createTopic(long chatId, String name, Receipt receipt);

    /**
     * Queues closing ({@code closed}) or reopening a forum topic. A topic that no longer exists ends as
     * {@link Delivery#NO_TOPIC}; one already in that state counts as done.
     */
    void closeTopic(long chatId, int threadId, boolean closed, Receipt receipt);

    /** Queues a change of a sent message's text and buttons (only the buttons when the reply has no text). */
    void edit(long chatId, int messageId, Reply replacement);

    /** The bot's @username, for links such as invitations (learnt from Telegram at start-up). */
    String botUsername();
}

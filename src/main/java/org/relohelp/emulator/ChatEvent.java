package org.relohelp.emulator;

import java.util.List;

/**
 * Something that happened in a chat, in order ({@code seq}): a message from a person or the bot, an edit,
 * a deletion, a toast after a button press, "typing…", or a change of a forum's topics ("topic": one was created,
 * renamed, closed, reopened or deleted, or the group became a forum; {@code messageId} is the topic's thread id).
 * The sandbox page draws its chats from these.
 *
 * @param media    null for text; otherwise photo, document, sticker or voice, with {@code fileId} for files
 * @param replyTo  for a person's message sent as a reply, the id of the message it replies to; otherwise 0
 * @param threadId the forum topic it happened in, as {@code message_thread_id}: 0 outside forums and in General
 */
public record ChatEvent(long seq, String type, long chatId, int messageId, String sender, boolean fromBot,
                        String text, String html, String media, String fileId,
                        List<List<BotMessage.InlineButton>> buttons, int replyTo, int threadId) {

    static ChatEvent of(String type, BotMessage m) {
        return new ChatEvent(0, type, m.chatId(), m.messageId(), "bot", true, m.text(), m.html(), m.media(),
                m.fileId(), m.buttons(), 0, m.threadId());
    }

    ChatEvent numbered(long number) {
        return new ChatEvent(number, type, chatId, messageId, sender, fromBot, text, html, media, fileId, buttons,
                replyTo, threadId);
    }
}

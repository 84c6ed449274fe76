package org.relohelp.telegram;

import org.relohelp.chat.Incoming;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** What an update is and which chat it belongs to, for routing and for logs (never its words). */
final class UpdateKinds {

    private UpdateKinds() {
    }

    static long chatId(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getChatId();
        }
        if (update.hasEditedMessage()) {
            return update.getEditedMessage().getChatId();
        }
        if (update.hasCallbackQuery()) {
            return chatId(update.getCallbackQuery());
        }
        if (update.getMyChatMember() != null) {
            return update.getMyChatMember().getChat().getId();
        }
        return 0;
    }

    /** Who sent the update, when it says. */
    static User from(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getFrom();
        }
        if (update.hasEditedMessage()) {
            return update.getEditedMessage().getFrom();
        }
        if (update.hasCallbackQuery()) {
            return update.getCallbackQuery().getFrom();
        }
        return update.getMyChatMember() == null ? null : update.getMyChatMember().getFrom();
    }

    /** The chat of the message whose button was pressed (the user's own chat if Telegram omits it). */
    static long chatId(CallbackQuery callback) {
        return callback.getMessage() != null ? callback.getMessage().getChatId() : callback.getFrom().getId();
    }

    static String kind(Update update) {
        if (update.hasMessage()) {
            return "message/" + contentType(update.getMessage());
        }
        if (update.hasEditedMessage()) {
            return "edited_message";
        }
        if (update.hasCallbackQuery()) {
            return "callback_query";
        }
        if (update.getMyChatMember() != null) {
            return "my_chat_member";
        }
        return "other";
    }

    /**
     * The plain message features see; commands count as text. In a forum topic Telegram marks every message that
     * replies to nothing in particular as a reply to the topic's first (service) message: that is no reply.
     */
    static Incoming incoming(Message message, boolean edit) {
        String kind = contentType(message);
        String text = message.hasText() ? message.getText() : message.getCaption();
        int thread = threadId(message);
        Message quoted = message.getReplyToMessage();
        if (quoted != null && thread != 0 && quoted.getMessageId() == thread) {
            quoted = null; // the topic's start, not a reply
        }
        return new Incoming(message.getFrom().getId(), message.getChatId(), message.getMessageId(), text,
                kind.equals("command") ? "text" : kind, quoted == null ? 0 : quoted.getMessageId(), edit,
                quoted == null ? null : quoted.getText(),
                quoted == null || quoted.getFrom() == null ? 0 : quoted.getFrom().getId(), thread);
    }

    /**
     * The forum topic a message is in: its message_thread_id when Telegram says it is a topic message; 0 outside
     * topics and in General (a supergroup's reply threads carry an id too, but are no topics).
     */
    static int threadId(Message message) {
        return message.isTopicMessage() && message.getMessageThreadId() != null ? message.getMessageThreadId() : 0;
    }

    /** A service message (a topic created, closed or reopened, someone joined, a pin…): nobody wrote it. */
    static boolean isService(Message message) {
        return message.hasForumTopicCreated() || message.hasForumTopicClosed() || message.hasForumTopicReopened()
                || message.getForumTopicEdited() != null || message.getGeneralForumTopicHidden() != null
                || message.getGeneralForumTopicUnhidden() != null
                || (message.getNewChatMembers() != null && !message.getNewChatMembers().isEmpty())
                || message.getLeftChatMember() != null || message.getPinnedMessage() != null
                || message.getNewChatTitle() != null || message.getNewChatPhoto() != null
                || Boolean.TRUE.equals(message.getDeleteChatPhoto());
    }

    static String contentType(Message message) {
        if (message.hasText()) {
            // not Message.isCommand(): it reads the entities, which a client can make unreadable
            return message.getText().startsWith("/") ? "command" : "text";
        }
        if (message.hasSticker()) {
            return "sticker";
        }
        if (message.hasPhoto()) {
            return "photo";
        }
        if (message.hasVoice()) {
            return "voice";
        }
        if (message.hasDocument()) {
            return "document";
        }
        if (message.hasVideo()) {
            return "video";
        }
        if (message.hasLocation()) {
            return "location";
        }
        if (message.hasAudio()) {
            return "audio";
        }
        if (message.hasAnimation()) {
            return "animation";
        }
        return "other";
    }
}

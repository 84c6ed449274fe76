package org.relohelp.chat;

/**
 * A message someone sent the bot, reduced to what features need: who, where, which message, its text (or
 * caption), what kind it is (text, photo, document, sticker, voice, video, location, other), the message it
 * replies to (or 0), whether this is an edit of an earlier message, and of the replied-to message its text
 * (null when it has none) and its sender (0 when unknown). Telegram fills the replied-to part itself, so it
 * cannot be forged by the client; it is the only way to read an earlier message, as the bot stores no texts.
 * {@code threadId} is the forum topic of a group it was written in (0: none, or the General topic); a message in a
 * topic that replies to nothing in particular is not a reply here (Telegram marks it as one to the topic's start).
 */
public record Incoming(long userId, long chatId, int messageId, String text, String kind, int replyTo,
                       boolean edit, String replyToText, long replyToSender, int threadId) {

    public Incoming(long userId, long chatId, int messageId, String text, String kind, int replyTo, boolean edit) {
        this(userId, chatId, messageId, text, kind, replyTo, edit, null, 0, 0);
    }

    public Incoming(long userId, long chatId, int messageId, String text, String kind, int replyTo, boolean edit,
                    String replyToText, long replyToSender) {
        this(userId, chatId, messageId, text, kind, replyTo, edit, replyToText, replyToSender, 0);
    }

    public boolean isText() {
        return kind.equals("text");
    }

    public boolean isCommand() {
        return isText() && text != null && text.startsWith("/");
    }

    /** Kinds Telegram lets a copied message carry a caption on. */
    public boolean takesCaption() {
        return switch (kind) {
            case "photo", "document", "video", "voice", "audio", "animation" -> true;
            default -> false;
        };
    }
}

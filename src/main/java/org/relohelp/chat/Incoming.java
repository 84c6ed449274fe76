package org.relohelp.chat;

/**
 * A message someone sent the bot, reduced to what features need: who, where, which message, its text (or
 * caption), what kind it is (text, photo, document, sticker, voice, video, location, other), the message it
 * replies to (or 0), and whether this is an edit of an earlier message.
 */
public record Incoming(long userId, long chatId, int messageId, String text, String kind, int replyTo,
                       boolean edit) {

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

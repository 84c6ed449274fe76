package org.relohelp.chat;

/**
 * A button press as a feature receives it: who, in which chat, on which message (0 if unknown), which action, and
 * the forum topic that message is in (0: none, or the General topic).
 */
public record Pressed(Profile profile, long chatId, int messageId, String action, int threadId) {

    public Pressed(Profile profile, long chatId, int messageId, String action) {
        this(profile, chatId, messageId, action, 0);
    }

    public long userId() {
        return profile.userId();
    }

    public Language language() {
        return profile.language();
    }
}

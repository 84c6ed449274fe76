package org.relohelp.chat;

/** A button press as a feature receives it: who, in which chat, on which message (0 if unknown), which action. */
public record Pressed(Profile profile, long chatId, int messageId, String action) {

    public long userId() {
        return profile.userId();
    }

    public Language language() {
        return profile.language();
    }
}

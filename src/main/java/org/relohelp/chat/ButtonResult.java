package org.relohelp.chat;

/**
 * What pressing a button does: a short toast on the user's screen (may be null), an optional new message,
 * and an optional replacement of the pressed message (its text, if {@code html} is not null, and buttons).
 */
public record ButtonResult(String toast, Reply newMessage, Reply replacePressed) {

    public static ButtonResult toast(String toast) {
        return new ButtonResult(toast, null, null);
    }

    public static ButtonResult message(Reply message) {
        return new ButtonResult(null, message, null);
    }
}

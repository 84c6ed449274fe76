package org.relohelp.chat;

import java.util.Optional;

/**
 * The buttons a feature answers: every action that starts with {@code prefix} (the longest matching prefix wins),
 * for people who hold {@code access}. Clients can send any action, so the handler still validates the rest.
 */
public record ButtonRoute(String prefix, Access access, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        /** Empty when the action means nothing (forged, stale): the edge says the button no longer works. */
        Optional<ButtonResult> press(Pressed pressed);
    }

    public static ButtonRoute of(String prefix, Handler handler) {
        return new ButtonRoute(prefix, Access.EVERYONE, handler);
    }
}

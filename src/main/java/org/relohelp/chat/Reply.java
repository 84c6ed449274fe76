package org.relohelp.chat;

import java.util.List;

/**
 * What a feature wants to say: Telegram-HTML text (user input inside it escaped: by {@link Texts} for its arguments,
 * with {@link Html} elsewhere) and rows of inline buttons. The telegram edge turns it into Bot API calls.
 */
public record Reply(String html, List<List<Button>> buttons) {

    /** Handled, and nothing to say (e.g. a message relayed to a volunteer). */
    public static final Reply NOTHING = new Reply("", List.of());

    public Reply {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public static Reply text(String html) {
        return new Reply(html, List.of());
    }

    /** Plain text, escaped as a whole. */
    public static Reply plain(String text) {
        return new Reply(Html.escape(text), List.of());
    }

    public static Reply withButtons(String html, List<List<Button>> buttons) {
        return new Reply(html, buttons);
    }

    public boolean isNothing() {
        return html != null && html.isEmpty() && buttons.isEmpty();
    }
}

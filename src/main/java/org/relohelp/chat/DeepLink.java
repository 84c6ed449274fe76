package org.relohelp.chat;

/**
 * A {@code /start} payload a feature answers (t.me/bot?start=inv_… for an invitation): the payload's prefix and
 * what to do. A /start without a known payload is the ordinary start.
 */
public record DeepLink(String prefix, Command.Handler handler) {
}

package org.relohelp.chat;

/** Published when Telegram says a user has blocked the bot: features stop writing to them. */
public record UserBlockedBot(long userId) {
}

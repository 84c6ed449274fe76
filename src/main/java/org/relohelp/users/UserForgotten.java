package org.relohelp.users;

/**
 * A user is to be forgotten: they asked (/forget), blocked the bot long enough ago, or were inactive past the
 * retention period. Every feature deletes what it holds about them, in the same transaction.
 */
public record UserForgotten(long userId) {
}

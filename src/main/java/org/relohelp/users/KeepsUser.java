package org.relohelp.users;

/**
 * A feature that still serves an inactive user (a reminder to send, an open ticket); such a profile is not
 * purged for inactivity.
 */
public interface KeepsUser {

    boolean keeps(long userId);
}

package org.relohelp.chat;

/**
 * Who may use a command or a button. The edge checks it once, before a feature sees the update; the feature that
 * grants an access answers who holds it ({@link Role}). Nothing in a message counts: roles live on the server.
 */
public enum Access {
    /** Anyone who writes to the bot. */
    EVERYONE,
    /** An active volunteer, approved by an admin. */
    VOLUNTEER,
    /** An admin, named in the configuration. */
    ADMIN,
    /** A person an admin approved to offer housing. */
    HOST
}

package org.relohelp.chat;

/**
 * Thrown by a feature when an update refers to something still on its way — an edit of a message whose copy the
 * outbox has not delivered yet — so it cannot be handled now but can be in a moment. The edge rolls back and
 * handles the update again shortly, without counting it as a failure. The feature decides how long that may last.
 */
public class NotYet extends RuntimeException {

    public NotYet(String what) {
        super(what, null, false, false);
    }
}

package org.relohelp.chat;

/** How a message ended: delivered, refused because the person blocked the bot (or never started it), or not delivered. */
public enum Delivery {
    SENT, BLOCKED, FAILED
}

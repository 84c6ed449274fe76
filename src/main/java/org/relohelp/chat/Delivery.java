package org.relohelp.chat;

/**
 * How a message ended: delivered, refused because the person blocked the bot (or never started it), not delivered,
 * or not delivered because the forum topic it was for no longer exists (someone deleted it).
 */
public enum Delivery {
    SENT, BLOCKED, FAILED, NO_TOPIC
}

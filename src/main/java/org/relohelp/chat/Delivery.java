package org.relohelp.chat;

/** How a message to one person ended: delivered, refused because they blocked the bot, or not delivered. */
public enum Delivery {
    SENT, BLOCKED, FAILED
}

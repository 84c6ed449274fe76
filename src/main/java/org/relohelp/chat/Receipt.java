package org.relohelp.chat;

/**
 * Names a queued message for the feature that queued it: {@code kind} selects the {@link DeliveryReceipts} that
 * hears how it ended, {@code key} is that feature's own reference (a ticket number, a pair id). Ids only, never
 * words: receipts are stored with the message until it is delivered.
 */
public record Receipt(String kind, String key) {

    public Receipt {
        if (kind == null || kind.isBlank() || key == null || kind.length() > 32 || key.length() > 64) {
            throw new IllegalArgumentException("a receipt needs a short kind and key");
        }
    }

    public static Receipt of(String kind, Object key) {
        return new Receipt(kind, String.valueOf(key));
    }
}

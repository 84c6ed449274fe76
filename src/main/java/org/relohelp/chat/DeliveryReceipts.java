package org.relohelp.chat;

import java.util.List;

/**
 * A feature's side of {@link Receipt}s of one kind: told, inside a database transaction, when a message it queued
 * was delivered (with the ids Telegram gave; empty when the message was in the air during a crash, so whether it
 * arrived is unknown and it is not sent again) or finally could not be (blocked by the person, refused by Telegram,
 * or still failing after the retries).
 */
public interface DeliveryReceipts {

    String kind();

    void delivered(String key, long chatId, List<Integer> messageIds);

    default void failed(String key, long chatId, Delivery outcome) {
    }
}

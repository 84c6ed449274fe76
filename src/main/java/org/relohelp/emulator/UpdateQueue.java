package org.relohelp.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * Updates waiting for the bot, kept exactly as Telegram keeps them: an update stays until a getUpdates call
 * confirms it with a higher offset, a negative offset keeps only the last updates, and an empty queue makes
 * getUpdates wait up to its timeout.
 */
final class UpdateQueue {

    private final LinkedList<ObjectNode> pending = new LinkedList<>();
    private long nextId;

    UpdateQueue(long firstId) {
        this.nextId = firstId;
    }

    synchronized long add(ObjectNode update) {
        long id = nextId++;
        update.put("update_id", id);
        pending.add(update);
        notifyAll();
        return id;
    }

    synchronized List<ObjectNode> poll(long offset, int limit, long timeoutMillis) throws InterruptedException {
        if (offset > 0) {
            pending.removeIf(u -> u.get("update_id").asLong() < offset);
        } else if (offset < 0) {
            while (pending.size() > -offset) {
                pending.removeFirst();
            }
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (pending.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return new ArrayList<>(pending.subList(0, Math.min(Math.max(limit, 1), pending.size())));
    }

    /** Wakes a waiting getUpdates so a stopping emulator does not hold it for the whole timeout. */
    synchronized void wakeUp() {
        notifyAll();
    }

    synchronized int size() {
        return pending.size();
    }
}

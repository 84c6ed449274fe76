package org.relohelp.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Files people and the bot sent, by Telegram-style file id, so they can be copied on and shown. */
final class FileStore {

    record StoredFile(String name, String mimeType, byte[] bytes) {
    }

    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();

    String put(String name, String mimeType, byte[] bytes) {
        String id = UUID.randomUUID().toString().replace("-", "");
        files.put(id, new StoredFile(name, mimeType, bytes));
        return id;
    }

    Optional<StoredFile> get(String fileId) {
        return Optional.ofNullable(files.get(fileId));
    }
}

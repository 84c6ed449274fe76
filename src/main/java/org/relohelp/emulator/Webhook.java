package org.relohelp.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * setWebhook as Telegram does it: while a webhook is set, updates are POSTed to its URL as JSON with the
 * {@code X-Telegram-Bot-Api-Secret-Token} header, one at a time and in order (max_connections 1); an update counts
 * as delivered only on a 2xx answer, otherwise it is sent again a little later. getUpdates is refused meanwhile.
 */
final class Webhook implements AutoCloseable {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final UpdateQueue updates;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong refused = new AtomicLong();
    private volatile URI url;
    private volatile String secret;
    private Thread pusher;
    private long offset;

    Webhook(UpdateQueue updates) {
        this.updates = updates;
    }

    /** An empty URL removes the webhook, as in Telegram. */
    synchronized void set(String url, String secret) {
        if (url == null || url.isBlank()) {
            delete();
            return;
        }
        this.secret = secret == null || secret.isBlank() ? null : secret;
        this.url = URI.create(url);
        if (pusher == null) {
            pusher = new Thread(this::push, "bot-api-emulator-webhook");
            pusher.setDaemon(true);
            pusher.start();
        }
    }

    void delete() {
        url = null;
    }

    boolean active() {
        return url != null;
    }

    /** Deliveries the bot did not answer with 2xx (each is retried). */
    long refused() {
        return refused.get();
    }

    private void push() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                URI target = url;
                if (target == null) {
                    Thread.sleep(50);
                    continue;
                }
                List<ObjectNode> next = updates.poll(offset, 1, 500);
                if (next.isEmpty()) {
                    continue;
                }
                ObjectNode update = next.get(0);
                if (deliver(target, update)) {
                    offset = update.get("update_id").asLong() + 1;
                } else {
                    refused.incrementAndGet();
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean deliver(URI target, ObjectNode update) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BotApiEmulator.JSON.writeValueAsString(update)));
            if (secret != null) {
                request.header(SECRET_HEADER, secret);
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException unreachable) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        url = null;
        if (pusher != null) {
            pusher.interrupt();
        }
    }
}

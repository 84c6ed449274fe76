package org.relohelp.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives updates by HTTP POST in webhook mode and gives them to the same {@link UpdateIntake} as polling:
 * the update is in the inbox (committed) before the 200 goes back, so Telegram redelivers whatever the bot did not
 * store, and a redelivered id is ignored. One request at a time, and Telegram is asked for one connection
 * (max_connections 1), so updates arrive in Telegram's order and each chat's lane keeps it.
 */
@Component
class WebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final WebhookProperties properties;
    private final UpdateIntake intake;
    private final ObjectMapper json = new ObjectMapper();
    private volatile HttpServer server;
    private volatile ExecutorService executor;

    WebhookReceiver(WebhookProperties properties, UpdateIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    /** Fails start-up when the port cannot be bound: without it the bot would receive nothing. */
    void start() {
        try {
            HttpServer http = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(properties.address()), properties.port()), 64);
            http.createContext(properties.path(), this::receive);
            executor = Executors.newSingleThreadExecutor(BotConnection.daemon("telegram-webhook"));
            http.setExecutor(executor);
            http.start();
            server = http;
            log.info("Receiving updates by webhook on http://{}:{}{}", properties.address(),
                    http.getAddress().getPort(), properties.path());
        } catch (IOException e) {
            throw new UncheckedIOException("The webhook receiver cannot listen on " + properties.address() + ":"
                    + properties.port() + " (RELOHELP_WEBHOOK_PORT)", e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    properties.secret().getBytes(StandardCharsets.UTF_8))) {
                log.warn("Webhook request from {} refused: wrong or missing secret token",
                        exchange.getRemoteAddress().getAddress().getHostAddress());
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Update update;
            try {
                update = json.readValue(exchange.getRequestBody(), Update.class);
            } catch (IOException e) {
                log.warn("Webhook request refused: not an update ({})", e.getClass().getSimpleName());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            try {
                intake.consumeOnce(update);
            } catch (RuntimeException e) {
                // not stored: a 500 makes Telegram send it again later
                log.error("Update {} from the webhook could not be stored ({})", update.getUpdateId(),
                        e.getClass().getSimpleName());
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    int port() {
        HttpServer http = server;
        return http == null ? -1 : http.getAddress().getPort();
    }

    void stop() {
        HttpServer http = server;
        server = null;
        if (http != null) {
            http.stop(0);
            executor.shutdownNow();
        }
    }
}

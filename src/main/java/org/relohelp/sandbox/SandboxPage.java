package org.relohelp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.relohelp.emulator.BotApiEmulator;
import org.relohelp.emulator.BotMessage;
import org.relohelp.emulator.EmulatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The sandbox's chat page on 127.0.0.1: static files from {@code classpath:sandbox/} and a small JSON API
 * through which the page's people talk to the bot via the emulator and follow every chat live.
 */
@Component
@ConditionalOnProperty(name = "relohelp.sandbox.active", havingValue = "true")
class SandboxPage implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxPage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> STATIC = Map.of("/", "index.html", "/index.html", "index.html",
            "/sandbox.js", "sandbox.js", "/sandbox.css", "sandbox.css");
    private static final long MAX_UPLOAD = 10 * 1024 * 1024;

    private final BotApiEmulator telegram;
    private final SandboxProperties properties;
    private HttpServer server;
    private ExecutorService threads;

    SandboxPage(BotApiEmulator telegram, SandboxProperties properties) {
        this.telegram = telegram;
        this.properties = properties;
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox page cannot listen on 127.0.0.1:" + properties.port()
                    + " (set RELOHELP_SANDBOX_PORT to a free port)", e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sandbox-page");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
        log.info("SANDBOX MODE (no TELEGRAM_BOT_TOKEN): the bot talks to a built-in Bot API emulator, nothing "
                + "reaches Telegram. Open {} to chat with it.", url());
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (method.equals("GET") && STATIC.containsKey(path)) {
                    serveStatic(exchange, STATIC.get(path));
                } else if (method.equals("GET") && path.equals("/api/people")) {
                    json(exchange, 200, Map.of("people", SandboxPeople.described(),
                            "volunteerGroup", String.valueOf(SandboxPeople.VOLUNTEER_GROUP)));
                } else if (method.equals("GET") && path.equals("/api/events")) {
                    long after = Long.parseLong(query(exchange).getOrDefault("after", "0"));
                    json(exchange, 200, telegram.events(after, Duration.ofSeconds(20)));
                } else if (method.equals("GET") && path.startsWith("/api/files/")) {
                    serveFile(exchange, path.substring("/api/files/".length()));
                } else if (method.equals("POST") && path.equals("/api/send")) {
                    JsonNode body = JSON.readTree(exchange.getRequestBody());
                    telegram.sendText(person(body.path("personId").asText()), chat(body), body.path("text").asText());
                    json(exchange, 200, Map.of("ok", true));
                } else if (method.equals("POST") && path.equals("/api/press")) {
                    press(exchange, JSON.readTree(exchange.getRequestBody()));
                } else if (method.equals("POST") && path.equals("/api/upload")) {
                    upload(exchange, query(exchange));
                } else {
                    json(exchange, 404, Map.of("error", "not found"));
                }
            } catch (IllegalArgumentException e) {
                json(exchange, 400, Map.of("error", e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                json(exchange, 503, Map.of("error", "stopping"));
            }
        }
    }

    private void press(HttpExchange exchange, JsonNode body) throws IOException {
        long chatId = chat(body);
        int messageId = body.path("messageId").asInt();
        BotMessage message = telegram.botMessages(chatId).stream().filter(m -> m.messageId() == messageId)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no such message"));
        telegram.press(person(body.path("personId").asText()), message, body.path("data").asText());
        json(exchange, 200, Map.of("ok", true));
    }

    private void upload(HttpExchange exchange, Map<String, String> query) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes((int) MAX_UPLOAD + 1);
        if (bytes.length > MAX_UPLOAD) {
            throw new IllegalArgumentException("files up to 10 MB");
        }
        EmulatedUser person = person(query.getOrDefault("personId", ""));
        long chatId = Long.parseLong(query.getOrDefault("chatId", "0"));
        String name = query.getOrDefault("name", "file");
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("image/")) {
            telegram.sendPhoto(person, chatId, bytes, name, query.getOrDefault("caption", ""));
        } else {
            telegram.sendDocument(person, chatId, bytes, name, type);
        }
        json(exchange, 200, Map.of("ok", true));
    }

    private void serveFile(HttpExchange exchange, String fileId) throws IOException {
        var file = telegram.file(fileId).orElseThrow(() -> new IllegalArgumentException("no such file"));
        exchange.getResponseHeaders().set("Content-Type", file.mimeType());
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Disposition", "inline; filename=\"file\"");
        exchange.sendResponseHeaders(200, file.bytes().length == 0 ? -1 : file.bytes().length);
        exchange.getResponseBody().write(file.bytes());
    }

    private static void serveStatic(HttpExchange exchange, String file) throws IOException {
        try (InputStream in = SandboxPage.class.getResourceAsStream("/sandbox/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("missing " + file);
            }
            byte[] bytes = in.readAllBytes();
            String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static EmulatedUser person(String id) {
        try {
            return SandboxPeople.byId(Long.parseLong(id)).orElseThrow(() -> new IllegalArgumentException("no person " + id));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no person " + id);
        }
    }

    private static long chat(JsonNode body) {
        return Long.parseLong(body.path("chatId").asText("0"));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}

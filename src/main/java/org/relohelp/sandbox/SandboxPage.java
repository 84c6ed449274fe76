package org.relohelp.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * through which the page's people talk to the bot via the emulator and follow every chat live. The volunteers'
 * group can be a forum: the page lists its topics as the emulator holds them, and people write in one.
 *
 * <p>Only the page itself may drive it. Every request must name this server in its Host header (a site whose
 * name was made to resolve to 127.0.0.1 — DNS rebinding — names its own), and a request that does anything must
 * come from this page's origin (browsers send Origin with every POST) with a JSON body (another site's form or
 * no-cors fetch cannot send one, and the CORS preflight it would need is never granted). Anything else is
 * refused with 403 or 415 before it is read. The page may not be framed by another site.
 */
@Component
@ConditionalOnProperty(name = "relohelp.sandbox.active", havingValue = "true")
class SandboxPage implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxPage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> STATIC = Map.of("/", "index.html", "/index.html", "index.html",
            "/sandbox.js", "sandbox.js", "/sandbox.css", "sandbox.css");
    private static final String POLICY = "default-src 'self'; img-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";
    private static final int MAX_MESSAGE = 64 * 1024;
    private static final int MAX_UPLOAD = 10 * 1024 * 1024;
    /** A file travels base64-encoded in the JSON body: 4 characters for 3 bytes, and a little room for the rest. */
    private static final int MAX_UPLOAD_BODY = MAX_UPLOAD / 3 * 4 + 8 + MAX_MESSAGE;

    private final BotApiEmulator telegram;
    private final SandboxProperties properties;
    /** Tells the page when the program was restarted under it: the chats it shows are gone then. */
    private final String run = UUID.randomUUID().toString();
    private HttpServer server;
    private ExecutorService threads;
    private Set<String> hosts;

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
        int port = server.getAddress().getPort();
        hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
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
            exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            try {
                checkSender(exchange, method);
                if (method.equals("GET") && STATIC.containsKey(path)) {
                    serveStatic(exchange, STATIC.get(path));
                } else if (method.equals("GET") && path.equals("/api/people")) {
                    json(exchange, 200, Map.of("people", SandboxPeople.described(),
                            "volunteerGroup", String.valueOf(SandboxPeople.VOLUNTEER_GROUP)));
                } else if (method.equals("GET") && path.equals("/api/events")) {
                    // waits up to 20 s for news; wait=0 answers at once (the page's first call: the history)
                    Map<String, String> query = query(exchange);
                    long after = Long.parseLong(query.getOrDefault("after", "0"));
                    Duration wait = Duration.ofSeconds(Math.min(20, Long.parseLong(query.getOrDefault("wait", "20"))));
                    json(exchange, 200, Map.of("run", run, "events", telegram.events(after, wait)));
                } else if (method.equals("GET") && path.equals("/api/topics")) {
                    json(exchange, 200, Map.of("forum", telegram.isForum(SandboxPeople.VOLUNTEER_GROUP),
                            "topics", telegram.topics(SandboxPeople.VOLUNTEER_GROUP)));
                } else if (method.equals("GET") && path.startsWith("/api/files/")) {
                    serveFile(exchange, path.substring("/api/files/".length()));
                } else if (method.equals("POST") && path.equals("/api/send")) {
                    send(exchange, body(exchange, MAX_MESSAGE));
                } else if (method.equals("POST") && path.equals("/api/press")) {
                    press(exchange, body(exchange, MAX_MESSAGE));
                } else if (method.equals("POST") && path.equals("/api/upload")) {
                    upload(exchange, body(exchange, MAX_UPLOAD_BODY));
                } else if (method.equals("POST") && path.equals("/api/forum")) {
                    // the group's owner turns topics on, as in Telegram's group settings
                    body(exchange, MAX_MESSAGE);
                    telegram.makeForum(SandboxPeople.VOLUNTEER_GROUP);
                    json(exchange, 200, Map.of("ok", true));
                } else {
                    json(exchange, 404, Map.of("error", "not found"));
                }
            } catch (Refused e) {
                json(exchange, e.status, Map.of("error", e.getMessage()));
            } catch (JsonProcessingException e) {
                json(exchange, 400, Map.of("error", "the body is not valid JSON"));
            } catch (IllegalArgumentException e) {
                json(exchange, 400, Map.of("error", e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                json(exchange, 503, Map.of("error", "stopping"));
            }
        }
    }

    /** Refuses what another site could make a browser send here; see the class comment. */
    private void checkSender(HttpExchange exchange, String method) {
        Headers headers = exchange.getRequestHeaders();
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new Refused(403, "the sandbox answers only at " + url());
        }
        String origin = headers.getFirst("Origin");
        boolean changes = !method.equals("GET") && !method.equals("HEAD");
        if (origin == null ? changes : !origin.equalsIgnoreCase("http://" + host)) {
            throw new Refused(403, "only the sandbox page itself (" + url() + ") may do this");
        }
        String type = headers.getFirst("Content-Type");
        if (changes && (type == null
                || !type.split(";", 2)[0].trim().equalsIgnoreCase("application/json"))) {
            throw new Refused(415, "the body must be JSON (Content-Type: application/json)");
        }
    }

    private void send(HttpExchange exchange, JsonNode body) throws IOException {
        EmulatedUser person = person(body);
        long chatId = chatOf(person, body);
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an empty message");
        }
        int replyTo = body.path("replyTo").asInt(0);
        // a reply goes to the topic of the message it answers
        int messageId = replyTo > 0 ? telegram.sendReply(person, chatId, replyTo, text)
                : telegram.sendText(person, chatId, body.path("threadId").asInt(0), text);
        json(exchange, 200, Map.of("ok", true, "messageId", messageId));
    }

    private void press(HttpExchange exchange, JsonNode body) throws IOException {
        EmulatedUser person = person(body);
        long chatId = chatOf(person, body);
        int messageId = body.path("messageId").asInt();
        BotMessage message = telegram.botMessages(chatId).stream().filter(m -> m.messageId() == messageId)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no such message"));
        telegram.press(person, message, body.path("data").asText());
        json(exchange, 200, Map.of("ok", true));
    }

    /** A photo or document: {@code name}, {@code type} (its MIME type) and {@code data}, the bytes in base64. */
    private void upload(HttpExchange exchange, JsonNode body) throws IOException {
        EmulatedUser person = person(body);
        long chatId = chatOf(person, body);
        byte[] bytes = body.path("data").binaryValue();
        if (bytes == null) {
            throw new IllegalArgumentException("no file");
        }
        if (bytes.length > MAX_UPLOAD) {
            throw new Refused(413, "files up to 10 MB");
        }
        String name = body.path("name").asText("file");
        String type = body.path("type").asText("");
        int threadId = body.path("threadId").asInt(0);
        if (type.startsWith("image/")) {
            telegram.sendPhoto(person, chatId, threadId, bytes, name, body.path("caption").asText(""));
        } else {
            telegram.sendDocument(person, chatId, threadId, bytes, name,
                    type.isEmpty() ? "application/octet-stream" : type);
        }
        json(exchange, 200, Map.of("ok", true));
    }

    private static JsonNode body(HttpExchange exchange, int limit) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new Refused(413, limit == MAX_MESSAGE ? "the request is too long" : "files up to 10 MB");
        }
        JsonNode body = JSON.readTree(bytes);
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return body;
    }

    private void serveFile(HttpExchange exchange, String fileId) throws IOException {
        var file = telegram.file(fileId).orElseThrow(() -> new IllegalArgumentException("no such file"));
        exchange.getResponseHeaders().set("Content-Type", file.mimeType());
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

    private static EmulatedUser person(JsonNode body) {
        String id = body.path("personId").asText("");
        try {
            return SandboxPeople.byId(Long.parseLong(id)).orElseThrow(() -> new IllegalArgumentException("no person " + id));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no person " + id);
        }
    }

    /** The chat of the request, one this person writes in. */
    private static long chatOf(EmulatedUser person, JsonNode body) {
        long chatId = Long.parseLong(body.path("chatId").asText("0"));
        if (!SandboxPeople.writesIn(person, chatId)) {
            throw new IllegalArgumentException("person " + person.id() + " does not write in chat " + chatId);
        }
        return chatId;
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

    /** A request refused with this status and reason; nothing of it was done. */
    private static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
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

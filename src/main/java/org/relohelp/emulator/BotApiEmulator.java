package org.relohelp.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.bucket4j.TimeMeter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A Telegram Bot API served over HTTP on the loopback interface, for the end-to-end tests and the sandbox.
 * The bot talks to it with the real telegrambots client ({@code POST /bot<token>/<method>}, method names in
 * any case, JSON, form or multipart bodies); every call is checked against Telegram's description of the Bot API
 * and refused as Telegram would refuse it. The people on the other side are driven through this class: they send
 * texts, stickers and photos, edit messages and press buttons, and watch what the bot answers.
 */
public final class BotApiEmulator implements AutoCloseable {

    /** How Telegram's limits on messages are applied ({@link #enforceLimits(Limits)}). */
    public enum Limits {
        /** No limits (the default). */
        NONE,
        /** Continuously refilled buckets: 30/s overall, 1/s per private chat after a burst of 3, 20/min per group. */
        BUCKET,
        /**
         * Strict sliding windows by the moment each call arrives: at most 30 messages in any second overall,
         * 1 in any second to one private chat, 20 in any minute to one group.
         */
        WINDOW
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK hold every answer back about 40 ms. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String token;
    private final HttpServer server;
    private final ExecutorService threads;
    private final UpdateQueue updates = new UpdateQueue(1);
    private final Webhook webhook = new Webhook(updates);
    private final ChatLog chats = new ChatLog();
    private final FileStore files = new FileStore();
    private final TelegramLimits limits;
    private final BotApiMethods methods;
    private final AtomicLong callbackIds = new AtomicLong(1);
    private final Object release = new Object();
    private boolean holding;

    private BotApiEmulator(String token, int port, TimeMeter clock) throws IOException {
        this.token = token;
        this.limits = new TelegramLimits(clock);
        this.methods = new BotApiMethods(updates, chats, files, webhook, BotApiSpec.shared(), limits);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "bot-api-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts an emulator on 127.0.0.1; port 0 picks a free one. Only this token is accepted. */
    public static BotApiEmulator start(String token, int port) {
        return start(token, port, TimeMeter.SYSTEM_NANOTIME);
    }

    /** As {@link #start(String, int)}, with the clock Telegram's limits are counted by (a fake one in tests). */
    public static BotApiEmulator start(String token, int port, TimeMeter clock) {
        try {
            return new BotApiEmulator(token, port, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Bot API emulator on 127.0.0.1:" + port, e);
        }
    }

    /** The Bot API base URL to give the bot, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // --- what people do -------------------------------------------------------------------------------

    /** The user sends text in their private chat with the bot; returns the message id. */
    public int sendText(EmulatedUser user, String text) {
        return sendText(user, user.id(), text);
    }

    /** The user sends text in a chat: their private chat ({@code chatId == user.id()}) or a group. */
    public int sendText(EmulatedUser user, long chatId, String text) {
        ObjectNode message = userMessage(user, chatId);
        message.put("text", text);
        if (text.startsWith("/")) {
            int length = text.split("\\s", 2)[0].length();
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", length);
        }
        return enqueue(user, message, null, null);
    }

    /**
     * A text with the entities given as JSON (e.g. {@code [{"type":"bold","offset":0,"length":50}]}), also ones
     * Telegram itself would never send but a modified client can.
     */
    public int sendText(EmulatedUser user, String text, String entitiesJson) {
        ObjectNode message = userMessage(user, user.id());
        message.put("text", text);
        try {
            message.set("entities", JSON.readTree(entitiesJson));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("entities must be JSON", e);
        }
        return enqueue(user, message, null, null);
    }

    /**
     * The user replies (Telegram's "reply") to a message in a chat. As Telegram does, the update carries the
     * replied-to message itself (sender, text or media), without that message's own reply.
     */
    public int sendReply(EmulatedUser user, long chatId, int replyToMessageId, String text) {
        ObjectNode message = userMessage(user, chatId);
        message.put("text", text);
        if (text.startsWith("/")) {
            int length = text.split("\\s", 2)[0].length();
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", length);
        }
        ObjectNode original = chats.userMessage(chatId, replyToMessageId).map(ObjectNode::deepCopy)
                .or(() -> chats.find(chatId, replyToMessageId).map(methods::messageJson))
                .orElseGet(() -> {
                    ObjectNode unknown = JSON.createObjectNode();
                    unknown.put("message_id", replyToMessageId).put("date", now());
                    unknown.set("chat", BotApiMethods.chatJson(chatId, "Chat"));
                    return unknown;
                });
        original.remove("reply_to_message");
        message.set("reply_to_message", original);
        return enqueue(user, message, null, null);
    }

    /**
     * Lets the bot write to a chat before anyone wrote there: a group it is a member of, or a person who has
     * started the bot.
     */
    public void openChat(long chatId) {
        chats.open(chatId);
    }

    /** The user blocks the bot: from now on Telegram refuses every message to them with 403. */
    public void block(EmulatedUser user) {
        chats.block(user.id());
    }

    public int sendSticker(EmulatedUser user) {
        ObjectNode message = userMessage(user, user.id());
        String fileId = files.put("sticker.webp", "image/webp", new byte[0]);
        message.putObject("sticker").put("file_id", fileId).put("file_unique_id", fileId).put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        return enqueue(user, message, "sticker", fileId);
    }

    public int sendPhoto(EmulatedUser user) {
        return sendPhoto(user, user.id(), new byte[0], "photo.jpg", "");
    }

    /** A photo (its bytes are kept, so the bot can copy it on) with an optional caption. */
    public int sendPhoto(EmulatedUser user, long chatId, byte[] bytes, String fileName, String caption) {
        ObjectNode message = userMessage(user, chatId);
        String fileId = files.put(fileName, "image/jpeg", bytes);
        message.putArray("photo").addObject().put("file_id", fileId).put("file_unique_id", fileId)
                .put("width", 800).put("height", 600).put("file_size", bytes.length);
        if (!caption.isEmpty()) {
            message.put("caption", caption);
        }
        return enqueue(user, message, "photo", fileId);
    }

    public int sendDocument(EmulatedUser user, long chatId, byte[] bytes, String fileName, String mimeType) {
        ObjectNode message = userMessage(user, chatId);
        String fileId = files.put(fileName, mimeType, bytes);
        message.putObject("document").put("file_id", fileId).put("file_unique_id", fileId)
                .put("file_name", fileName).put("mime_type", mimeType).put("file_size", bytes.length);
        return enqueue(user, message, "document", fileId);
    }

    public int sendVoice(EmulatedUser user) {
        ObjectNode message = userMessage(user, user.id());
        String fileId = files.put("voice.ogg", "audio/ogg", new byte[0]);
        message.putObject("voice").put("file_id", fileId).put("file_unique_id", fileId).put("duration", 3);
        return enqueue(user, message, "voice", fileId);
    }

    /** The user edits a message they sent earlier in their private chat. */
    public void editText(EmulatedUser user, int messageId, String newText) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", userJson(user));
        message.set("chat", BotApiMethods.chatJson(user.id(), user.firstName()));
        message.put("date", now()).put("edit_date", now()).put("text", newText);
        ObjectNode update = JSON.createObjectNode();
        update.set("edited_message", message);
        updates.add(update);
    }

    /** The user presses an inline button; returns the callback query id, to await its answer. */
    public String press(EmulatedUser user, BotMessage message, String callbackData) {
        String id = String.valueOf(callbackIds.getAndIncrement());
        chats.openCallback(id, message.chatId());
        ObjectNode query = JSON.createObjectNode();
        query.put("id", id);
        query.set("from", userJson(user));
        query.set("message", methods.messageJson(message));
        query.put("chat_instance", String.valueOf(message.chatId()));
        query.put("data", callbackData);
        ObjectNode update = JSON.createObjectNode();
        update.set("callback_query", query);
        updates.add(update);
        return id;
    }

    // --- what the bot did ---------------------------------------------------------------------------------

    public List<BotMessage> botMessages(long chatId) {
        return chats.botMessages(chatId);
    }

    public List<BotMessage> awaitBotMessages(long chatId, int count, Duration timeout) {
        return chats.awaitBotMessages(chatId, count, timeout);
    }

    public BotMessage awaitBotMessage(long chatId, Predicate<BotMessage> condition, Duration timeout) {
        return chats.awaitBotMessage(chatId, condition, timeout);
    }

    /** The toast the bot showed for a button press (empty if it answered without text). */
    public Optional<String> awaitCallbackAnswer(String callbackId, Duration timeout) {
        return chats.awaitCallbackAnswer(callbackId, timeout);
    }

    public List<String> chatActions(long chatId) {
        return chats.chatActions(chatId);
    }

    /** The command menu the bot registered for a language ("" for the default). */
    public List<String> commands(String languageCode) {
        return methods.commands(languageCode);
    }

    /** Everything after event {@code seq} in all chats, waiting up to {@code timeout} if there is nothing yet. */
    public List<ChatEvent> events(long seq, Duration timeout) throws InterruptedException {
        return chats.eventsAfter(seq, timeout);
    }

    /** A file someone sent, as name, MIME type and bytes. */
    public Optional<StoredFile> file(String fileId) {
        return files.get(fileId).map(f -> new StoredFile(f.name(), f.mimeType(), f.bytes()));
    }

    public record StoredFile(String name, String mimeType, byte[] bytes) {
    }

    /** Makes the next calls of a method fail as Telegram would: 429 with retry_after, 5xx, 403. */
    public void failNext(String method, int code, int retryAfterSeconds, int times) {
        methods.failNext(method, code, retryAfterSeconds, times);
    }

    /**
     * Telegram-strict mode: messages over Telegram's limits (30 a second, one a second per private chat after a
     * short burst, 20 a minute per group) are refused with 429 and retry_after, as Telegram does; counted as
     * buckets ({@code true}: {@link Limits#BUCKET}).
     */
    public void enforceLimits(boolean on) {
        enforceLimits(on ? Limits.BUCKET : Limits.NONE);
    }

    /** Applies Telegram's limits on messages as buckets or as strict sliding windows, or not at all. */
    public void enforceLimits(Limits mode) {
        limits.enforce(mode);
    }

    /**
     * The latest calls refused as Telegram refuses them (400 Bad Request, 404 Not Found), oldest first, as
     * "method: description"; planned failures and 429s are not among them.
     */
    public List<String> refusals() {
        return methods.refusals();
    }

    /** How many messages were refused with 429 for being over a limit. */
    public long tooManyRequests() {
        return limits.refused();
    }

    /** When the bot first called a Bot API method (System.nanoTime), if it has. */
    public java.util.OptionalLong firstCall(String method) {
        return methods.firstCall(method);
    }

    /** How often the bot called a Bot API method. */
    public long calls(String method) {
        return methods.calls(method);
    }

    /**
     * While on, messages the bot sends are taken (they appear in the chat) but the answers to its calls are
     * held back, as when Telegram took a message and the connection broke before the bot heard so.
     */
    public void holdResponses(boolean on) {
        synchronized (release) {
            holding = on;
            release.notifyAll();
        }
    }

    private void awaitRelease() {
        synchronized (release) {
            while (holding) {
                try {
                    release.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Groups the bot left. */
    public java.util.Set<Long> leftChats() {
        return methods.leftChats();
    }

    /** Webhook deliveries the bot did not answer with 2xx; each was sent again. */
    public long webhookRefusals() {
        return webhook.refused();
    }

    /** How many updates the bot has not confirmed yet. */
    public int pendingUpdates() {
        return updates.size();
    }

    @Override
    public void close() {
        webhook.close();
        holdResponses(false);
        updates.wakeUp();
        server.stop(0);
        threads.shutdownNow();
    }

    // --- HTTP ---------------------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            BotApiMethods.Answer answer;
            if (path.length != 3 || !path[1].equals("bot" + token)) {
                answer = BotApiMethods.Answer.error(path.length == 3 && path[1].startsWith("bot") ? 401 : 404,
                        path.length == 3 && path[1].startsWith("bot") ? "Unauthorized" : "Not Found");
            } else {
                answer = methods.call(path[2], RequestBody.read(exchange, files));
                if (methods.isMessageSend(path[2])) {
                    awaitRelease();
                }
            }
            byte[] body = JSON.writeValueAsBytes(answer.json());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ObjectNode userMessage(EmulatedUser user, long chatId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", chats.nextMessageId(chatId));
        message.set("from", userJson(user));
        message.set("chat", BotApiMethods.chatJson(chatId, chatId == user.id() ? user.firstName() : "Group"));
        message.put("date", now());
        return message;
    }

    private int enqueue(EmulatedUser user, ObjectNode message, String media, String fileId) {
        long chatId = message.path("chat").path("id").asLong();
        int messageId = message.get("message_id").asInt();
        String text = message.path(message.has("text") ? "text" : "caption").asText("");
        chats.addUserMessage(chatId, messageId, message, new ChatEvent(0, "message", chatId, messageId,
                user.firstName(), false, text, null, media, fileId, List.of(),
                message.path("reply_to_message").path("message_id").asInt(0)));
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        updates.add(update);
        return messageId;
    }

    private static ObjectNode userJson(EmulatedUser user) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", user.id()).put("is_bot", false).put("first_name", user.firstName());
        if (user.languageCode() != null) {
            json.put("language_code", user.languageCode());
        }
        return json;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

}

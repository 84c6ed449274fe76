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
 * texts, stickers and photos, edit messages and press buttons, and watch what the bot answers. A group can be made a
 * forum ({@link #makeForum}), where people write in topics and manage them by hand, and the bot's rights in a group
 * are set with {@link #setBotRights}.
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

    /** The General topic's id in every forum. Its messages carry no message_thread_id. */
    public static final int GENERAL_TOPIC = 1;

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
    private final Groups groups = new Groups();
    private final Forums forums = new Forums(chats, groups);
    private final FileStore files = new FileStore();
    private final TelegramLimits limits;
    private final BotApiMethods methods;
    private final AtomicLong callbackIds = new AtomicLong(1);
    private final Object release = new Object();
    private boolean holding;

    private BotApiEmulator(String token, int port, TimeMeter clock) throws IOException {
        this.token = token;
        this.limits = new TelegramLimits(clock);
        this.methods = new BotApiMethods(updates, chats, groups, forums, files, webhook, BotApiSpec.shared(), limits);
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
        return sendText(user, chatId, 0, text);
    }

    /**
     * The user sends text in a forum topic ({@link #GENERAL_TOPIC} or 0: General; 0 outside forums). A closed
     * topic takes messages only from its creator, as Telegram's apps allow.
     */
    public int sendText(EmulatedUser user, long chatId, int threadId, String text) {
        ObjectNode message = userMessage(user, chatId, threadId);
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
        ObjectNode message = userMessage(user, user.id(), 0);
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
     * replied-to message itself (sender, text or media), without that message's own reply; in a forum the reply
     * goes to the replied-to message's topic.
     */
    public int sendReply(EmulatedUser user, long chatId, int replyToMessageId, String text) {
        int threadId = chats.userMessage(chatId, replyToMessageId).map(m -> m.path("message_thread_id").asInt(0))
                .or(() -> chats.find(chatId, replyToMessageId).map(BotMessage::threadId)).orElse(0);
        ObjectNode message = userMessage(user, chatId, threadId);
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
                    unknown.set("chat", forums.chatJson(chatId, "Chat"));
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
        ObjectNode message = userMessage(user, user.id(), 0);
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
        return sendPhoto(user, chatId, 0, bytes, fileName, caption);
    }

    /** A photo in a forum topic (see {@link #sendText(EmulatedUser, long, int, String)}). */
    public int sendPhoto(EmulatedUser user, long chatId, int threadId, byte[] bytes, String fileName, String caption) {
        ObjectNode message = userMessage(user, chatId, threadId);
        String fileId = files.put(fileName, "image/jpeg", bytes);
        message.putArray("photo").addObject().put("file_id", fileId).put("file_unique_id", fileId)
                .put("width", 800).put("height", 600).put("file_size", bytes.length);
        if (!caption.isEmpty()) {
            message.put("caption", caption);
        }
        return enqueue(user, message, "photo", fileId);
    }

    public int sendDocument(EmulatedUser user, long chatId, byte[] bytes, String fileName, String mimeType) {
        return sendDocument(user, chatId, 0, bytes, fileName, mimeType);
    }

    /** A document in a forum topic (see {@link #sendText(EmulatedUser, long, int, String)}). */
    public int sendDocument(EmulatedUser user, long chatId, int threadId, byte[] bytes, String fileName,
                            String mimeType) {
        ObjectNode message = userMessage(user, chatId, threadId);
        String fileId = files.put(fileName, mimeType, bytes);
        message.putObject("document").put("file_id", fileId).put("file_unique_id", fileId)
                .put("file_name", fileName).put("mime_type", mimeType).put("file_size", bytes.length);
        return enqueue(user, message, "document", fileId);
    }

    public int sendVoice(EmulatedUser user) {
        ObjectNode message = userMessage(user, user.id(), 0);
        String fileId = files.put("voice.ogg", "audio/ogg", new byte[0]);
        message.putObject("voice").put("file_id", fileId).put("file_unique_id", fileId).put("duration", 3);
        return enqueue(user, message, "voice", fileId);
    }

    /** The user edits a message they sent earlier in their private chat. */
    public void editText(EmulatedUser user, int messageId, String newText) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", userJson(user));
        message.set("chat", forums.chatJson(user.id(), user.firstName()));
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

    // --- groups and their topics -------------------------------------------------------------------------

    /**
     * The group becomes a forum (its owner turned topics on), with its General topic; the bot may write there
     * from now on. A group that is a forum already stays as it is.
     */
    public void makeForum(long chatId) {
        if (chatId > 0) {
            throw new IllegalArgumentException("only a group can be a forum");
        }
        if (groups.makeForum(chatId)) {
            chats.openForum(chatId);
        }
    }

    public boolean isForum(long chatId) {
        return groups.isForum(chatId);
    }

    /** The bot's standing in a group: {@link BotRights#MEMBER} (the default) or an administrator with rights. */
    public void setBotRights(long chatId, BotRights rights) {
        groups.setRights(chatId, rights);
    }

    public BotRights botRights(long chatId) {
        return groups.rights(chatId);
    }

    /** A forum's topics as they are now, General first; empty for a chat that is no forum. */
    public List<Topic> topics(long chatId) {
        return groups.topics(chatId);
    }

    public Optional<Topic> topic(long chatId, int threadId) {
        return groups.topic(chatId, threadId);
    }

    /** A person creates a topic; the bot gets the forum_topic_created service message. Returns its thread id. */
    public int createTopic(EmulatedUser user, long chatId, String name) {
        if (!groups.isForum(chatId)) {
            throw new IllegalArgumentException("chat " + chatId + " is not a forum");
        }
        String clean = Forums.cleanName(name);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        Topic topic = forums.create(chatId, userJson(user), user.id(), clean, Groups.ICON_COLORS.get(0),
                null);
        updates.add(update(groups.createdMessage(chatId, topic.threadId()).orElseThrow()));
        return topic.threadId();
    }

    /** A person (an administrator) closes a topic; the bot gets the forum_topic_closed service message. */
    public void closeTopic(EmulatedUser user, long chatId, int threadId) {
        toggleTopic(user, chatId, threadId, true);
    }

    /** A person (an administrator) reopens a topic; the bot gets the forum_topic_reopened service message. */
    public void reopenTopic(EmulatedUser user, long chatId, int threadId) {
        toggleTopic(user, chatId, threadId, false);
    }

    /**
     * A person (an administrator) deletes a topic, and with it every message in it. Telegram tells the bot
     * nothing; its next message there is refused with "message thread not found".
     */
    public void deleteTopic(EmulatedUser user, long chatId, int threadId) {
        Topic topic = existingTopic(chatId, threadId);
        if (topic.isGeneral()) {
            throw new IllegalArgumentException("the General topic cannot be deleted");
        }
        forums.remove(chatId, threadId);
    }

    private void toggleTopic(EmulatedUser user, long chatId, int threadId, boolean close) {
        Topic topic = existingTopic(chatId, threadId);
        if (topic.closed() == close) {
            throw new IllegalArgumentException("topic " + threadId + " is " + (close ? "closed" : "open") + " already");
        }
        forums.setClosed(chatId, topic, close);
        ObjectNode message = forums.serviceMessage(chatId, chats.nextMessageId(chatId), threadId,
                userJson(user), close ? "forum_topic_closed" : "forum_topic_reopened", JSON.createObjectNode());
        updates.add(update(message));
    }

    private Topic existingTopic(long chatId, int threadId) {
        return groups.topic(chatId, threadId).orElseThrow(() -> new IllegalArgumentException("chat " + chatId
                + " has no topic " + threadId));
    }

    /** The thread a person's message goes to: 0 outside forums and for General; a topic they may write in. */
    private int threadFor(EmulatedUser user, long chatId, int threadId) {
        if (!groups.isForum(chatId)) {
            if (threadId != 0) {
                throw new IllegalArgumentException("chat " + chatId + " is not a forum");
            }
            return 0;
        }
        Topic topic = existingTopic(chatId, threadId == 0 ? GENERAL_TOPIC : threadId);
        if (topic.closed() && topic.creatorId() != user.id()) {
            throw new IllegalArgumentException("the topic is closed");
        }
        return topic.isGeneral() ? 0 : topic.threadId();
    }

    // --- what the bot did ---------------------------------------------------------------------------------

    public List<BotMessage> botMessages(long chatId) {
        return chats.botMessages(chatId);
    }

    public List<BotMessage> awaitBotMessages(long chatId, int count, Duration timeout) {
        return chats.awaitBotMessages(chatId, count, timeout);
    }

    /** The bot's messages in a forum topic ({@link #GENERAL_TOPIC} or 0: General). */
    public List<BotMessage> botMessages(long chatId, int threadId) {
        return chats.botMessages(chatId, threadId == GENERAL_TOPIC ? 0 : threadId);
    }

    /** Waits until a forum topic has at least {@code count} bot messages; returns the topic's. */
    public List<BotMessage> awaitBotMessages(long chatId, int threadId, int count, Duration timeout) {
        return chats.awaitBotMessages(chatId, threadId == GENERAL_TOPIC ? 0 : threadId, count, timeout);
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

    /** A person's message in a chat and, in a forum, a topic (see {@link Forums#inThread}). */
    private ObjectNode userMessage(EmulatedUser user, long chatId, int threadId) {
        int thread = threadFor(user, chatId, threadId);
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", chats.nextMessageId(chatId));
        message.set("from", userJson(user));
        message.set("chat", forums.chatJson(chatId, chatId == user.id() ? user.firstName() : "Group"));
        message.put("date", now());
        if (thread != 0) {
            message.put("message_thread_id", thread); // the rest of a topic's marks come in enqueue
        }
        return message;
    }

    private int enqueue(EmulatedUser user, ObjectNode message, String media, String fileId) {
        long chatId = message.path("chat").path("id").asLong();
        int messageId = message.get("message_id").asInt();
        String text = message.path(message.has("text") ? "text" : "caption").asText("");
        int replyTo = message.path("reply_to_message").path("message_id").asInt(0);
        int threadId = message.path("message_thread_id").asInt(0);
        forums.inThread(message, chatId, threadId);
        chats.addUserMessage(chatId, messageId, message, new ChatEvent(0, "message", chatId, messageId,
                user.firstName(), false, text, null, media, fileId, List.of(), replyTo, threadId));
        updates.add(update(message));
        return messageId;
    }

    private static ObjectNode update(ObjectNode message) {
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return update;
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

package org.relohelp.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Bot API methods the bot uses. Every call is first checked against Telegram's description of the Bot API
 * ({@link BotApiConformance}: unknown methods and parameters, missing ones, wrong types, texts over their limits,
 * unparsable HTML); then come Telegram's own checks: unknown chats, edits that change nothing, button presses
 * answered twice, forum topics ({@link Forums}). Every method returns {@code {"ok":true,"result":...}} or
 * {@code {"ok":false,...}}.
 */
final class BotApiMethods {

    static final long BOT_ID = 7_000_000_001L;
    private static final int MAX_REFUSALS = 1_000;

    private final UpdateQueue updates;
    private final ChatLog chats;
    private final Groups groups;
    private final Forums forums;
    private final FileStore files;
    private final Webhook webhook;
    private final CompletableFuture<BotApiSpec> spec;
    private final TelegramLimits limits;
    private final Map<String, List<String>> commands = new ConcurrentHashMap<>();
    private final Map<String, java.util.Deque<Answer>> failures = new ConcurrentHashMap<>();
    private final java.util.Set<Long> left = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> firstCalls = new ConcurrentHashMap<>();
    private final java.util.Deque<String> refusals = new java.util.ArrayDeque<>();
    private final Map<String, java.util.concurrent.atomic.LongAdder> callCounts = new ConcurrentHashMap<>();

    BotApiMethods(UpdateQueue updates, ChatLog chats, Groups groups, Forums forums, FileStore files, Webhook webhook,
                  CompletableFuture<BotApiSpec> spec, TelegramLimits limits) {
        this.updates = updates;
        this.chats = chats;
        this.groups = groups;
        this.forums = forums;
        this.files = files;
        this.webhook = webhook;
        this.spec = spec;
        this.limits = limits;
    }

    record Answer(int status, ObjectNode json) {
        static Answer ok(JsonNode result) {
            ObjectNode json = BotApiEmulator.JSON.createObjectNode().put("ok", true);
            json.set("result", result);
            return new Answer(200, json);
        }

        static Answer ok(boolean result) {
            return ok(BotApiEmulator.JSON.getNodeFactory().booleanNode(result));
        }

        static Answer error(int code, String description) {
            return new Answer(code, BotApiEmulator.JSON.createObjectNode().put("ok", false).put("error_code", code)
                    .put("description", description));
        }
    }

    Answer call(String method, RequestBody request) {
        Answer answer = answer(method, request);
        if (answer.status() == 400 || answer.status() == 404) {
            synchronized (refusals) {
                String name = spec.join().method(method).map(BotApiSpec.Definition::name).orElse(method);
                refusals.addLast(name + ": " + answer.json().path("description").asText());
                if (refusals.size() > MAX_REFUSALS) {
                    refusals.removeFirst();
                }
            }
        }
        return answer;
    }

    /** The latest calls refused with 400 or 404, oldest first, as "method: description". */
    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    private Answer answer(String method, RequestBody request) {
        String name = method.toLowerCase(Locale.ROOT);
        firstCalls.putIfAbsent(name, System.nanoTime());
        callCounts.computeIfAbsent(name, n -> new java.util.concurrent.atomic.LongAdder()).increment();
        BotApiSpec api = spec.join();
        BotApiSpec.Definition definition = api.method(name).orElse(null);
        if (definition == null) {
            return Answer.error(404, "Not Found: method not found");
        }
        ObjectNode params = request.params();
        try {
            new BotApiConformance(api).check(definition, params, request.uploads());
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        }
        if (api.isMessageSend(name)) {
            int retryAfter = limits.retryAfter(params.path("chat_id").asLong(0));
            if (retryAfter > 0) {
                return tooManyRequests(retryAfter);
            }
        }
        java.util.Deque<Answer> planned = failures.get(name);
        Answer failure = planned == null ? null : planned.poll();
        if (failure != null) {
            return failure;
        }
        try {
            return switch (name) {
                case "getme" -> Answer.ok(meJson());
                case "getchat" -> Answer.ok(chatFullInfo(knownChat(params)));
                case "getchatmember" -> Answer.ok(chatMember(knownChat(params), params.path("user_id").asLong()));
                case "deletemycommands" -> Answer.ok(true);
                case "deletewebhook" -> {
                    webhook.delete();
                    yield Answer.ok(true);
                }
                case "setwebhook" -> {
                    webhook.set(params.path("url").asText(""), params.path("secret_token").asText(""));
                    yield Answer.ok(true);
                }
                case "getupdates" -> webhook.active()
                        ? Answer.error(409, "Conflict: can't use getUpdates method while webhook is active; "
                                + "use deleteWebhook to delete the webhook first")
                        : getUpdates(params);
                case "sendmessage" -> sendMessage(params);
                case "editmessagetext" -> editMessage(params, true);
                case "editmessagereplymarkup" -> editMessage(params, false);
                case "answercallbackquery" -> answerCallbackQuery(params);
                case "setmycommands" -> setMyCommands(params);
                case "sendchataction" -> sendChatAction(params);
                case "sendphoto" -> sendFile(params, "photo");
                case "senddocument" -> sendFile(params, "document");
                case "copymessage" -> copyMessage(params);
                case "deletemessage" -> Answer.ok(chats.delete(knownChat(params), params.path("message_id").asInt()));
                case "leavechat" -> {
                    left.add(Long.parseLong(params.path("chat_id").asText("0")));
                    yield Answer.ok(true);
                }
                case "createforumtopic" -> Answer.ok(forums.createForumTopic(knownChat(params), params));
                case "editforumtopic" -> {
                    forums.editForumTopic(knownChat(params), params.path("message_thread_id").asInt(), params);
                    yield Answer.ok(true);
                }
                case "editgeneralforumtopic" -> {
                    forums.editForumTopic(knownChat(params), BotApiEmulator.GENERAL_TOPIC, params);
                    yield Answer.ok(true);
                }
                case "closeforumtopic", "reopenforumtopic" -> {
                    forums.closeForumTopic(knownChat(params), params.path("message_thread_id").asInt(),
                            name.startsWith("close"));
                    yield Answer.ok(true);
                }
                case "closegeneralforumtopic", "reopengeneralforumtopic" -> {
                    forums.closeForumTopic(knownChat(params), BotApiEmulator.GENERAL_TOPIC, name.startsWith("close"));
                    yield Answer.ok(true);
                }
                case "deleteforumtopic" -> {
                    forums.deleteForumTopic(knownChat(params), params.path("message_thread_id").asInt());
                    yield Answer.ok(true);
                }
                case "getforumtopiciconstickers" -> Answer.ok(forums.iconStickers());
                default -> Answer.error(400, "Bad Request: " + definition.name() + " is a Bot API method the "
                        + "emulator does not implement");
            };
        } catch (Blocked e) {
            return Answer.error(403, "Forbidden: bot was blocked by the user");
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.error(500, "Internal Server Error");
        }
    }

    /** The calls that put a new message into a chat, the ones Telegram's limits count. */
    boolean isMessageSend(String method) {
        return spec.join().isMessageSend(method);
    }

    static Answer tooManyRequests(int retryAfter) {
        Answer answer = Answer.error(429, "Too Many Requests: retry after " + retryAfter);
        answer.json().putObject("parameters").put("retry_after", retryAfter);
        return answer;
    }

    /** When a method was first called (System.nanoTime), if it was. */
    java.util.OptionalLong firstCall(String method) {
        Long at = firstCalls.get(method.toLowerCase(Locale.ROOT));
        return at == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(at);
    }

    long calls(String method) {
        var count = callCounts.get(method.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.sum();
    }

    /** The next {@code times} calls of the method fail with this code (429 carries retry_after). */
    void failNext(String method, int code, int retryAfter, int times) {
        java.util.Deque<Answer> queue = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT),
                m -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(code == 429 ? tooManyRequests(retryAfter)
                    : Answer.error(code, code >= 500 ? "Bad Gateway" : "Forbidden"));
        }
    }

    java.util.Set<Long> leftChats() {
        return java.util.Set.copyOf(left);
    }

    List<String> commands(String languageCode) {
        return commands.getOrDefault(languageCode, List.of());
    }

    private Answer getUpdates(ObjectNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        long timeout = Math.min(params.path("timeout").asLong(0), 50);
        ArrayNode result = BotApiEmulator.JSON.createArrayNode();
        updates.poll(offset, limit, timeout * 1000).forEach(result::add);
        return Answer.ok(result);
    }

    private Answer sendMessage(ObjectNode params) {
        long chatId = knownChat(params);
        int threadId = forums.threadToWrite(chatId, params);
        String html = params.path("text").asText("");
        String text = plainText(html, params);
        BotMessage message = new BotMessage(chatId, chats.nextMessageId(chatId), text, html,
                buttons(params.get("reply_markup")), 0, null, null, threadId);
        return Answer.ok(messageJson(chats.addBotMessage(message)));
    }

    /** A photo or document by file id (of a file the emulator holds) or uploaded in a multipart body. */
    private Answer sendFile(ObjectNode params, String kind) {
        long chatId = knownChat(params);
        int threadId = forums.threadToWrite(chatId, params);
        String fileId = params.path(kind).asText("");
        if (fileId.startsWith("attach://")) {
            // an upload travels in the part named after "attach://"
            fileId = params.path(fileId.substring("attach://".length())).asText("");
        }
        if (files.get(fileId).isEmpty()) {
            throw new IllegalArgumentException("Bad Request: wrong file identifier/HTTP URL specified");
        }
        String caption = params.path("caption").asText("");
        String text = plainText(caption, params);
        BotMessage message = new BotMessage(chatId, chats.nextMessageId(chatId), text, caption,
                buttons(params.get("reply_markup")), 0, kind, fileId, threadId);
        return Answer.ok(messageJson(chats.addBotMessage(message)));
    }

    /** Copies a person's or the bot's message, text or file, without a link to the original. */
    private Answer copyMessage(ObjectNode params) {
        long chatId = knownChat(params);
        long fromChat = Long.parseLong(params.path("from_chat_id").asText("0"));
        int messageId = params.path("message_id").asInt();
        java.util.Optional<ObjectNode> person = chats.userMessage(fromChat, messageId);
        java.util.Optional<BotMessage> bot = chats.find(fromChat, messageId);
        if (person.isEmpty() && bot.isEmpty()) {
            throw new IllegalArgumentException("Bad Request: message to copy not found");
        }
        // as in Telegram, the message to copy is looked for before the topic it goes to
        int threadId = forums.threadToWrite(chatId, params);
        BotMessage copy = person.map(original -> copyOf(original, chatId, threadId)).orElseGet(() -> new BotMessage(
                chatId, chats.nextMessageId(chatId), bot.get().text(), bot.get().html(), List.of(), 0,
                bot.get().media(), bot.get().fileId(), threadId));
        if (params.hasNonNull("caption") && copy.media() != null) {
            String caption = params.get("caption").asText();
            copy = new BotMessage(copy.chatId(), copy.messageId(),
                    plainText(caption, params), caption, List.of(), 0,
                    copy.media(), copy.fileId(), threadId);
        }
        chats.addBotMessage(copy);
        return Answer.ok(BotApiEmulator.JSON.createObjectNode().put("message_id", copy.messageId()));
    }

    private BotMessage copyOf(ObjectNode original, long chatId, int threadId) {
        String media = null;
        String fileId = null;
        for (String kind : List.of("photo", "document", "sticker", "voice")) {
            JsonNode node = original.get(kind);
            if (node != null) {
                media = kind;
                fileId = (node.isArray() ? node.get(node.size() - 1) : node).path("file_id").asText();
            }
        }
        String text = original.path(original.has("text") ? "text" : "caption").asText("");
        return new BotMessage(chatId, chats.nextMessageId(chatId), text, escape(text), List.of(), 0, media, fileId,
                threadId);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private Answer editMessage(ObjectNode params, boolean withText) {
        long chatId = knownChat(params);
        int messageId = params.path("message_id").asInt();
        BotMessage before = chats.find(chatId, messageId)
                .orElseThrow(() -> new IllegalArgumentException("Bad Request: message to edit not found"));
        String html = withText ? params.path("text").asText("") : before.html();
        String text = withText ? plainText(html, params) : before.text();
        List<List<BotMessage.InlineButton>> buttons = buttons(params.get("reply_markup"));
        if (text.equals(before.text()) && buttons.equals(before.buttons())) {
            throw new IllegalArgumentException("Bad Request: message is not modified: specified new message content "
                    + "and reply markup are exactly the same as a current content and reply markup of the message");
        }
        BotMessage after = before.edited(text, html, buttons);
        chats.replace(after);
        return Answer.ok(messageJson(after));
    }

    private Answer answerCallbackQuery(ObjectNode params) {
        String text = params.hasNonNull("text") ? params.get("text").asText() : null;
        if (!chats.answerCallback(params.path("callback_query_id").asText(), text)) {
            throw new IllegalArgumentException("Bad Request: query is too old and response timeout expired or query "
                    + "ID is invalid");
        }
        return Answer.ok(true);
    }

    private Answer setMyCommands(ObjectNode params) {
        JsonNode list = json(params.get("commands"));
        List<String> names = new ArrayList<>();
        list.forEach(c -> names.add(c.path("command").asText() + " - " + c.path("description").asText()));
        commands.put(params.path("language_code").asText(""), List.copyOf(names));
        return Answer.ok(true);
    }

    private Answer sendChatAction(ObjectNode params) {
        long chatId = knownChat(params);
        chats.addChatAction(chatId, forums.actionThread(chatId, params), params.path("action").asText());
        return Answer.ok(true);
    }

    /** ChatFullInfo: what the bot may know of a chat, among it whether a group is a forum. */
    private ObjectNode chatFullInfo(long chatId) {
        ObjectNode chat = forums.chatJson(chatId, chatId > 0 ? chats.person(chatId)
                .map(p -> p.path("first_name").asText()).orElse("Chat") : "Group");
        chat.put("accent_color_id", 0).put("max_reaction_count", 11);
        chat.putObject("accepted_gift_types").put("unlimited_gifts", false).put("limited_gifts", false)
                .put("unique_gifts", false).put("premium_subscription", false).put("gifts_from_channels", false);
        return chat;
    }

    /**
     * The bot's own standing in a chat (a member, or an administrator with its rights: {@link BotRights}), or a
     * person's: a member where they wrote, otherwise left; someone the emulator never saw is not found.
     */
    private ObjectNode chatMember(long chatId, long userId) {
        if (userId <= 0) {
            throw new IllegalArgumentException("Bad Request: invalid user_id specified");
        }
        ObjectNode member = BotApiEmulator.JSON.createObjectNode();
        if (userId == BOT_ID) {
            member.set("user", botJson());
            BotRights rights = chatId < 0 ? groups.rights(chatId) : BotRights.MEMBER;
            if (!rights.administrator()) {
                return member.put("status", "member");
            }
            member.put("status", "administrator").put("can_be_edited", false).put("is_anonymous", false)
                    .put("can_manage_chat", true);
            for (BotRights.Right right : BotRights.Right.values()) {
                member.put(right.field(), rights.can(right));
            }
            return member;
        }
        ObjectNode person = chats.person(userId)
                .orElseThrow(() -> new IllegalArgumentException("Bad Request: user not found"));
        member.set("user", person);
        return member.put("status", chatId == userId || chats.wroteIn(chatId, userId) ? "member" : "left");
    }

    private long knownChat(ObjectNode params) {
        long chatId;
        try {
            chatId = Long.parseLong(params.path("chat_id").asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad Request: chat not found");
        }
        if (!chats.knows(chatId)) {
            throw new IllegalArgumentException("Bad Request: chat not found");
        }
        if (chats.blocked(chatId)) {
            throw new Blocked();
        }
        return chatId;
    }

    /** The person behind the chat blocked the bot: Telegram answers 403. */
    private static final class Blocked extends RuntimeException {
    }

    /** The text people see: HTML parsed (checked before, see BotApiConformance), trimmed as Telegram trims. */
    private static String plainText(String text, ObjectNode params) {
        return params.path("parse_mode").asText("").equalsIgnoreCase("html") ? TelegramHtmlCheck.toPlainText(text)
                : text.strip();
    }

    private static List<List<BotMessage.InlineButton>> buttons(JsonNode markup) {
        List<List<BotMessage.InlineButton>> rows = new ArrayList<>();
        for (JsonNode row : json(markup).path("inline_keyboard")) {
            List<BotMessage.InlineButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                String data = button.hasNonNull("callback_data") ? button.get("callback_data").asText() : null;
                buttons.add(new BotMessage.InlineButton(button.get("text").asText(), data,
                        button.hasNonNull("url") ? button.get("url").asText() : null));
            }
            rows.add(List.copyOf(buttons));
        }
        return List.copyOf(rows);
    }

    /** Form and multipart bodies carry nested objects as JSON strings (checked before, see BotApiConformance). */
    private static JsonNode json(JsonNode node) {
        if (node == null || node.isNull() || node.isTextual() && node.asText().isEmpty()) {
            return BotApiEmulator.JSON.createObjectNode();
        }
        if (node.isTextual()) {
            try {
                return BotApiEmulator.JSON.readTree(node.asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return node;
    }

    ObjectNode messageJson(BotMessage message) {
        ObjectNode json = BotApiEmulator.JSON.createObjectNode();
        json.put("message_id", message.messageId());
        json.set("from", botJson());
        json.set("chat", forums.chatJson(message.chatId(), "Chat"));
        json.put("date", BotApiEmulator.now());
        if (message.media() == null) {
            json.put("text", message.text());
        } else {
            ObjectNode file = BotApiEmulator.JSON.createObjectNode().put("file_id", message.fileId())
                    .put("file_unique_id", message.fileId());
            if (message.media().equals("photo")) {
                json.putArray("photo").add(file.put("width", 800).put("height", 600));
            } else {
                json.set(message.media(), file);
            }
            if (!message.text().isEmpty()) {
                json.put("caption", message.text());
            }
        }
        if (message.edits() > 0) {
            json.put("edit_date", BotApiEmulator.now());
        }
        if (!message.buttons().isEmpty()) {
            ArrayNode rows = json.putObject("reply_markup").putArray("inline_keyboard");
            for (List<BotMessage.InlineButton> row : message.buttons()) {
                ArrayNode jsonRow = rows.addArray();
                for (BotMessage.InlineButton button : row) {
                    ObjectNode b = jsonRow.addObject().put("text", button.text());
                    if (button.callbackData() != null) {
                        b.put("callback_data", button.callbackData());
                    }
                    if (button.url() != null) {
                        b.put("url", button.url());
                    }
                }
            }
        }
        return forums.inThread(json, message.chatId(), message.threadId());
    }

    static ObjectNode botJson() {
        return BotApiEmulator.JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true)
                .put("first_name", "Relohelp").put("username", "relohelp_bot");
    }

    /** getMe: the bot, with what only getMe tells (it reads all group messages: the emulator delivers them all). */
    private static ObjectNode meJson() {
        return botJson().put("can_join_groups", true).put("can_read_all_group_messages", true)
                .put("supports_inline_queries", false).put("supports_guest_queries", false)
                .put("can_connect_to_business", false).put("has_main_web_app", false)
                .put("has_topics_enabled", false).put("allows_users_to_create_topics", false)
                .put("can_manage_bots", false);
    }
}

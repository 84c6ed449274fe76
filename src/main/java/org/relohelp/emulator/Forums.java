package org.relohelp.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.relohelp.emulator.BotRights.Right;

/**
 * Forum topics as Telegram runs them, for the Bot API methods (createForumTopic, editForumTopic, closeForumTopic,
 * reopenForumTopic, deleteForumTopic, their General variants, getForumTopicIconStickers) and for what people do by
 * hand. Refusals use Telegram's words, read from the Bot API server and TDLib (tdlib/telegram-bot-api Client.cpp,
 * tdlib/td ForumTopicManager.cpp), whose rules these follow: the chat must be a forum; creating needs an
 * administrator with can_manage_topics; editing, closing and reopening need it too unless the bot created the topic;
 * deleting needs can_delete_messages unless the bot created it; a name is cleaned and cut to 128 characters, not
 * refused; a message may name an existing topic other than General, and a closed one only by its creator or an
 * administrator who manages topics.
 */
final class Forums {

    static final int MAX_NAME = 128;
    /** The custom emoji getForumTopicIconStickers offers (the emulator's own ids; Telegram's set is larger). */
    private static final String[][] ICONS = {{"5312536423851630001", "💡"}, {"5312241539987020022", "📰"},
            {"5309965701241379366", "❓"}, {"5377498341074542641", "✅"}};

    private final ChatLog chats;
    private final Groups groups;

    Forums(ChatLog chats, Groups groups) {
        this.chats = chats;
        this.groups = groups;
    }

    // --- the Bot API -------------------------------------------------------------------------------------------

    ObjectNode createForumTopic(long chatId, ObjectNode params) {
        requireForum(chatId);
        if (!groups.rights(chatId).can(Right.MANAGE_TOPICS)) {
            throw bad("not enough rights to create a topic");
        }
        String name = nonEmpty(cleanName(params.path("name").asText("")));
        int color = Groups.ICON_COLORS.get(0);
        if (params.hasNonNull("icon_color")) {
            color = params.get("icon_color").asInt();
            if (!Groups.ICON_COLORS.contains(color)) {
                throw bad("invalid icon color specified");
            }
        }
        String emoji = params.path("icon_custom_emoji_id").asText("");
        Topic topic = create(chatId, BotApiMethods.botJson(), BotApiMethods.BOT_ID, name, color,
                emoji.isEmpty() ? null : emoji);
        ObjectNode result = BotApiEmulator.JSON.createObjectNode().put("message_thread_id", topic.threadId())
                .put("name", topic.name()).put("icon_color", topic.iconColor());
        if (topic.iconCustomEmojiId() != null) {
            result.put("icon_custom_emoji_id", topic.iconCustomEmojiId());
        }
        return result;
    }

    /** editForumTopic, and editGeneralForumTopic with the General topic's id: an empty name keeps the name. */
    void editForumTopic(long chatId, int threadId, ObjectNode params) {
        Topic topic = manageable(chatId, threadId, "edit the topic", Right.MANAGE_TOPICS);
        String given = params.path("name").asText("");
        boolean newIcon = params.has("icon_custom_emoji_id") && !topic.isGeneral();
        if (given.isEmpty() && !newIcon) {
            return; // TDLib answers this itself, without asking Telegram
        }
        String name = given.isEmpty() ? topic.name() : nonEmpty(cleanName(given));
        String emoji = newIcon ? params.path("icon_custom_emoji_id").asText("") : topic.iconCustomEmojiId();
        Topic edited = topic.renamed(name, emoji == null || emoji.isEmpty() ? null : emoji);
        if (edited.equals(topic)) {
            throw bad("TOPIC_NOT_MODIFIED");
        }
        groups.replace(chatId, edited);
        chats.topicChanged(chatId, threadId, name);
    }

    /** closeForumTopic and reopenForumTopic, and their General variants. */
    void closeForumTopic(long chatId, int threadId, boolean closed) {
        Topic topic = manageable(chatId, threadId, "close or open the topic", Right.MANAGE_TOPICS);
        if (topic.closed() == closed) {
            throw bad("TOPIC_NOT_MODIFIED");
        }
        setClosed(chatId, topic, closed);
    }

    void deleteForumTopic(long chatId, int threadId) {
        Topic topic = manageable(chatId, threadId, "delete the topic", Right.DELETE_MESSAGES);
        if (topic.isGeneral()) {
            throw bad("TOPIC_ID_INVALID");
        }
        remove(chatId, threadId);
    }

    ArrayNode iconStickers() {
        ArrayNode stickers = BotApiEmulator.JSON.createArrayNode();
        for (String[] icon : ICONS) {
            stickers.addObject().put("file_id", "topic-icon-" + icon[0]).put("file_unique_id", "topic-icon-" + icon[0])
                    .put("type", "custom_emoji").put("width", 512).put("height", 512).put("is_animated", false)
                    .put("is_video", false).put("emoji", icon[1]).put("set_name", "Topics")
                    .put("custom_emoji_id", icon[0]);
        }
        return stickers;
    }

    /**
     * The topic a message goes to, from its message_thread_id, checked as Telegram checks it: ignored outside
     * forums, a private chat has no topics (the bot has no topic mode), General is written to without an id, a
     * topic must exist, and a closed one takes messages only from its creator or an administrator who manages
     * topics. Returns the message's thread id, 0 for none or General.
     */
    int threadToWrite(long chatId, ObjectNode params) {
        int threadId = Math.max(0, params.path("message_thread_id").asInt(0)); // a negative one is read as none
        if (chatId > 0 && threadId > 0) {
            throw bad("message thread not found");
        }
        if (!groups.isForum(chatId)) {
            return 0;
        }
        if (threadId == BotApiEmulator.GENERAL_TOPIC) {
            throw bad("message thread not found");
        }
        Topic topic = groups.topic(chatId, threadId == 0 ? BotApiEmulator.GENERAL_TOPIC : threadId)
                .orElseThrow(() -> bad("message thread not found"));
        if (topic.closed() && topic.creatorId() != BotApiMethods.BOT_ID
                && !groups.rights(chatId).can(Right.MANAGE_TOPICS)) {
            throw bad("TOPIC_CLOSED");
        }
        return threadId;
    }

    /** sendChatAction's topic: not checked by Telegram; 0 outside forums and for General. */
    int actionThread(long chatId, ObjectNode params) {
        int threadId = Math.max(0, params.path("message_thread_id").asInt(0));
        return groups.isForum(chatId) && threadId != BotApiEmulator.GENERAL_TOPIC ? threadId : 0;
    }

    // --- shared with what people do ----------------------------------------------------------------------------

    Topic create(long chatId, ObjectNode from, long creatorId, String name, int color, String emoji) {
        int threadId = chats.nextMessageId(chatId);
        Topic topic = new Topic(threadId, name, color, emoji, false, creatorId);
        ObjectNode created = BotApiEmulator.JSON.createObjectNode();
        created.put("name", name).put("icon_color", color);
        if (emoji != null) {
            created.put("icon_custom_emoji_id", emoji);
        }
        ObjectNode message = serviceMessage(chatId, threadId, threadId, from, "forum_topic_created", created);
        groups.add(chatId, topic, message);
        chats.topicChanged(chatId, threadId, name);
        return topic;
    }

    void setClosed(long chatId, Topic topic, boolean closed) {
        groups.replace(chatId, topic.closed(closed));
        chats.topicChanged(chatId, topic.threadId(), topic.name());
    }

    void remove(long chatId, int threadId) {
        chats.deleteThread(chatId, threadId);
        groups.remove(chatId, threadId);
        chats.topicChanged(chatId, threadId, "");
    }

    /** A service message in a topic (forum_topic_created, forum_topic_closed, ...), as Telegram shows it. */
    ObjectNode serviceMessage(long chatId, int messageId, int threadId, ObjectNode from, String field,
                              ObjectNode content) {
        ObjectNode message = BotApiEmulator.JSON.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", from);
        message.set("chat", chatJson(chatId, "Group"));
        message.put("date", BotApiEmulator.now());
        message.set(field, content);
        inThread(message, chatId, threadId == BotApiEmulator.GENERAL_TOPIC ? 0 : threadId);
        return message;
    }

    /**
     * Marks a message as one in a topic, as Telegram does: message_thread_id, is_topic_message, and — unless it
     * is a reply to something else — a reply to the message that created the topic. Nothing for 0 (no topic or
     * General).
     */
    ObjectNode inThread(ObjectNode message, long chatId, int threadId) {
        if (threadId == 0) {
            return message;
        }
        message.put("message_thread_id", threadId).put("is_topic_message", true);
        if (!message.has("reply_to_message")) {
            groups.createdMessage(chatId, threadId).ifPresent(created -> message.set("reply_to_message", created));
        }
        return message;
    }

    ObjectNode chatJson(long chatId, String name) {
        ObjectNode chat = BotApiEmulator.JSON.createObjectNode().put("id", chatId);
        if (chatId > 0) {
            chat.put("type", "private").put("first_name", name);
        } else {
            chat.put("type", "supergroup").put("title", name);
            if (groups.isForum(chatId)) {
                chat.put("is_forum", true);
            }
        }
        return chat;
    }

    /**
     * A topic name as Telegram keeps it (TDLib's clean_name): unusual spaces become spaces, the name is trimmed and
     * cut to 128 characters (Unicode code points), then runs of spaces and line breaks become one space.
     */
    static String cleanName(String name) {
        String spaced = name.replaceAll("[\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u2800\\u3000\\uFFFC]", " ")
                .strip();
        if (spaced.codePointCount(0, spaced.length()) > MAX_NAME) {
            spaced = spaced.substring(0, spaced.offsetByCodePoints(0, MAX_NAME));
        }
        String collapsed = spaced.replaceAll("[ \\n\\u00A0]+", " ").strip();
        return collapsed.replaceAll("[\\u200B-\\u200F\\u202E\\uFEFF]", "").isBlank() ? "" : collapsed;
    }

    // --- checks ----------------------------------------------------------------------------------------------

    /** The topic, if the bot may act on it: the chat is a forum, the id valid, the topic there, the right held. */
    private Topic manageable(long chatId, int threadId, String action, Right right) {
        requireForum(chatId);
        if (threadId <= 0) {
            throw bad("invalid forum topic identifier specified");
        }
        Topic topic = groups.topic(chatId, threadId).orElseThrow(() -> bad("TOPIC_ID_INVALID"));
        if (topic.creatorId() != BotApiMethods.BOT_ID && !groups.rights(chatId).can(right)) {
            throw bad("not enough rights to " + action);
        }
        return topic;
    }

    private void requireForum(long chatId) {
        if (!groups.isForum(chatId)) {
            throw bad("the chat is not a forum");
        }
    }

    private static String nonEmpty(String name) {
        if (name.isEmpty()) {
            throw bad("name must be non-empty");
        }
        return name;
    }

    private static IllegalArgumentException bad(String description) {
        return new IllegalArgumentException("Bad Request: " + description);
    }
}

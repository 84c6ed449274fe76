package org.relohelp.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Telegram keeps about groups besides their messages: the bot's standing in each (a plain member unless a test
 * says otherwise), whether a group is a forum, and a forum's topics, General first. A topic's id is the id of the
 * message that created it, and that message (forum_topic_created) is kept, because Telegram shows it as the message
 * every message in the topic replies to.
 */
final class Groups {

    /** The colours Telegram allows for a topic's icon; the first is the one a topic gets when none is given. */
    static final List<Integer> ICON_COLORS = List.of(0x6FB9F0, 0xFFD67E, 0xCB86DB, 0x8EEE98, 0xFF93B2, 0xFB6F5F);

    private final Map<Long, BotRights> rights = new HashMap<>();
    private final Map<Long, Map<Integer, Topic>> forums = new HashMap<>();
    private final Map<String, ObjectNode> createdMessages = new HashMap<>();

    synchronized BotRights rights(long chatId) {
        return rights.getOrDefault(chatId, BotRights.MEMBER);
    }

    synchronized void setRights(long chatId, BotRights standing) {
        rights.put(chatId, standing);
    }

    /** Turns topics on: the group gets its General topic. Nothing changes for a group that is a forum already. */
    synchronized boolean makeForum(long chatId) {
        if (forums.containsKey(chatId)) {
            return false;
        }
        Map<Integer, Topic> topics = new LinkedHashMap<>();
        topics.put(BotApiEmulator.GENERAL_TOPIC, new Topic(BotApiEmulator.GENERAL_TOPIC, "General", 0, null, false, 0));
        forums.put(chatId, topics);
        return true;
    }

    synchronized boolean isForum(long chatId) {
        return forums.containsKey(chatId);
    }

    synchronized Optional<Topic> topic(long chatId, int threadId) {
        return Optional.ofNullable(forums.getOrDefault(chatId, Map.of()).get(threadId));
    }

    /** The forum's topics, General first, then in the order they were created; empty for a chat that is no forum. */
    synchronized List<Topic> topics(long chatId) {
        return List.copyOf(forums.getOrDefault(chatId, Map.of()).values());
    }

    synchronized void add(long chatId, Topic topic, ObjectNode createdMessage) {
        forums.get(chatId).put(topic.threadId(), topic);
        createdMessages.put(chatId + "/" + topic.threadId(), createdMessage.deepCopy());
    }

    synchronized void replace(long chatId, Topic topic) {
        forums.get(chatId).replace(topic.threadId(), topic);
    }

    synchronized void remove(long chatId, int threadId) {
        forums.get(chatId).remove(threadId);
        createdMessages.remove(chatId + "/" + threadId);
    }

    /** The service message that created a topic, as Telegram shows it (a copy). */
    synchronized Optional<ObjectNode> createdMessage(long chatId, int threadId) {
        return Optional.ofNullable(createdMessages.get(chatId + "/" + threadId)).map(ObjectNode::deepCopy);
    }
}

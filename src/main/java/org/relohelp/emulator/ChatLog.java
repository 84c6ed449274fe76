package org.relohelp.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Everything that happened in the chats: message ids per chat (shared by people's and the bot's messages,
 * as in Telegram), the bot's messages with their current text and buttons, people's messages (for copying),
 * button answers, and the ordered event feed. Waiting methods let tests and the sandbox follow the bot
 * without sleeping blindly.
 */
final class ChatLog {

    private static final int MAX_EVENTS = 10_000;

    private final Map<Long, Integer> lastMessageId = new HashMap<>();
    private final Map<Long, List<BotMessage>> botMessages = new HashMap<>();
    private final Map<String, ObjectNode> userMessages = new HashMap<>();
    private final Map<Long, List<String>> chatActions = new HashMap<>();
    private final Map<String, Optional<String>> callbackAnswers = new HashMap<>();
    private final Map<String, Long> openCallbacks = new HashMap<>();
    private final Set<Long> knownChats = new HashSet<>();
    private final Set<Long> blockedChats = new HashSet<>();
    private final List<ChatEvent> events = new ArrayList<>();
    private long lastSeq;

    synchronized int nextMessageId(long chatId) {
        knownChats.add(chatId);
        return lastMessageId.merge(chatId, 1, Integer::sum);
    }

    synchronized void open(long chatId) {
        knownChats.add(chatId);
    }

    /**
     * The group became a forum: as in Telegram, where a supergroup's message 1 is the service message that began
     * it, id 1 is never a message of its own, so that it can be the General topic's id.
     */
    synchronized void openForum(long chatId) {
        knownChats.add(chatId);
        lastMessageId.merge(chatId, BotApiEmulator.GENERAL_TOPIC, Math::max);
        topicChanged(chatId, BotApiEmulator.GENERAL_TOPIC, "General");
    }

    /** A forum's topic was created, renamed, closed, reopened or deleted. */
    synchronized void topicChanged(long chatId, int threadId, String name) {
        publish(new ChatEvent(0, "topic", chatId, threadId, "", false, name, null, null, null, List.of(), 0,
                threadId));
    }

    /** A topic was deleted, and with it every message in it, the bot's and people's. */
    synchronized void deleteThread(long chatId, int threadId) {
        List<BotMessage> bots = botMessages.getOrDefault(chatId, new ArrayList<>());
        for (BotMessage m : List.copyOf(bots)) {
            if (m.threadId() == threadId) {
                bots.remove(m);
                publish(ChatEvent.of("delete", m));
            }
        }
        String prefix = chatId + "/";
        userMessages.entrySet().removeIf(entry -> {
            boolean inThread = entry.getKey().startsWith(prefix)
                    && entry.getValue().path("message_thread_id").asInt(0) == threadId;
            if (inThread) {
                publish(new ChatEvent(0, "delete", chatId, entry.getValue().path("message_id").asInt(), "", false,
                        "", null, null, null, List.of(), 0, threadId));
            }
            return inThread;
        });
    }

    synchronized void block(long chatId) {
        blockedChats.add(chatId);
    }

    synchronized boolean blocked(long chatId) {
        return blockedChats.contains(chatId);
    }

    synchronized boolean knows(long chatId) {
        return knownChats.contains(chatId);
    }

    synchronized void addUserMessage(long chatId, int messageId, ObjectNode message, ChatEvent event) {
        userMessages.put(chatId + "/" + messageId, message);
        publish(event);
    }

    synchronized Optional<ObjectNode> userMessage(long chatId, int messageId) {
        return Optional.ofNullable(userMessages.get(chatId + "/" + messageId));
    }

    /** A person as their messages show them (the {@code from} of one), if they sent any. */
    synchronized Optional<ObjectNode> person(long userId) {
        return userMessages.values().stream().map(m -> m.path("from")).filter(from -> from.path("id").asLong() == userId)
                .findFirst().map(from -> ((ObjectNode) from).deepCopy());
    }

    synchronized boolean wroteIn(long chatId, long userId) {
        return userMessages.values().stream().anyMatch(m -> m.path("chat").path("id").asLong() == chatId
                && m.path("from").path("id").asLong() == userId);
    }

    synchronized BotMessage addBotMessage(BotMessage message) {
        botMessages.computeIfAbsent(message.chatId(), c -> new ArrayList<>()).add(message);
        publish(ChatEvent.of("message", message));
        return message;
    }

    synchronized Optional<BotMessage> find(long chatId, int messageId) {
        return botMessages.getOrDefault(chatId, List.of()).stream().filter(m -> m.messageId() == messageId)
                .findFirst();
    }

    synchronized void replace(BotMessage edited) {
        botMessages.get(edited.chatId()).replaceAll(m -> m.messageId() == edited.messageId() ? edited : m);
        publish(ChatEvent.of("edit", edited));
    }

    synchronized boolean delete(long chatId, int messageId) {
        Optional<BotMessage> message = find(chatId, messageId);
        message.ifPresent(m -> {
            botMessages.get(chatId).remove(m);
            publish(ChatEvent.of("delete", m));
        });
        return message.isPresent();
    }

    synchronized List<BotMessage> botMessages(long chatId) {
        return List.copyOf(botMessages.getOrDefault(chatId, List.of()));
    }

    synchronized void addChatAction(long chatId, int threadId, String action) {
        chatActions.computeIfAbsent(chatId, c -> new ArrayList<>()).add(action);
        publish(new ChatEvent(0, "typing", chatId, 0, "bot", true, action, null, null, null, List.of(), 0,
                threadId));
    }

    synchronized List<String> chatActions(long chatId) {
        return List.copyOf(chatActions.getOrDefault(chatId, List.of()));
    }

    synchronized void openCallback(String id, long chatId) {
        openCallbacks.put(id, chatId);
    }

    /** False when the query is unknown or was answered already, as Telegram refuses a second answer. */
    synchronized boolean answerCallback(String id, String text) {
        Long chatId = openCallbacks.remove(id);
        if (chatId == null) {
            return false;
        }
        callbackAnswers.put(id, Optional.ofNullable(text));
        if (text != null && !text.isEmpty()) {
            publish(new ChatEvent(0, "toast", chatId, 0, "bot", true, text, null, null, null, List.of(), 0, 0));
        } else {
            notifyAll();
        }
        return true;
    }

    /** Events after {@code seq}, waiting up to {@code timeout} for the first one. */
    synchronized List<ChatEvent> eventsAfter(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastSeq <= seq) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return List.of();
            }
            wait(left);
        }
        // events are numbered without gaps, so the first one after seq is found by arithmetic
        int from = (int) Math.max(0, seq + 1 - events.get(0).seq());
        return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
    }

    /** Waits until the chat has at least {@code count} bot messages; returns them all. */
    synchronized List<BotMessage> awaitBotMessages(long chatId, int count, Duration timeout) {
        awaitCondition(() -> botMessages.getOrDefault(chatId, List.of()).size() >= count, timeout,
                "chat " + chatId + " to have " + count + " bot messages, it has " + botMessages(chatId).size());
        return botMessages(chatId);
    }

    /** Waits until a forum topic of the chat has at least {@code count} bot messages; returns the topic's. */
    synchronized List<BotMessage> awaitBotMessages(long chatId, int threadId, int count, Duration timeout) {
        awaitCondition(() -> botMessages(chatId, threadId).size() >= count, timeout, "topic " + threadId + " of chat "
                + chatId + " to have " + count + " bot messages, it has " + botMessages(chatId, threadId).size());
        return botMessages(chatId, threadId);
    }

    synchronized List<BotMessage> botMessages(long chatId, int threadId) {
        return botMessages.getOrDefault(chatId, List.of()).stream().filter(m -> m.threadId() == threadId).toList();
    }

    synchronized BotMessage awaitBotMessage(long chatId, Predicate<BotMessage> condition, Duration timeout) {
        awaitCondition(() -> botMessages.getOrDefault(chatId, List.of()).stream().anyMatch(condition), timeout,
                "a matching bot message in chat " + chatId);
        return botMessages.get(chatId).stream().filter(condition).findFirst().orElseThrow();
    }

    synchronized Optional<String> awaitCallbackAnswer(String id, Duration timeout) {
        awaitCondition(() -> callbackAnswers.containsKey(id), timeout, "an answer to button press " + id);
        return callbackAnswers.get(id);
    }

    private void publish(ChatEvent event) {
        events.add(event.numbered(++lastSeq));
        if (events.size() > MAX_EVENTS) {
            events.subList(0, events.size() - MAX_EVENTS).clear();
        }
        notifyAll();
    }

    private void awaitCondition(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
    }
}

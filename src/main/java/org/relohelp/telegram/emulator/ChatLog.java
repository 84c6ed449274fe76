package org.relohelp.telegram.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything that happened in the chats: message ids per chat (shared by users' and bot's messages, as in
 * Telegram), the bot's messages with their current text and buttons, chat actions and button answers.
 * Waiting methods let tests and the sandbox follow the bot without sleeping blindly.
 */
final class ChatLog {

    private final Map<Long, Integer> lastMessageId = new HashMap<>();
    private final Map<Long, List<BotMessage>> botMessages = new HashMap<>();
    private final Map<Long, List<String>> chatActions = new HashMap<>();
    private final Map<String, Optional<String>> callbackAnswers = new HashMap<>();
    private final Set<String> openCallbacks = new HashSet<>();
    private final Set<Long> knownChats = new HashSet<>();

    synchronized int nextMessageId(long chatId) {
        knownChats.add(chatId);
        return lastMessageId.merge(chatId, 1, Integer::sum);
    }

    synchronized boolean knows(long chatId) {
        return knownChats.contains(chatId);
    }

    synchronized BotMessage addBotMessage(BotMessage message) {
        botMessages.computeIfAbsent(message.chatId(), c -> new ArrayList<>()).add(message);
        notifyAll();
        return message;
    }

    synchronized Optional<BotMessage> find(long chatId, int messageId) {
        return botMessages.getOrDefault(chatId, List.of()).stream().filter(m -> m.messageId() == messageId)
                .findFirst();
    }

    synchronized void replace(BotMessage edited) {
        List<BotMessage> messages = botMessages.get(edited.chatId());
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).messageId() == edited.messageId()) {
                messages.set(i, edited);
            }
        }
        notifyAll();
    }

    synchronized List<BotMessage> botMessages(long chatId) {
        return List.copyOf(botMessages.getOrDefault(chatId, List.of()));
    }

    synchronized void addChatAction(long chatId, String action) {
        chatActions.computeIfAbsent(chatId, c -> new ArrayList<>()).add(action);
        notifyAll();
    }

    synchronized List<String> chatActions(long chatId) {
        return List.copyOf(chatActions.getOrDefault(chatId, List.of()));
    }

    synchronized void openCallback(String id) {
        openCallbacks.add(id);
    }

    /** False when the query is unknown or was answered already, as Telegram refuses a second answer. */
    synchronized boolean answerCallback(String id, String text) {
        if (!openCallbacks.remove(id)) {
            return false;
        }
        callbackAnswers.put(id, Optional.ofNullable(text));
        notifyAll();
        return true;
    }

    synchronized Optional<Optional<String>> callbackAnswer(String id) {
        return Optional.ofNullable(callbackAnswers.get(id));
    }

    /** Waits until the chat has at least {@code count} bot messages; returns them all. */
    synchronized List<BotMessage> awaitBotMessages(long chatId, int count, Duration timeout) {
        awaitCondition(() -> botMessages.getOrDefault(chatId, List.of()).size() >= count, timeout,
                "chat " + chatId + " to have " + count + " bot messages, it has " + botMessages(chatId).size());
        return botMessages(chatId);
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

    private void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
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

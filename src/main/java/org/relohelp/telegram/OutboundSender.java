package org.relohelp.telegram;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Receipt;
import org.relohelp.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one way out to Telegram. Messages, copies and edits go into the {@link Outbox} in the caller's transaction and
 * are delivered after the commit by the {@link OutboxDispatcher}. The few calls that are not messages — answering a
 * button, "typing…", leaving a group, the command menu, getMe — are made directly, and never inside a database
 * transaction: while an update is handled they wait until its transaction committed ({@link #deferCalls}).
 * Failures are logged with ids and codes, never words.
 */
@Component
public class OutboundSender implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);
    private static final String FALLBACK_USERNAME = "relohelp_bot";

    private final TelegramClient client;
    private final TelegramProperties properties;
    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final ThreadLocal<List<Runnable>> deferred = new ThreadLocal<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(BotConnection.daemon("typing"));
    private volatile String botUsername;

    OutboundSender(TelegramClient client, TelegramProperties properties, Outbox outbox, OutboxDispatcher dispatcher) {
        this.client = client;
        this.properties = properties;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    // --- messages: through the outbox ------------------------------------------------------------------------

    @Override
    public void send(long chatId, Reply reply, Receipt receipt) {
        queueText(chatId, null, reply, receipt, false);
    }

    @Override
    public void send(long chatId, int threadId, Reply reply, Receipt receipt) {
        queueText(chatId, thread(threadId), reply, receipt, false);
    }

    @Override
    public void sendBulk(long chatId, Reply reply, Receipt receipt) {
        queueText(chatId, null, reply, receipt, true);
    }

    /** A long text becomes several messages; the buttons and the receipt go with the last. */
    private void queueText(long chatId, Integer thread, Reply reply, Receipt receipt, boolean bulk) {
        if (reply.isNothing()) {
            return;
        }
        List<String> chunks = MessageChunks.split(reply.html());
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            queue(chatId, Outbox.Op.SEND, bulk, Outbox.Payload.text(chunks.get(i), last ? reply.buttons() : List.of(),
                    thread), last ? receipt : null);
        }
    }

    @Override
    public void copy(long fromChatId, int messageId, long toChatId, String captionHtml, Receipt receipt) {
        queue(toChatId, Outbox.Op.COPY, false, Outbox.Payload.copy(fromChatId, messageId, captionHtml), receipt);
    }

    @Override
    public void copy(long fromChatId, int messageId, long toChatId, int threadId, String captionHtml,
                     Receipt receipt) {
        queue(toChatId, Outbox.Op.COPY, false, Outbox.Payload.copy(fromChatId, messageId, captionHtml,
                thread(threadId)), receipt);
    }

    // forum topics: calls like messages, in the group's order, so a topic is there before what is sent into it

    @Override
    public void createTopic(long chatId, String name, Receipt receipt) {
        queue(chatId, Outbox.Op.TOPIC, false, Outbox.Payload.topic(Outbox.TopicCall.CREATE, null, name), receipt);
    }

    @Override
    public void closeTopic(long chatId, int threadId, boolean closed, Receipt receipt) {
        queue(chatId, Outbox.Op.TOPIC, false, Outbox.Payload.topic(closed ? Outbox.TopicCall.CLOSE
                : Outbox.TopicCall.REOPEN, threadId, null), receipt);
    }

    /** No thread id for 0 (no topic, or General: Telegram refuses General's id in a message). */
    private static Integer thread(int threadId) {
        return threadId == 0 ? null : threadId;
    }

    @Override
    public void edit(long chatId, int messageId, Reply replacement) {
        queue(chatId, Outbox.Op.EDIT, false, Outbox.Payload.edit(messageId, replacement.html(), replacement.buttons()),
                null);
    }

    private void queue(long chatId, Outbox.Op op, boolean bulk, Outbox.Payload payload, Receipt receipt) {
        Outbox.Row row = outbox.add(chatId, op, bulk, payload, receipt);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatcher.arrived(List.of(row)); // committed already (no transaction)
            return;
        }
        @SuppressWarnings("unchecked")
        List<Outbox.Row> rows = (List<Outbox.Row>) TransactionSynchronizationManager.getResource(this);
        if (rows == null) {
            List<Outbox.Row> queued = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, queued);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.arrived(queued);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OutboundSender.this);
                }
            });
            rows = queued;
        }
        rows.add(row);
    }

    // --- direct calls, never inside a transaction ----------------------------------------------------------

    /**
     * From now until {@link #stopDeferring}, direct calls made on this thread are collected instead of made: the
     * update's handler runs them after its transaction committed (or drops them when it rolled back).
     */
    List<Runnable> deferCalls() {
        List<Runnable> calls = new ArrayList<>();
        deferred.set(calls);
        return calls;
    }

    void stopDeferring() {
        deferred.remove();
    }

    private void direct(Runnable call) {
        List<Runnable> calls = deferred.get();
        if (calls != null) {
            calls.add(call);
        } else {
            call.run();
        }
    }

    /** Stops the button's spinner, with a short toast when there is something to say. */
    public void answerButton(String callbackId, String toast) {
        direct(() -> call(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(toast).build(), 0));
    }

    /** Leaves a group the bot was added to without being asked. */
    void leave(long chatId) {
        direct(() -> call(LeaveChat.builder().chatId(chatId).build(), chatId));
    }

    /** Runs work that makes the user wait; if it takes longer than {@code typing-after}, shows "typing…". */
    public <T> T typingWhile(long chatId, Supplier<T> work) {
        ScheduledFuture<?> typing = timer.schedule(() -> call(SendChatAction.builder().chatId(chatId)
                .action("typing").build(), chatId), properties.typingAfter().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            typing.cancel(false);
        }
    }

    @Override
    public String botUsername() {
        String known = botUsername;
        if (known == null) {
            timer.execute(this::learnUsername); // never a network call on the caller's thread
            return FALLBACK_USERNAME;
        }
        return known;
    }

    /** Asks Telegram for the bot's @username (at start-up); a failure leaves it to be asked again later. */
    void learnUsername() {
        if (botUsername != null) {
            return;
        }
        var me = call(new GetMe(), 0);
        if (me != null && me.getUserName() != null) {
            botUsername = me.getUserName();
        }
    }

    /** For calls without a chat (setMyCommands); true when Telegram accepted it. */
    boolean call(BotApiMethod<?> method) {
        return call(method, 0) != null;
    }

    /** One attempt; a failure is logged (ids and codes) and gives null. */
    private <T extends Serializable> T call(BotApiMethod<T> method, long chatId) {
        try {
            return client.execute(method);
        } catch (TelegramApiRequestException e) {
            log.warn("{} to chat {} refused: {} {}", method.getMethod(), chatId, e.getErrorCode(),
                    OutboxCalls.reason(e.getApiResponse()));
        } catch (TelegramApiException e) {
            log.warn("{} to chat {} failed: {}", method.getMethod(), chatId, e.getClass().getSimpleName());
        }
        return null;
    }
}

package org.relohelp.telegram;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.relohelp.chat.Button;
import org.relohelp.chat.Delivery;
import org.relohelp.chat.Messenger;
import org.relohelp.chat.Reply;
import org.relohelp.chat.UserBlockedBot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one way out to Telegram: every message, copy, edit, button answer and chat action goes through here.
 * Texts are sent in HTML parse mode and split to Telegram's limit; if Telegram rejects the markup, the same
 * words go out as plain text rather than not at all. Failures are logged with ids and codes, never words.
 */
@Component
public class OutboundSender implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);
    /** disable_web_page_preview left the Bot API in 7.0; link_preview_options replaced it. */
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    private final TelegramClient client;
    private final TelegramProperties properties;
    private final ApplicationEventPublisher events;
    private final SendLimits limits;
    private final SendJournal journal;
    private final WriteAhead writeAhead;
    private final AtomicLong undelivered = new AtomicLong();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(BotConnection.daemon("typing"));
    private volatile String botUsername;

    OutboundSender(TelegramClient client, TelegramProperties properties, ApplicationEventPublisher events,
                   SendLimits limits, SendJournal journal, WriteAhead writeAhead) {
        this.client = client;
        this.properties = properties;
        this.events = events;
        this.limits = limits;
        this.journal = journal;
        this.writeAhead = writeAhead;
    }

    /** Messages that finally could not be delivered since start (each also logged with its chat id). */
    public long undelivered() {
        return undelivered.get();
    }

    @Override
    public List<Integer> send(long chatId, Reply reply) {
        List<Integer> sent = new ArrayList<>();
        List<String> chunks = MessageChunks.split(reply.html());
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            SendMessage message = SendMessage.builder().chatId(chatId).text(chunks.get(i))
                    .parseMode(ParseMode.HTML).linkPreviewOptions(NO_PREVIEW)
                    .replyMarkup(last ? keyboard(reply.buttons()) : null).build();
            sent.addAll(journal.once(chatId, () -> sendNow(message, chatId)));
        }
        return sent;
    }

    private List<Integer> sendNow(SendMessage message, long chatId) {
        limits.acquire(chatId);
        Result<Message> result = executeWithPlainFallback(message, chatId);
        return result.value() == null ? List.of() : List.of(result.value().getMessageId());
    }

    @Override
    public Delivery deliver(long chatId, Reply reply, Runnable inTheAir) {
        List<String> chunks = MessageChunks.split(reply.html());
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            SendMessage message = SendMessage.builder().chatId(chatId).text(chunks.get(i))
                    .parseMode(ParseMode.HTML).linkPreviewOptions(NO_PREVIEW)
                    .replyMarkup(last ? keyboard(reply.buttons()) : null).build();
            limits.acquire(chatId);
            if (i == 0) {
                inTheAir.run();
            }
            TelegramApiException failure = executeWithPlainFallback(message, chatId).failure();
            if (failure != null) {
                // the error code is an Integer, null when Telegram's answer could not be read
                return failure instanceof TelegramApiRequestException refused
                        && Integer.valueOf(403).equals(refused.getErrorCode()) ? Delivery.BLOCKED : Delivery.FAILED;
            }
        }
        return Delivery.SENT;
    }

    private Result<Message> executeWithPlainFallback(SendMessage message, long chatId) {
        Result<Message> result = execute(message, chatId);
        if (isMarkupRejected(result.failure())) {
            message.setParseMode(null);
            message.setText(PlainText.unescape(PlainText.fromHtml(message.getText())));
            result = execute(message, chatId);
        }
        return result;
    }

    @Override
    public Optional<Integer> copy(long fromChatId, int messageId, long toChatId, String captionHtml) {
        CopyMessage copy = CopyMessage.builder().fromChatId(fromChatId).messageId(messageId).chatId(toChatId)
                .caption(captionHtml).parseMode(captionHtml == null ? null : ParseMode.HTML).build();
        return journal.once(toChatId, () -> {
            limits.acquire(toChatId);
            MessageId id = execute(copy, toChatId).value();
            return id == null ? List.<Integer>of() : List.of(id.getMessageId().intValue());
        }).stream().findFirst();
    }

    @Override
    public boolean edit(long chatId, int messageId, Reply replacement) {
        if (replacement.html() == null) {
            return execute(EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId)
                    .replyMarkup(keyboard(replacement.buttons())).build(), chatId).failure() == null;
        }
        return execute(EditMessageText.builder().chatId(chatId).messageId(messageId).text(replacement.html())
                .parseMode(ParseMode.HTML).linkPreviewOptions(NO_PREVIEW)
                .replyMarkup(keyboard(replacement.buttons())).build(), chatId).failure() == null;
    }

    @Override
    public String botUsername() {
        if (botUsername == null) {
            var me = execute(new GetMe(), 0).value();
            botUsername = me == null ? "relohelp_bot" : me.getUserName();
        }
        return botUsername;
    }

    /** Leaves a group the bot was added to without being asked. */
    void leave(long chatId) {
        execute(LeaveChat.builder().chatId(chatId).build(), chatId);
    }

    /** Stops the button's spinner, with a short toast when there is something to say. */
    public void answerButton(String callbackId, String toast) {
        execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(toast).build(), 0);
    }

    /** Runs work that makes the user wait; if it takes longer than {@code typing-after}, shows "typing…". */
    public <T> T typingWhile(long chatId, Supplier<T> work) {
        ScheduledFuture<?> typing = timer.schedule(() -> execute(SendChatAction.builder().chatId(chatId)
                .action("typing").build(), chatId), properties.typingAfter().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            typing.cancel(false);
        }
    }

    /** For calls without a chat (setMyCommands); true when Telegram accepted it. */
    boolean call(BotApiMethod<?> method) {
        return execute(method, 0).failure() == null;
    }

    private record Result<T>(T value, TelegramApiException failure) {
    }

    /**
     * One call, retried when Telegram says 429 (after its retry_after), answers 5xx or cannot be reached (with a
     * back-off capped at 30 s), up to {@code send-attempts}. Other refusals are final; 403 means the user
     * blocked the bot. A retried send may rarely arrive twice if Telegram took it but the answer was lost.
     */
    private <T extends Serializable> Result<T> execute(BotApiMethod<T> method, long chatId) {
        BackOff backOff = new ExponentialBackOff.Builder().setMaxIntervalMillis(30_000).build();
        for (int attempt = 1; ; attempt++) {
            try {
                journal.attempting();
                writeAhead.flush();
                return new Result<>(client.execute(method), null);
            } catch (TelegramApiException e) {
                journal.attemptFailed();
                Integer code = e instanceof TelegramApiRequestException request ? request.getErrorCode() : null;
                boolean retriable = code == null || code == 429 || code >= 500;
                if (retriable && attempt < properties.sendAttempts()) {
                    long waitMillis = code != null && code == 429 ? 1000L * retryAfter(e) : backOff.nextBackOffMillis();
                    log.info("{} to chat {}: {}; retrying in {} ms", method.getMethod(), chatId,
                            code == null ? e.getClass().getSimpleName() : code, waitMillis);
                    if (!sleep(waitMillis)) {
                        return new Result<>(null, e);
                    }
                    continue;
                }
                return failed(method, chatId, e, code);
            }
        }
    }

    private <T extends Serializable> Result<T> failed(BotApiMethod<T> method, long chatId, TelegramApiException e,
                                                      Integer code) {
        if (code != null) {
            log.warn("{} to chat {} refused: {} {}", method.getMethod(), chatId, code,
                    ((TelegramApiRequestException) e).getApiResponse());
            if (code == 403 && chatId > 0) {
                events.publishEvent(new UserBlockedBot(chatId));
            }
        } else {
            log.warn("{} to chat {} failed: {}", method.getMethod(), chatId, e.getClass().getSimpleName());
        }
        if (method instanceof SendMessage || method instanceof CopyMessage) {
            undelivered.incrementAndGet();
        }
        return new Result<>(null, e);
    }

    private static int retryAfter(TelegramApiException e) {
        var parameters = ((TelegramApiRequestException) e).getParameters();
        return parameters == null || parameters.getRetryAfter() == null ? 1 : Math.max(1, parameters.getRetryAfter());
    }

    private boolean sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isMarkupRejected(TelegramApiException failure) {
        return failure instanceof TelegramApiRequestException request && request.getErrorCode() == 400
                && request.getApiResponse() != null && request.getApiResponse().contains("can't parse entities");
    }

    private static InlineKeyboardMarkup keyboard(List<List<Button>> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Button> row : buttons) {
            InlineKeyboardRow keyboardRow = new InlineKeyboardRow();
            for (Button button : row) {
                keyboardRow.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.action())
                        .build());
            }
            rows.add(keyboardRow);
        }
        return new InlineKeyboardMarkup(rows);
    }
}

package org.relohelp.telegram;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.relohelp.chat.Button;
import org.relohelp.chat.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.ReopenForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One Bot API call for one outbox row, and what its answer means for the row: delivered (with the message ids),
 * to be tried again (after Telegram's retry_after, after a back-off, or at once as plain text when Telegram refused
 * the markup), or given up (the person blocked the bot, Telegram refused it, the forum topic it names was deleted,
 * or it kept failing for {@code give-up-after}: an outage of Telegram delays answers, it does not drop them). Forum
 * topic calls (create, close, reopen) are rows like messages; a created topic's thread id is the receipt's id. Never retries by
 * itself and never sleeps: the dispatcher decides when a row goes again, so one chat's wait delays no other chat.
 * Logs carry the chat id, the method and Telegram's error code, never words.
 */
@Component
class OutboxCalls {

    private static final Logger log = LoggerFactory.getLogger(OutboxCalls.class);
    private static final long MAX_BACK_OFF_MILLIS = 30_000;
    /** What Telegram says when a message or a call names a forum topic someone deleted. */
    private static final List<String> TOPIC_GONE = List.of("Bad Request: message thread not found",
            "Bad Request: TOPIC_NOT_FOUND", "Bad Request: TOPIC_ID_INVALID", "Bad Request: TOPIC_DELETED");

    record Outcome(Delivery result, List<Integer> messageIds, Duration retryAfter, Outbox.Payload retryPayload) {

        static Outcome sent(List<Integer> ids) {
            return new Outcome(Delivery.SENT, ids, null, null);
        }

        static Outcome retry(Duration after, Outbox.Payload payload) {
            return new Outcome(null, List.of(), after, payload);
        }

        static Outcome failed(Delivery why) {
            return new Outcome(why, List.of(), null, null);
        }

        boolean isRetry() {
            return retryAfter != null;
        }
    }

    private final TelegramClient client;
    private final TelegramProperties properties;
    private final Clock clock;

    OutboxCalls(TelegramClient client, TelegramProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    Outcome call(Outbox.Item item) {
        BotApiMethod<? extends Serializable> method = method(item);
        try {
            Serializable result = client.execute(method);
            return Outcome.sent(ids(result));
        } catch (TelegramApiRequestException refused) {
            return refused(item, method, refused);
        } catch (TelegramApiException unreachable) {
            return again(item, method, backOff(item.attempts()), unreachable.getClass().getSimpleName());
        } catch (RuntimeException broken) {
            // a bug or a closed client: try again later rather than lose the message
            return again(item, method, backOff(item.attempts()), broken.getClass().getSimpleName());
        }
    }

    private Outcome refused(Outbox.Item item, BotApiMethod<?> method, TelegramApiRequestException e) {
        Integer code = e.getErrorCode(); // null when Telegram's answer could not be read
        String reason = reason(e.getApiResponse());
        if (code == null || code >= 500) {
            return again(item, method, backOff(item.attempts()), code == null ? "unreadable answer" : code.toString());
        }
        if (code == 429) {
            var parameters = e.getParameters();
            int seconds = parameters == null || parameters.getRetryAfter() == null ? 1
                    : Math.max(1, parameters.getRetryAfter());
            // Telegram's own limit: wait as told; give up only if it never lets the message through
            return tooOld(item) ? giveUp(item, method, Delivery.FAILED, "429")
                    : retry(item, method, Duration.ofSeconds(seconds), "429", item.payload());
        }
        if (code == 400 && reason.startsWith("Bad Request: can't parse entities") && !item.payload().plain()) {
            return retry(item, method, Duration.ZERO, "markup refused, as plain text", item.payload().asPlainText());
        }
        if (code == 400 && (reason.startsWith("Bad Request: message is not modified")
                || reason.startsWith("Bad Request: TOPIC_NOT_MODIFIED"))) {
            return Outcome.sent(List.of()); // already as asked (a topic closed already, say)
        }
        if (code == 400 && TOPIC_GONE.stream().anyMatch(reason::startsWith)) {
            return giveUp(item, method, Delivery.NO_TOPIC, code + " " + reason);
        }
        if (code == 403) {
            return giveUp(item, method, Delivery.BLOCKED, "403 " + reason);
        }
        return giveUp(item, method, Delivery.FAILED, code + " " + reason);
    }

    private Outcome again(Outbox.Item item, BotApiMethod<?> method, Duration after, String why) {
        if (tooOld(item)) {
            return giveUp(item, method, Delivery.FAILED, why);
        }
        return retry(item, method, after, why, item.payload());
    }

    private Outcome retry(Outbox.Item item, BotApiMethod<?> method, Duration after, String why,
                          Outbox.Payload payload) {
        log.info("{} to chat {} (outbox {}): {}; trying again in {} ms", method.getMethod(), item.chatId(), item.id(),
                why, after.toMillis());
        return Outcome.retry(after, payload);
    }

    private Outcome giveUp(Outbox.Item item, BotApiMethod<?> method, Delivery why, String detail) {
        log.warn("{} to chat {} (outbox {}) not delivered: {}", method.getMethod(), item.chatId(), item.id(), detail);
        return Outcome.failed(why);
    }

    /** Tried long enough: Telegram has not taken it for {@code give-up-after}. */
    private boolean tooOld(Outbox.Item item) {
        return item.createdAt() != null
                && item.createdAt().plus(properties.giveUpAfter()).isBefore(LocalDateTime.now(clock));
    }

    /** Exponential from half a second, capped at 30 s. */
    static Duration backOff(int attempts) {
        long millis = 500L << Math.min(attempts, 16);
        return Duration.ofMillis(Math.min(millis, MAX_BACK_OFF_MILLIS));
    }

    /**
     * Telegram's description up to its second colon ("Bad Request: can't parse entities"): what follows may quote
     * the text ("Unsupported start tag … at byte offset"), and logs never carry words.
     */
    static String reason(String description) {
        if (description == null) {
            return "";
        }
        int first = description.indexOf(':');
        int second = first < 0 ? -1 : description.indexOf(':', first + 1);
        return second < 0 ? description : description.substring(0, second);
    }

    private static List<Integer> ids(Serializable result) {
        if (result instanceof Message message) {
            return List.of(message.getMessageId());
        }
        if (result instanceof MessageId id) {
            return List.of(id.getMessageId().intValue());
        }
        if (result instanceof ForumTopic topic) {
            return List.of(topic.getMessageThreadId()); // a created topic: its thread id
        }
        return List.of();
    }

    private static BotApiMethod<? extends Serializable> method(Outbox.Item item) {
        Outbox.Payload p = item.payload();
        return switch (item.op()) {
            case SEND -> {
                SendMessage message = SendMessage.builder().chatId(item.chatId()).text(text(p.html(), p.plain()))
                        .parseMode(p.plain() ? null : ParseMode.HTML).linkPreviewOptions(noPreview())
                        .messageThreadId(p.thread()).replyMarkup(keyboard(p.buttons())).build();
                yield message;
            }
            case COPY -> CopyMessage.builder().fromChatId(p.fromChat()).messageId(p.message()).chatId(item.chatId())
                    .messageThreadId(p.thread()).caption(p.caption() == null ? null : text(p.caption(), p.plain()))
                    .parseMode(p.caption() == null || p.plain() ? null : ParseMode.HTML).build();
            case TOPIC -> switch (p.topic()) {
                case CREATE -> CreateForumTopic.builder().chatId(item.chatId()).name(p.html()).build();
                case CLOSE -> CloseForumTopic.builder().chatId(item.chatId()).messageThreadId(p.thread()).build();
                case REOPEN -> ReopenForumTopic.builder().chatId(item.chatId()).messageThreadId(p.thread()).build();
            };
            case EDIT -> p.html() == null
                    ? EditMessageReplyMarkup.builder().chatId(item.chatId()).messageId(p.message())
                            .replyMarkup(keyboard(p.buttons())).build()
                    : EditMessageText.builder().chatId(item.chatId()).messageId(p.message())
                            .text(text(p.html(), p.plain())).parseMode(p.plain() ? null : ParseMode.HTML)
                            .linkPreviewOptions(noPreview()).replyMarkup(keyboard(p.buttons())).build();
        };
    }

    private static String text(String html, boolean plain) {
        return plain ? PlainText.unescape(PlainText.fromHtml(html)) : html;
    }

    private static LinkPreviewOptions noPreview() {
        return LinkPreviewOptions.builder().isDisabled(true).build();
    }

    static InlineKeyboardMarkup keyboard(List<List<Button>> buttons) {
        if (buttons == null || buttons.isEmpty()) {
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

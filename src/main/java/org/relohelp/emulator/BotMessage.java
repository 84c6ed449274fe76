package org.relohelp.emulator;

import java.util.List;
import java.util.Optional;

/**
 * A message the bot sent, as the user sees it now: the plain text Telegram shows (after parsing the HTML),
 * the HTML as sent, the inline buttons, and for photos and documents the kind and stored file;
 * {@code edits} counts how often the bot changed it. {@code threadId} is the forum topic it was sent to, as its
 * {@code message_thread_id} says: 0 outside forums and in a forum's General topic.
 */
public record BotMessage(long chatId, int messageId, String text, String html, List<List<InlineButton>> buttons,
                         int edits, String media, String fileId, int threadId) {

    public record InlineButton(String text, String callbackData, String url) {
    }

    BotMessage edited(String newText, String newHtml, List<List<InlineButton>> newButtons) {
        return new BotMessage(chatId, messageId, newText, newHtml, newButtons, edits + 1, media, fileId, threadId);
    }

    public Optional<InlineButton> button(String textPart) {
        return buttons.stream().flatMap(List::stream).filter(b -> b.text().contains(textPart)).findFirst();
    }

    public List<InlineButton> allButtons() {
        return buttons.stream().flatMap(List::stream).toList();
    }
}

package org.relohelp.emulator;

import java.util.List;
import java.util.Optional;

/**
 * A message the bot sent, as the user sees it now: the plain text Telegram shows (after parsing the HTML),
 * the HTML as sent, the inline buttons, and for photos and documents the kind and stored file;
 * {@code edits} counts how often the bot changed it.
 */
public record BotMessage(long chatId, int messageId, String text, String html, List<List<InlineButton>> buttons,
                         int edits, String media, String fileId) {

    public record InlineButton(String text, String callbackData, String url) {
    }

    static BotMessage text(long chatId, int messageId, String text, String html,
                           List<List<InlineButton>> buttons) {
        return new BotMessage(chatId, messageId, text, html, buttons, 0, null, null);
    }

    BotMessage edited(String newText, String newHtml, List<List<InlineButton>> newButtons) {
        return new BotMessage(chatId, messageId, newText, newHtml, newButtons, edits + 1, media, fileId);
    }

    public Optional<InlineButton> button(String textPart) {
        return buttons.stream().flatMap(List::stream).filter(b -> b.text().contains(textPart)).findFirst();
    }

    public List<InlineButton> allButtons() {
        return buttons.stream().flatMap(List::stream).toList();
    }
}

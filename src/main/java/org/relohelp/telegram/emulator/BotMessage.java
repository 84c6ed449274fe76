package org.relohelp.telegram.emulator;

import java.util.List;
import java.util.Optional;

/**
 * A message the bot sent, as the user sees it now: the plain text Telegram shows (after parsing the HTML),
 * the HTML as sent, and the inline buttons; {@code edits} counts how often the bot changed it.
 */
public record BotMessage(long chatId, int messageId, String text, String html, List<List<InlineButton>> buttons,
                         int edits) {

    public record InlineButton(String text, String callbackData, String url) {
    }

    public Optional<InlineButton> button(String textPart) {
        return buttons.stream().flatMap(List::stream).filter(b -> b.text().contains(textPart)).findFirst();
    }

    public List<InlineButton> allButtons() {
        return buttons.stream().flatMap(List::stream).toList();
    }
}

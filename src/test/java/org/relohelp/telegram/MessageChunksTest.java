package org.relohelp.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relohelp.emulator.TelegramHtmlCheck;

class MessageChunksTest {

    @Test
    void shortTextsStayWhole() {
        assertThat(MessageChunks.split("<b>Привет</b>\n\nмир")).containsExactly("<b>Привет</b>\n\nмир");
    }

    @Test
    void longTextsSplitAtParagraphsWithinTheLimit() {
        String paragraph = "<b>Заголовок</b> " + "слово ".repeat(150);
        String html = String.join("\n\n", java.util.Collections.nCopies(10, paragraph.strip()));
        List<String> chunks = MessageChunks.split(html);
        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> {
            assertThat(c.length()).isLessThanOrEqualTo(MessageChunks.LIMIT);
            assertThat(c).startsWith("<b>Заголовок</b>");
            TelegramHtmlCheck.toPlainText(c);
        });
        assertThat(String.join("\n\n", chunks)).isEqualTo(html);
    }

    @Test
    void aParagraphLongerThanAMessageIsCutBetweenWordsWithoutBreakingMarkup() {
        String html = "<b>жирный</b> " + "a&amp;b ".repeat(2000);
        List<String> chunks = MessageChunks.split(html, 1000);
        assertThat(chunks).hasSizeGreaterThan(10).allSatisfy(c -> {
            assertThat(c.length()).isLessThanOrEqualTo(1000);
            TelegramHtmlCheck.toPlainText(c);
        });
    }
}

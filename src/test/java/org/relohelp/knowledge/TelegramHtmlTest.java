package org.relohelp.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relohelp.emulator.TelegramHtmlCheck;

class TelegramHtmlTest {

    @Test
    void rendersTheMarkdownArticlesUseAsTelegramHtml() {
        String html = TelegramHtml.fromMarkdown("""
                Первый абзац с **жирным** и *курсивом*.

                - пункт [ссылка](https://gov.kz/)
                - второй `*5656#`

                1. раз
                2. два
                """);
        assertThat(html).isEqualTo("Первый абзац с <b>жирным</b> и <i>курсивом</i>.\n\n"
                + "• пункт <a href=\"https://gov.kz/\">ссылка</a>\n• второй <code>*5656#</code>\n\n"
                + "1. раз\n2. два");
        assertThat(TelegramHtmlCheck.toPlainText(html)).contains("• пункт ссылка");
    }

    @Test
    void escapesTextAndNeverPassesRawHtmlOrUnsafeLinks() {
        String html = TelegramHtml.fromMarkdown("5 < 6 & <script>alert(1)</script> [x](javascript:alert(1)) *5656#");
        assertThat(html).doesNotContain("<script>").doesNotContain("javascript:\"");
        assertThat(TelegramHtmlCheck.toPlainText(html)).contains("5 < 6 &", "<script>", "*5656#");
    }
}

package org.relohelp.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Parses text in Telegram's HTML parse mode as Telegram's own parser (TDLib's parse_html) does, and returns the
 * plain text the user sees, or throws with Telegram's error wording ("Bad Request: can't parse entities: ...",
 * offsets in UTF-8 bytes). Only Telegram's tags: b strong i em u ins s strike del, span class="tg-spoiler",
 * tg-spoiler, a href, code, pre, blockquote (expandable) and tg-emoji, properly nested; the named entities
 * &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones are decoded. As in Telegram, a '&amp;' that starts no such
 * entity and a lone '&gt;' stay literal text. Hand-written: TDLib's parser is C++, and no Java library parses
 * Telegram's dialect.
 */
public final class TelegramHtmlCheck {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");

    private TelegramHtmlCheck() {
    }

    private record Open(String tag, String argument) {
    }

    /** The text after entity parsing, trimmed as Telegram trims it. */
    public static String toPlainText(String html) {
        StringBuilder plain = new StringBuilder(html.length());
        Deque<Open> open = new ArrayDeque<>();
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '&') {
                int end = decodeEntity(html, i, plain);
                if (end > i) {
                    i = end;
                    continue;
                }
            }
            if (c != '<') {
                plain.append(c);
                i++;
                continue;
            }
            int begin = i++;
            if (i < n && html.charAt(i) == '/') {
                i = endTag(html, begin, i + 1, open);
            } else {
                i = startTag(html, begin, i, open);
            }
        }
        if (!open.isEmpty()) {
            throw error("Can't find end tag corresponding to start tag \"" + open.peek().tag() + "\"");
        }
        return plain.toString().strip();
    }

    /** Reads a start tag from after its '<'; returns the index after its '>'. */
    private static int startTag(String html, int begin, int from, Deque<Open> open) {
        int n = html.length();
        int i = from;
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
        }
        if (i >= n) {
            throw error("Unclosed start tag at byte offset " + bytes(html, begin));
        }
        String tag = html.substring(from, i).toLowerCase(Locale.ROOT);
        if (!TAGS.contains(tag)) {
            throw error("Unsupported start tag \"" + tag + "\" at byte offset " + bytes(html, begin));
        }
        String argument = "";
        while (true) {
            while (i < n && isSpace(html.charAt(i))) {
                i++;
            }
            if (i >= n) {
                throw error("Unclosed start tag \"" + tag + "\" at byte offset " + bytes(html, begin));
            }
            if (html.charAt(i) == '>') {
                break;
            }
            int nameStart = i;
            while (i < n && !isSpace(html.charAt(i)) && "=>/\"'".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            String attribute = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            if (attribute.isEmpty()) {
                throw error("Empty attribute name in the tag \"" + tag + "\" at byte offset " + bytes(html, begin));
            }
            while (i < n && isSpace(html.charAt(i))) {
                i++;
            }
            if (i >= n) {
                throw error("Unclosed start tag \"" + tag + "\" at byte offset " + bytes(html, begin));
            }
            if (html.charAt(i) != '=') {
                if (tag.equals("blockquote") && attribute.equals("expandable")) {
                    argument = "expandable";
                }
                continue;
            }
            i++;
            while (i < n && isSpace(html.charAt(i))) {
                i++;
            }
            if (i >= n) {
                throw error("Unclosed start tag \"" + tag + "\" at byte offset " + bytes(html, begin));
            }
            StringBuilder value = new StringBuilder();
            char quote = html.charAt(i);
            if (quote != '"' && quote != '\'') {
                int tokenStart = i;
                while (i < n && (Character.isLetterOrDigit(html.charAt(i)) && html.charAt(i) < 128
                        || html.charAt(i) == '.' || html.charAt(i) == '-')) {
                    i++;
                }
                if (i >= n) {
                    throw error("Unclosed start tag \"" + tag + "\" at byte offset " + bytes(html, begin));
                }
                if (!isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                    throw error("Unexpected end of name token at byte offset " + bytes(html, i));
                }
                value.append(html, tokenStart, i);
            } else {
                i++;
                while (i < n && html.charAt(i) != quote) {
                    int end = html.charAt(i) == '&' ? decodeEntity(html, i, value) : i;
                    if (end > i) {
                        i = end;
                    } else {
                        value.append(html.charAt(i++));
                    }
                }
                if (i < n) {
                    i++;
                }
                if (i >= n) {
                    throw error("Unclosed start tag at byte offset " + bytes(html, begin));
                }
            }
            argument = argument(tag, attribute, value.toString(), argument);
        }
        if (tag.equals("span") && !argument.equals("tg-spoiler")) {
            throw error("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + bytes(html, begin));
        }
        open.push(new Open(tag, argument));
        return i + 1;
    }

    private static String argument(String tag, String attribute, String value, String before) {
        return switch (tag + " " + attribute) {
            case "a href", "tg-emoji emoji-id" -> value;
            case "span class" -> value.toLowerCase(Locale.ROOT);
            default -> before;
        };
    }

    /** Reads an end tag from after its "</"; returns the index after its '>'. */
    private static int endTag(String html, int begin, int from, Deque<Open> open) {
        if (open.isEmpty()) {
            throw error("Unexpected end tag at byte offset " + bytes(html, begin));
        }
        int n = html.length();
        int i = from;
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
        }
        String tag = html.substring(from, i); // compared as written: "</B>" does not close "<b>", as in Telegram
        while (i < n && isSpace(html.charAt(i))) {
            i++;
        }
        if (i >= n || html.charAt(i) != '>') {
            throw error("Unclosed end tag at byte offset " + bytes(html, begin));
        }
        Open top = open.pop();
        if (!tag.isEmpty() && !tag.equals(top.tag())) {
            throw error("Unmatched end tag at byte offset " + bytes(html, begin) + ", expected \"</" + top.tag()
                    + ">\", found \"</" + tag + ">\"");
        }
        if (top.tag().equals("tg-emoji") && !top.argument().matches("-?\\d{1,19}")) {
            throw error("Invalid custom emoji identifier specified");
        }
        return i + 1;
    }

    /**
     * Decodes {@code &lt; &gt; &amp; &quot;} and numeric entities ({@code &#169; &#xA9;}) at {@code at} into
     * {@code out}, the ';' optional as in Telegram; returns the index after the entity, or {@code at} when there is
     * none (then the '&amp;' is literal text).
     */
    private static int decodeEntity(String html, int at, StringBuilder out) {
        int n = html.length();
        int end = at + 1;
        long code;
        if (end < n && html.charAt(end) == '#') {
            end++;
            int radix = end < n && html.charAt(end) == 'x' ? 16 : 10;
            end += radix == 16 ? 1 : 0;
            code = 0;
            while (end < n && html.charAt(end) < 128 && Character.digit(html.charAt(end), radix) >= 0) {
                code = Math.min(code * radix + Character.digit(html.charAt(end++), radix), Integer.MAX_VALUE);
            }
            if (code == 0 || code >= 0x10FFFF || end - at >= 10 || code >= 0xD800 && code <= 0xDFFF) {
                return at;
            }
        } else {
            while (end < n && isAsciiLetter(html.charAt(end))) {
                end++;
            }
            code = switch (html.substring(at + 1, end)) {
                case "lt" -> '<';
                case "gt" -> '>';
                case "amp" -> '&';
                case "quot" -> '"';
                default -> 0;
            };
            if (code == 0) {
                return at;
            }
        }
        out.appendCodePoint((int) code);
        return end < n && html.charAt(end) == ';' ? end + 1 : end;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static int bytes(String html, int chars) {
        return html.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }

    private static IllegalArgumentException error(String message) {
        return new IllegalArgumentException("Bad Request: can't parse entities: " + message);
    }
}

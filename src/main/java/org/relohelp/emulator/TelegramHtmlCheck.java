package org.relohelp.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses text in Telegram's HTML parse mode the way the Bot API does: only its tags, properly nested,
 * and only the named entities &lt; &gt; &amp; &quot; (plus numeric ones). Returns the plain text or throws
 * with Telegram's own error wording.
 */
public final class TelegramHtmlCheck {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "a", "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z-]+)([^>]*)>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");

    private TelegramHtmlCheck() {
    }

    public static String toPlainText(String html) {
        StringBuilder plain = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                if (!tag.lookingAt()) {
                    throw new IllegalArgumentException("Bad Request: can't parse entities: Unexpected character '<' "
                            + "at byte offset " + i);
                }
                String name = tag.group(2).toLowerCase();
                if (!TAGS.contains(name)) {
                    throw new IllegalArgumentException("Bad Request: can't parse entities: Unsupported start tag \""
                            + name + "\" at byte offset " + i);
                }
                if (tag.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    throw new IllegalArgumentException("Bad Request: can't parse entities: Unmatched end tag at "
                            + "byte offset " + i + ", expected \"</" + name + ">\"");
                }
                i = tag.end();
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (!entity.lookingAt()) {
                    throw new IllegalArgumentException("Bad Request: can't parse entities: Unsupported entity at byte "
                            + "offset " + i);
                }
                plain.append(decode(entity.group(1), i));
                i = entity.end();
            } else if (c == '>') {
                throw new IllegalArgumentException("Bad Request: can't parse entities: Unexpected character '>' "
                        + "at byte offset " + i);
            } else {
                plain.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("Bad Request: can't parse entities: Can't find end tag corresponding "
                    + "to start tag \"" + open.peek() + "\"");
        }
        return plain.toString();
    }

    private static String decode(String entity, int offset) {
        return switch (entity) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> {
                if (entity.startsWith("#x")) {
                    yield Character.toString(Integer.parseInt(entity.substring(2), 16));
                }
                if (entity.startsWith("#")) {
                    yield Character.toString(Integer.parseInt(entity.substring(1)));
                }
                throw new IllegalArgumentException("Bad Request: can't parse entities: Unsupported entity \"&"
                        + entity + ";\" at byte offset " + offset);
            }
        };
    }
}

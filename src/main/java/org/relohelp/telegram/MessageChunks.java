package org.relohelp.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Telegram-HTML text into messages within Telegram's 4096-character limit: at paragraph boundaries
 * first, then at line breaks; a single paragraph longer than a whole message loses its formatting and is
 * cut between words, so no tag is ever cut in half.
 */
final class MessageChunks {

    static final int LIMIT = 4096;

    private MessageChunks() {
    }

    static List<String> split(String html) {
        return split(html, LIMIT);
    }

    static List<String> split(String html, int limit) {
        if (html.length() <= limit) {
            return List.of(html);
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : html.split("\n\n")) {
            for (String piece : fit(paragraph, limit)) {
                if (current.length() > 0 && current.length() + 2 + piece.length() > limit) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append("\n\n");
                }
                current.append(piece);
            }
        }
        if (current.length() > 0 || chunks.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** A paragraph as pieces that each fit: its lines grouped, or its plain words cut to size. */
    private static List<String> fit(String paragraph, int limit) {
        if (paragraph.length() <= limit) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : paragraph.split("\n")) {
            List<String> parts = line.length() <= limit ? List.of(line) : cut(PlainText.fromHtml(line), limit);
            for (String part : parts) {
                if (current.length() > 0 && current.length() + 1 + part.length() > limit) {
                    pieces.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(part);
            }
        }
        if (current.length() > 0) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    /** Plain text (re-escaped) cut at spaces, or hard at the limit if a "word" is longer than a message. */
    private static List<String> cut(String plain, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = plain;
        while (!rest.isEmpty()) {
            int end = Math.min(limit, rest.length());
            if (end < rest.length()) {
                int space = rest.lastIndexOf(' ', end);
                end = space > limit / 2 ? space : end;
                end = avoidSplittingEntity(rest, end);
            }
            parts.add(rest.substring(0, end).strip());
            rest = rest.substring(end).stripLeading();
        }
        return parts;
    }

    private static int avoidSplittingEntity(String html, int end) {
        int amp = html.lastIndexOf('&', end - 1);
        if (amp >= 0 && amp > end - 8 && html.indexOf(';', amp) >= end) {
            return amp;
        }
        return end;
    }
}

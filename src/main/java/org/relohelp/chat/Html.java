package org.relohelp.chat;

/**
 * Telegram's HTML parse mode: escaping (only {@code & < > "} are special), and text that is HTML already. The bot's
 * texts escape their arguments themselves ({@link Texts}); an argument that is deliberately HTML — a list built from
 * other texts, a link — goes in as {@link #trusted(String)}, so it is not escaped twice.
 */
public final class Html {

    private final String html;

    private Html(String html) {
        this.html = html;
    }

    /** HTML built by the bot itself, with anything a person typed inside it already escaped. */
    public static Html trusted(String html) {
        return new Html(html == null ? "" : html);
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return html;
    }
}

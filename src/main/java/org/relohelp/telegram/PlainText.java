package org.relohelp.telegram;

import java.util.regex.Pattern;

/** Telegram HTML without its tags, still escaped — for sending again when Telegram rejects the markup. */
final class PlainText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private PlainText() {
    }

    static String fromHtml(String html) {
        return TAG.matcher(html).replaceAll("");
    }

    static String unescape(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}

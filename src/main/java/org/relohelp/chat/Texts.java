package org.relohelp.chat;

import java.text.DecimalFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The bot's own words in ru and en, from {@code i18n/messages_*.properties}. The arguments are formatted here, so
 * that no caller can forget: {@link #get} is Telegram HTML and escapes every argument except an {@link Html#trusted}
 * one; {@link #plain} is for plain text (button labels, toasts). Numbers are written without grouping in both: a
 * ticket 1234 shown as "1 234" makes people type {@code /switch 1 234}, and ids are copied from messages too.
 */
@Component
public class Texts {

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** Telegram HTML: every argument escaped, except {@link Html#trusted} ones. */
    public String get(Language language, String key, Object... args) {
        return format(language, key, args, true);
    }

    /** Plain text, for button labels and toasts: nothing is escaped. */
    public String plain(Language language, String key, Object... args) {
        return format(language, key, args, false);
    }

    public String countryName(Language language, Country country) {
        return get(language, country.nameKey());
    }

    private String format(Language language, String key, Object[] args, boolean html) {
        // without arguments a text is used as written, as Spring does (a lone ' stays an apostrophe)
        String pattern = messages.getMessage(key, null, language.locale());
        if (args == null || args.length == 0) {
            return pattern;
        }
        MessageFormat format = new MessageFormat(pattern, language.locale());
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Format slot = i < formats.length ? formats[i] : null;
            values[i] = value(args[i], slot, language, html);
        }
        return format.format(values);
    }

    private static Object value(Object arg, Format slot, Language language, boolean html) {
        if (arg instanceof Number number) {
            if (slot == null) {
                NumberFormat ungrouped = NumberFormat.getInstance(language.locale());
                ungrouped.setGroupingUsed(false);
                return ungrouped.format(number);
            }
            if (slot instanceof DecimalFormat decimal) {
                decimal.setGroupingUsed(false);
            }
            return number; // {0,number,…} and {0,choice,…} format it themselves
        }
        if (arg == null || arg instanceof Html) {
            return arg == null ? null : arg.toString();
        }
        return html ? Html.escape(arg.toString()) : arg.toString();
    }
}

package org.relohelp.chat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message that is only "cancel": отмена, отменить, стоп, cancel, stop… — and so also a Cancel button's label
 * typed or copied ("✖️ Отмена"), in any case, with any punctuation or emoji around it. In a step it does what
 * {@code /cancel} does ({@link Dialogue}); a sentence that merely contains the word ("отменить заявку на ИИН") is
 * not one.
 */
public final class CancelWords {

    private static final Set<String> WORDS = Set.of("отмена", "отменить", "отмени", "стоп", "хватит", "не надо",
            "cancel", "stop", "stop it", "otmena", "otmenit");
    /** Everything but letters and digits: punctuation, emoji, spaces ("стоп 2" says something more: no cancel). */
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private CancelWords() {
    }

    /** Whether the text is a cancel word and nothing else. */
    public static boolean only(String text) {
        if (text == null || text.length() > 40) {
            return false;
        }
        String words = NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ").strip();
        return WORDS.contains(words);
    }
}

package org.relohelp.knowledge;

import java.util.Locale;
import java.util.Map;

/**
 * Turns Russian typed in Latin letters the way people do it in chats ("kak poluchit iin", "propiska",
 * "skolko mozhno nahoditsya") back into Cyrillic. Hand-written on purpose: ICU's Latin-Cyrillic expects
 * ISO 9 input with diacritics (č, š), not the informal spelling users type.
 */
final class Translit {

    private static final String[][] DIGRAPHS = {
            {"shch", "щ"}, {"sch", "щ"}, {"tsya", "тся"}, {"tsja", "тся"}, {"zh", "ж"}, {"kh", "х"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"},
            {"yu", "ю"}, {"ju", "ю"}, {"ya", "я"}, {"ja", "я"}, {"yo", "е"}, {"jo", "е"}, {"ye", "е"},
            {"iy", "ий"}, {"yy", "ый"}};
    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('a', "а"), Map.entry('b', "б"), Map.entry('v', "в"), Map.entry('g', "г"),
            Map.entry('d', "д"), Map.entry('e', "е"), Map.entry('z', "з"), Map.entry('i', "и"),
            Map.entry('j', "й"), Map.entry('k', "к"), Map.entry('l', "л"), Map.entry('m', "м"),
            Map.entry('n', "н"), Map.entry('o', "о"), Map.entry('p', "п"), Map.entry('r', "р"),
            Map.entry('s', "с"), Map.entry('t', "т"), Map.entry('u', "у"), Map.entry('f', "ф"),
            Map.entry('h', "х"), Map.entry('c', "ц"), Map.entry('x', "кс"), Map.entry('w', "в"),
            Map.entry('q', "к"), Map.entry('\'', "ь"));
    private static final String VOWELS = "aeiouy";

    private Translit() {
    }

    static boolean hasLatin(String word) {
        return word.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    static String toCyrillic(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(w.length());
        int i = 0;
        outer:
        while (i < w.length()) {
            for (String[] digraph : DIGRAPHS) {
                if (w.startsWith(digraph[0], i)) {
                    out.append(digraph[1]);
                    i += digraph[0].length();
                    continue outer;
                }
            }
            char c = w.charAt(i);
            if (c == 'y') {
                // "moy", "kakoy": y after a vowel is й, otherwise ы
                out.append(i > 0 && VOWELS.indexOf(w.charAt(i - 1)) >= 0 ? "й" : "ы");
            } else {
                out.append(LETTERS.getOrDefault(c, String.valueOf(c)));
            }
            i++;
        }
        return out.toString();
    }
}

package org.relohelp.knowledge;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Greetings, thanks and "ok" deserve a short human reply, not an article. */
final class SmallTalk {

    enum Kind { GREETING, THANKS, ACKNOWLEDGEMENT }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> GREETINGS = Set.of("привет", "приветствую", "здравствуй", "здравствуйте",
            "здрасте", "здрасьте", "добрый", "доброе", "доброго", "салам", "хай", "hi", "hello", "hey", "privet",
            "zdravstvuyte", "dobryy", "hola");
    private static final Set<String> THANKS = Set.of("спасибо", "спс", "благодарю", "пасиб", "пасибо",
            "спасибки", "thanks", "thank", "thx", "ty", "spasibo", "spasib", "рахмет", "rahmet");
    private static final Set<String> ACKNOWLEDGEMENTS = Set.of("ок", "окей", "ok", "okay", "понятно", "ясно",
            "понял", "поняла", "хорошо", "ладно", "ага", "угу", "good", "great", "cool", "👍");
    private static final Set<String> FILLER = Set.of("день", "вечер", "утро", "ночи", "дня", "вечера", "утра",
            "всем", "вам", "тебе", "большое", "огромное", "очень", "you", "so", "much", "very", "a", "lot",
            "all", "there", "morning", "evening", "afternoon", "good", "бот", "bot", "и", "and", "за", "помощь",
            "help", "for", "the", "ещё", "еще", "раз", "again", "все", "всё");

    private SmallTalk() {
    }

    static Optional<Kind> recognise(String text) {
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        boolean greeting = false;
        boolean thanks = false;
        boolean acknowledgement = false;
        int words = 0;
        while (m.find()) {
            String w = m.group();
            words++;
            if (GREETINGS.contains(w)) {
                greeting = true;
            } else if (THANKS.contains(w)) {
                thanks = true;
            } else if (ACKNOWLEDGEMENTS.contains(w)) {
                acknowledgement = true;
            } else if (!FILLER.contains(w)) {
                return Optional.empty();
            }
        }
        if (words == 0 || words > 6) {
            return Optional.empty();
        }
        if (thanks) {
            return Optional.of(Kind.THANKS);
        }
        if (greeting) {
            return Optional.of(Kind.GREETING);
        }
        return acknowledgement ? Optional.of(Kind.ACKNOWLEDGEMENT) : Optional.empty();
    }
}

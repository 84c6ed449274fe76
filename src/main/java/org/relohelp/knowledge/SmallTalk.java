package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Greetings, thanks and "ok" deserve a short human reply, not an article. Thanks and greetings often come with a
 * name or a few words more ("вера спасибо огромное!!", "спасибо, вы мне очень помогли", "здравствуйте, меня зовут
 * Анна"): up to {@link #MAX_OTHER} such words are fine when they ask nothing — no question mark, no question word,
 * and nothing the knowledge base would answer ({@code asksNothing}: no topic, no country, no confident answer).
 */
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
    /** Words that make the rest of a greeting a question ("привет, как получить ИИН"). */
    private static final Set<String> QUESTION_WORDS = Set.of("как", "что", "чем", "где", "куда", "откуда", "когда",
            "сколько", "почему", "зачем", "кто", "какой", "какая", "какое", "какие", "каких", "можно", "нужно",
            "надо", "нужен", "нужна", "ли", "how", "what", "where", "when", "which", "who", "why", "can", "could",
            "should", "do", "does", "is", "are", "kak", "chto", "gde", "skolko", "mozhno", "nuzhno");
    private static final int MAX_WORDS = 8;
    /** Words beside the thanks or the greeting that are none of the known ones: a name, "вы мне очень помогли". */
    private static final int MAX_OTHER = 3;

    private SmallTalk() {
    }

    /**
     * A message of greetings, thanks or "ok" words and filler; or a thanks or a greeting with up to
     * {@link #MAX_OTHER} other words, when they ask nothing: {@code asksNothing} is given them, and says whether the
     * knowledge base finds nothing to answer in them.
     */
    static Optional<Kind> recognise(String text, Predicate<String> asksNothing) {
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        boolean greeting = false;
        boolean thanks = false;
        boolean acknowledgement = false;
        int words = 0;
        List<String> other = new ArrayList<>();
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
                other.add(w);
            }
        }
        if (words == 0 || words > MAX_WORDS) {
            return Optional.empty();
        }
        if (!other.isEmpty() && (!(thanks || greeting) || other.size() > MAX_OTHER || text.contains("?")
                || other.stream().anyMatch(QUESTION_WORDS::contains) || !asksNothing.test(String.join(" ", other)))) {
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

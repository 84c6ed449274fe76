package org.relohelp.stay;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.relohelp.chat.CancelWords;
import org.relohelp.chat.Country;

/**
 * What a message says that the stay count can use: a country or city, dates, "cancel" (read as every step reads it,
 * {@link CancelWords}), "no more trips", a new "until when may I stay?" — and whether it is a question of its own
 * rather than an answer to the count.
 */
record StayWords(Optional<Country> country, List<DatePhrases.Found> dates, boolean cancel, boolean done,
                 boolean intent, boolean question) {

    private static final Pattern INTENT = Pattern.compile("до како(го|й) (числа|даты|дня)|сколько (мне )?(ещ[её] )?"
            + "(дней )?(осталось|можно остават)|посчита\\w* (мои |мой )?(дни|срок)|калькулятор|until when|"
            + "how many days (do i have )?left|days left|count my days|do kakogo (chisla|dnya)|"
            + "skol'?ko (mne )?(eshch?e )?(dne[yij] )?(ostalos|mozhno ostavat)|poschita\\w* (moi |moy )?(dni|srok)");
    private static final Pattern DONE = Pattern.compile("(нет|не было|не ездил\\w*|больше нет|готово|всё|все|посчитай|"
            + "no|none|done|nope|no more|that'?s all|net|gotovo)[.!]*");
    private static final Pattern QUESTION_WORD = Pattern.compile("(как|какой|какая|какие|каких|что|где|куда|когда|"
            + "сколько|почему|зачем|кто|можно|нужно|надо|ли|а если|how|what|where|when|which|who|why|can|could|do|does|"
            + "is|are|should|kak|chto|gde|skolko|mozhno|nuzhno)(\\s.*)?");
    private static final Pattern ARRIVED = Pattern.compile("въех|приех|прилет|прибыл|пересек|enter|arriv|came|cross"
            + "|v'?ehal|priehal|priletel");
    /** A sentence this long without a date is not an answer to "when did you enter?". */
    private static final int LONG = 6;

    static StayWords read(String input, Function<String, Optional<Country>> places, LocalDate today) {
        String text = input == null ? "" : input.strip();
        String lower = lower(text);
        boolean question = lower.contains("?") || QUESTION_WORD.matcher(lower).matches()
                || lower.split("\\s+").length > LONG;
        // «вчера» in "сколько мне сегодня осталось?" is no entry date; in "въехал вчера" it is
        boolean relativeCounts = !question || ARRIVED.matcher(lower).find();
        List<DatePhrases.Found> dates = DatePhrases.find(text, today).stream()
                .filter(found -> !found.relative() || relativeCounts).toList();
        return new StayWords(text.isEmpty() ? Optional.empty() : places.apply(text), dates,
                CancelWords.only(text), DONE.matcher(lower).matches(), INTENT.matcher(lower).find(), question);
    }

    /**
     * Whether a message asks for the count ("до какого числа мне можно…"): the one thing {@link #read} tells of a
     * free question, which needs neither its dates nor its country unless it does.
     */
    static boolean intends(String input) {
        return input != null && INTENT.matcher(lower(input.strip())).find();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** Dates that are dates (not future, ambiguous or impossible ones). */
    List<LocalDate> goodDates() {
        return dates.stream().filter(found -> found.parsed().isOk()).map(found -> found.parsed().date()).toList();
    }

    /** A question that holds no usable date is a question of its own, for the knowledge base. */
    boolean notAnAnswer() {
        return question && goodDates().isEmpty();
    }
}

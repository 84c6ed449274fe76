package org.relohelp.housing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relohelp.chat.Country;

/**
 * What people type in the housing dialogues: a kind of place, a number of people, a price. Hand-written: a few
 * words and patterns in both languages, nothing a library would do better.
 */
final class Typed {

    /** A price: free, an amount with its period and currency, or why it is none. */
    record Price(Integer amount, Terms.Per per, String currency, Problem problem) {

        enum Problem { NONE, NOT_A_NUMBER, TOO_BIG }

        static Price free() {
            return new Price(null, null, null, Problem.NONE);
        }

        static Price problem(Problem problem) {
            return new Price(null, null, null, problem);
        }
    }

    static final int MAX_PRICE = 1_000_000_000;
    /** The end of a short word: Java's \\b knows only Latin letters. */
    private static final String END = "(?![\\p{L}\\d])";

    private static final Map<Terms.Kind, Pattern> KINDS = Map.of(
            Terms.Kind.BED, Pattern.compile("ко[йе]к|кроват|спальн|bed|kojk|koyk"),
            Terms.Kind.ROOM, Pattern.compile("комнат|room|komnat"),
            Terms.Kind.FLAT, Pattern.compile("квартир|flat|apartment|studio|студи|дом" + END + "|house|kvartir"));
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("один", 1), Map.entry("одна", 1),
            Map.entry("one", 1), Map.entry("два", 2), Map.entry("две", 2), Map.entry("two", 2), Map.entry("трое", 3),
            Map.entry("три", 3), Map.entry("three", 3), Map.entry("двое", 2), Map.entry("четыре", 4), Map.entry("четверо", 4),
            Map.entry("four", 4), Map.entry("пять", 5), Map.entry("пятеро", 5), Map.entry("five", 5),
            Map.entry("ноль", 0), Map.entry("zero", 0), Map.entry("никого", 0));
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])-?\\d+(?![\\d.,]\\d)");
    /** 5000, 5 000, 5,000, 5.000 — one amount; a decimal part is dropped. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,3}(?:[ \\u00A0.,]\\d{3})+(?!\\d)|\\d+");
    private static final Pattern FREE = Pattern.compile("бесплат|free|даром|безвозмезд|besplat");
    private static final Pattern MONTH = Pattern.compile("месяц|мес" + END + "|month|/\\s*m" + END + "|mesyac|mesiac");
    /** Currencies by their codes, signs and names; сомони before сом. */
    private static final List<Map.Entry<String, Pattern>> CURRENCIES = List.of(
            Map.entry("KZT", Pattern.compile("kzt|тенге|тг" + END + "|₸|tenge")),
            Map.entry("UZS", Pattern.compile("uzs|сум(ов|а|ы)?" + END + "|sum" + END + "|so.?m" + END)),
            Map.entry("TJS", Pattern.compile("tjs|сомони|somoni")),
            Map.entry("KGS", Pattern.compile("kgs|сом(ов|а|ы)?" + END + "|som" + END)),
            Map.entry("GEL", Pattern.compile("gel|лари|lari|₾")),
            Map.entry("AMD", Pattern.compile("amd|драм|dram|֏")),
            Map.entry("USD", Pattern.compile("usd|\\$|доллар|dollar|бакс")),
            Map.entry("EUR", Pattern.compile("eur|€|евро")),
            Map.entry("RUB", Pattern.compile("rub|₽|руб|rouble|ruble")));
    private static final Map<Country, String> LOCAL = Map.of(Country.KZ, "KZT", Country.UZ, "UZS", Country.KG, "KGS",
            Country.TJ, "TJS", Country.GE, "GEL", Country.AM, "AMD");

    private Typed() {
    }

    /**
     * Whether a message in the middle of a dialogue is rather a question of the person's own than an answer: it asks
     * something, or it is a sentence. Such a message is answered as a question and the step offered again.
     */
    static boolean question(String text) {
        String t = text.strip();
        return t.contains("?") || t.split("\\s+").length > 6;
    }

    static Optional<Terms.Kind> kind(String text) {
        String t = lower(text);
        return KINDS.entrySet().stream().filter(e -> e.getValue().matcher(t).find()).map(Map.Entry::getKey)
                .findFirst();
    }

    /** The number of people a message says, in digits or as a word (up to five); empty when none. */
    static Optional<Integer> people(String text) {
        Matcher m = NUMBER.matcher(text);
        if (m.find()) {
            String digits = m.group();
            return Optional.of(digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits));
        }
        for (String word : lower(text).split("[^\\p{L}]+")) {
            if (NUMBER_WORDS.containsKey(word)) {
                return Optional.of(NUMBER_WORDS.get(word));
            }
        }
        return Optional.empty();
    }

    /** A price as people write it: "5000 тенге за ночь", "150 USD в месяц", "бесплатно"; the local currency by default. */
    static Price price(String text, Country country) {
        String t = lower(text);
        Matcher amount = AMOUNT.matcher(t);
        if (!amount.find()) {
            return FREE.matcher(t).find() ? Price.free() : Price.problem(Price.Problem.NOT_A_NUMBER);
        }
        String digits = amount.group().replaceAll("[^\\d]", "");
        if (digits.length() > 10 || Long.parseLong(digits) > MAX_PRICE) {
            return Price.problem(Price.Problem.TOO_BIG);
        }
        int value = Integer.parseInt(digits);
        if (value == 0) {
            return Price.free();
        }
        String currency = CURRENCIES.stream().filter(e -> e.getValue().matcher(t).find()).map(Map.Entry::getKey)
                .findFirst().orElse(LOCAL.getOrDefault(country, "USD"));
        return new Price(value, MONTH.matcher(t).find() ? Terms.Per.MONTH : Terms.Per.NIGHT, currency,
                Price.Problem.NONE);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}

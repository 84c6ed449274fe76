package org.relohelp.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Reads a question the way a volunteer would: which country it names, and for each meaningful word the
 * forms it may take — its Russian and English stems, the Cyrillic of a word typed in Latin letters, and
 * synonyms (weaker than the word itself). Each word becomes one query in which its best match counts.
 */
final class QuestionReader {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 40;
    private static final float SYNONYM_WEIGHT = 0.6f;
    private static final float NEGATED_WEIGHT = 0.5f;
    /** A word that tells the topic (topics.yml) counts on top of its match in the text, more than a title word. */
    private static final float TOPIC_WEIGHT = 4.0f;

    private final TextAnalysis analysis;
    private final PlaceNames places;
    private final PlaceNames countryWords;
    /** Forms of a topic's word that do not tell the topic ("работает": it works, not a job), from topics.yml. */
    private final java.util.function.Predicate<String> untold;

    QuestionReader(TextAnalysis analysis, PlaceNames places, PlaceNames countryWords) {
        this(analysis, places, countryWords, word -> false);
    }

    QuestionReader(TextAnalysis analysis, PlaceNames places, PlaceNames countryWords,
                   java.util.function.Predicate<String> untold) {
        this.analysis = analysis;
        this.places = places;
        this.countryWords = countryWords;
        this.untold = untold;
    }

    /**
     * The question's meaningful words, the country it names, and the one country its words belong to when it names
     * none ("ИИН": Kazakhstan; nothing when its words point to several).
     */
    record Question(List<WordQuery> words, Optional<Destination> namedCountry, Optional<Destination> hintedCountry) {
    }

    /**
     * One meaningful word: the terms it may be, each for the Russian ("_ru") or English ("_en") fields and
     * marked when it is a synonym. {@code key} names exactly those readings, so words with equal keys have the
     * same query and the same matches; the Lucene query itself is built only when a search needs it. An
     * {@code untold} word is a form of a topic's word that does not tell the topic ("карта не работает"): it is
     * matched in the text only.
     */
    record WordQuery(String key, Map<String, Boolean> readings, boolean negated, boolean untold) {

        WordQuery(String key, Map<String, Boolean> readings, boolean negated) {
            this(key, readings, negated, false);
        }

        /** Typed in Latin letters: only such a word is read as English too. */
        boolean latin() {
            return readings.keySet().stream().anyMatch(reading -> reading.startsWith("_en:"));
        }

        /**
         * The word's best match in a section's text, plus its match among the words that tell the section's topic:
         * a topic word counts even where the text has the word too. A word after "без" counts half, and not for
         * the topic ("без внж" is not about residence permits).
         */
        Query query() {
            List<Query> clauses = new ArrayList<>();
            List<Query> topic = new ArrayList<>();
            readings.forEach((reading, synonym) -> {
                int colon = reading.indexOf(':');
                String suffix = reading.substring(0, colon);
                String term = reading.substring(colon + 1);
                clauses.add(clause(suffix, term, synonym));
                topic.add(topicClause(suffix, term, synonym));
            });
            if (negated) {
                return new BoostQuery(new DisjunctionMaxQuery(clauses, 0.1f), NEGATED_WEIGHT);
            }
            if (untold) {
                return new DisjunctionMaxQuery(clauses, 0.1f);
            }
            return new BooleanQuery.Builder()
                    .add(new DisjunctionMaxQuery(clauses, 0.1f), BooleanClause.Occur.SHOULD)
                    .add(new DisjunctionMaxQuery(topic, 0.1f), BooleanClause.Occur.SHOULD).build();
        }
    }

    private record Word(String text, int start, int end, String latinAsCyrillic) {
    }

    Question read(String text) {
        List<Word> words = words(text);
        if (words.isEmpty()) {
            return new Question(List.of(), Optional.empty(), Optional.empty());
        }
        List<Map<String, Boolean>> readings = new ArrayList<>();
        words.forEach(w -> readings.add(new LinkedHashMap<>()));
        for (TextAnalysis.Token t : TextAnalysis.tokens(analysis.russianQuery, "", text)) {
            add(readings.get(wordAt(words, t.startOffset())), "_ru", t);
        }
        // words typed in Latin letters are read again as the Russian they may be, and as English; a question
        // without any (most are) would give the Russian readings it already has and no English ones
        if (words.stream().anyMatch(w -> Translit.hasLatin(w.text()))) {
            StringBuilder cyrillic = new StringBuilder();
            int[] cyrillicStarts = new int[words.size()];
            for (int i = 0; i < words.size(); i++) {
                cyrillicStarts[i] = cyrillic.length();
                cyrillic.append(words.get(i).latinAsCyrillic()).append(' ');
            }
            for (TextAnalysis.Token t : TextAnalysis.tokens(analysis.russianQuery, "", cyrillic.toString())) {
                add(readings.get(wordStartingBefore(cyrillicStarts, t.startOffset())), "_ru", t);
            }
            for (TextAnalysis.Token t : TextAnalysis.tokens(analysis.englishQuery, "", text)) {
                int word = wordAt(words, t.startOffset());
                if (Translit.hasLatin(words.get(word).text())) {
                    add(readings.get(word), "_en", t);
                }
            }
        }

        List<String> plain = words.stream().map(w -> normalise(w.text())).toList();
        List<String> cyrillicised = words.stream().map(w -> normalise(w.latinAsCyrillic())).toList();
        Optional<Destination> named = named(plain, cyrillicised);
        java.util.Set<Destination> hinted = java.util.EnumSet.noneOf(Destination.class);
        hinted.addAll(countryWords.all(plain));
        hinted.addAll(countryWords.all(cyrillicised));
        Optional<Destination> hint = hinted.size() == 1 ? hinted.stream().findFirst() : Optional.empty();
        boolean[] place = places.positions(plain);
        boolean[] cyrillicPlace = places.positions(cyrillicised);

        List<WordQuery> wordQueries = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String lower = w.text().toLowerCase(Locale.ROOT);
            boolean meaningless = analysis.isStopWord(lower) || analysis.isStopWord(w.latinAsCyrillic())
                    || greeting(plain, i);
            if (place[i] || cyrillicPlace[i] || meaningless || readings.get(i).isEmpty()) {
                continue;
            }
            boolean negated = i > 0 && TopicWords.WITHOUT.contains(normalise(words.get(i - 1).text()));
            boolean notTelling = untold.test(normalise(w.text())) || untold.test(normalise(w.latinAsCyrillic()));
            StringBuilder key = new StringBuilder(negated ? "-" : notTelling ? "=" : "");
            readings.get(i).forEach((reading, synonym) -> key.append(reading).append(synonym ? "~ " : " "));
            wordQueries.add(new WordQuery(key.toString(), readings.get(i), negated, notTelling));
        }
        return new Question(wordQueries, named, hint);
    }

    /**
     * The country a question names: the one named last, except in a question about a short trip out and back
     * ("выехать в Грузию на день и вернуться", "vizaran iz almaty v kirgiziyu"), where the country travelled to is not
     * the one the question is about. There a place after "из"/"from" is where one is; a place right after "в"/"to"
     * in the form of a direction ("в Грузию", "в Казахстан", "v kirgiziyu", "to Turkey") is left out, and so is one
     * after "или"/"or" that follows it; a place where one is ("в Уральске", "в Армении", "в Батуми") still counts.
     * "назад" after a span of time ("месяц назад") is "ago", not "back". A country entered ("въехали в Армению")
     * is where one is, and a covered country on the way ("через Узбекистан") is never the one asked about.
     */
    private Optional<Destination> named(List<String> plain, List<String> cyrillicised) {
        // "в Баку дороже, чем в Тбилиси?": the place compared with is not the one asked about
        java.util.function.IntPredicate compared = at -> (at >= 1 && THAN.contains(plain.get(at - 1)))
                || (at >= 2 && THAN.contains(plain.get(at - 2)) && (INTO.contains(plain.get(at - 1))
                || plain.get(at - 1).equals("in")));
        // "едем через Узбекистан": a covered country on the way is never what the question is about (an uncovered
        // one, "через Стамбул", still gets what little its short article has)
        java.util.function.IntPredicate via = at -> route(plain, at) && (onTheWay(cyrillicised, at)
                || onTheWay(plain, at));
        java.util.function.IntPredicate skipped = compared.or(via);
        Optional<Destination> subject = places.named(cyrillicised, skipped).or(() -> places.named(plain, skipped));
        if (!roundTrip(plain, cyrillicised)) {
            // "в Узбекистане сколько дней можно? Думаю переехать туда из Алматы": where one comes from is not asked
            java.util.function.IntPredicate origin = at -> skipped.test(at) || (at > 0 && FROM.contains(plain.get(at - 1)));
            return places.named(cyrillicised, origin).or(() -> places.named(plain, origin))
                    .or(() -> subject).or(() -> places.named(cyrillicised, via)).or(() -> places.named(plain, via));
        }
        java.util.function.IntPredicate notOrigin = at -> at == 0 || !FROM.contains(plain.get(at - 1));
        java.util.function.IntPredicate destination = at -> destination(plain, cyrillicised, at) || via.test(at);
        return places.named(cyrillicised, notOrigin).or(() -> places.named(plain, notOrigin))
                .or(() -> places.named(cyrillicised, destination)).or(() -> places.named(plain, destination));
    }

    private static boolean roundTrip(List<String> plain, List<String> cyrillicised) {
        for (int i = 0; i < plain.size(); i++) {
            for (String word : List.of(plain.get(i), cyrillicised.get(i))) {
                boolean ago = word.equals("назад") && i > 0 && SPANS.contains(cyrillicised.get(i - 1));
                if ((ROUND_TRIP.stream().anyMatch(word::startsWith) && !ago)
                        || (word.equals("run") && i > 0 && plain.get(i - 1).equals("visa"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the place at {@code at} is one the way passes through ("едем через Узбекистан", "transit through
     * Istanbul or Dubai"): the question is about where the way leads, or about the journey itself.
     */
    private static boolean route(List<String> plain, int at) {
        if (at == 0) {
            return false;
        }
        String before = plain.get(at - 1);
        return VIA.contains(before) || (OR.contains(before) && at >= 2 && route(plain, at - 2));
    }

    private boolean onTheWay(List<String> words, int at) {
        return places.startingAt(words, at).filter(Destination::covered).isPresent();
    }

    /** Whether the place at {@code at} is where a round trip goes: "в Грузию", "to Turkey", "в Казахстан или Узбекистан". */
    private static boolean destination(List<String> plain, List<String> cyrillicised, int at) {
        if (at == 0) {
            return false;
        }
        String before = plain.get(at - 1);
        if (OR.contains(before)) {
            return at >= 2 && destination(plain, cyrillicised, at - 2);
        }
        // "въехали в Армению ... пустят ли обратно": the country entered is where one is
        boolean arrived = at >= 2 && ARRIVED.stream().anyMatch(cyrillicised.get(at - 2)::startsWith);
        // "съездил на границу с Арменией и обратно": the country across the border is not where one is
        return TO.contains(before) || WITH.contains(before)
                || (INTO.contains(before) && !where(cyrillicised.get(at)) && !arrived);
    }

    /** A word in the form of a place where one is (Russian prepositional case): "Уральске", "Армении", "Батуми". */
    private static boolean where(String word) {
        return word.endsWith("е") || word.endsWith("и") || word.endsWith("ы");
    }

    /**
     * Whether the word at {@code at} is part of a greeting ("Добрый день", "доброго времени суток", "good
     * morning"): "день" there is no day of the stay, and a polite question's words should not dilute what it asks.
     */
    private static boolean greeting(List<String> plain, int at) {
        String word = plain.get(at);
        String next = at + 1 < plain.size() ? plain.get(at + 1) : "";
        String before = at > 0 ? plain.get(at - 1) : "";
        String twoBefore = at > 1 ? plain.get(at - 2) : "";
        return (GOOD.contains(word) && GREETED.contains(next)) || (GREETED.contains(word) && GOOD.contains(before))
                || (word.equals("суток") && before.equals("времени") && GOOD.contains(twoBefore));
    }

    private static final java.util.Set<String> GOOD = java.util.Set.of("добрый", "доброе", "доброго", "доброй",
            "good");
    private static final java.util.Set<String> GREETED = java.util.Set.of("день", "вечер", "утро", "ночи",
            "времени", "morning", "afternoon", "evening", "day");
    private static final List<String> ROUND_TRIP = List.of("визаран", "виза-ран", "vizaran", "visarun", "вернут",
            "вернус", "вернёт", "возвращ", "vozvrash", "назад", "обратно", "съезд", "сгонят", "слетат", "return", "back");
    private static final java.util.Set<String> INTO = java.util.Set.of("в", "во", "v", "vo");
    private static final java.util.Set<String> TO = java.util.Set.of("to", "into");
    private static final java.util.Set<String> FROM = java.util.Set.of("из", "iz", "from");
    private static final java.util.Set<String> OR = java.util.Set.of("или", "ili", "or");
    private static final java.util.Set<String> WITH = java.util.Set.of("с", "со", "s", "with");
    private static final java.util.Set<String> VIA = java.util.Set.of("через", "cherez", "through", "via");
    /** How a verb of arriving starts: "въехали в Армению", "приехал в Ташкент", "перебрался в Грузию". */
    private static final List<String> ARRIVED = List.of("въех", "приех", "прилет", "переех", "перебрал");
    private static final java.util.Set<String> THAN = java.util.Set.of("чем", "chem", "than");
    /** Spans of time before "назад" that make it "ago". */
    private static final java.util.Set<String> SPANS = java.util.Set.of("день", "дня", "дней", "неделю", "недели",
            "недель", "месяц", "месяца", "месяцев", "год", "года", "лет", "час", "часа", "часов", "полгода");

    /** The city a text names last, however its words are written ("в Алматы", "v almaty"). */
    Optional<City> city(String text) {
        List<Word> words = words(text);
        return places.namedCity(words.stream().map(w -> normalise(w.latinAsCyrillic())).toList())
                .or(() -> places.namedCity(words.stream().map(w -> normalise(w.text())).toList()));
    }

    /** The countries a text (a section's title) names, however its words are written. */
    java.util.Set<Destination> places(String text) {
        List<Word> words = words(text);
        java.util.Set<Destination> found = java.util.EnumSet.noneOf(Destination.class);
        found.addAll(places.all(words.stream().map(w -> normalise(w.text())).toList()));
        found.addAll(places.all(words.stream().map(w -> normalise(w.latinAsCyrillic())).toList()));
        return found;
    }

    private static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && words.size() < MAX_WORDS) {
            String word = m.group();
            words.add(new Word(word, m.start(), m.end(),
                    Translit.hasLatin(word) ? Translit.toCyrillic(word) : word.toLowerCase(Locale.ROOT)));
        }
        return words;
    }

    /** A term, once per word even if several readings produce it (the word itself wins over a synonym). */
    private static void add(Map<String, Boolean> readings, String suffix, TextAnalysis.Token token) {
        readings.merge(suffix + ":" + token.term(), token.synonym(), Boolean::logicalAnd);
    }

    /**
     * A term's query over the fields of a section: the article's keywords first, then the section's questions, the
     * titles, the section's text and the article's lead. Typos are forgiven in keywords and questions.
     */
    private static Query clause(String suffix, String term, boolean synonym) {
        float weight = synonym ? SYNONYM_WEIGHT : 1f;
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(boost(new TermQuery(new Term(SearchIndex.KEYWORDS + suffix, term)), 4 * weight));
        alternatives.add(boost(new TermQuery(new Term(SearchIndex.QUESTIONS + suffix, term)), 3 * weight));
        alternatives.add(boost(new TermQuery(new Term(SearchIndex.SECTION_TITLE + suffix, term)), 2.5f * weight));
        alternatives.add(boost(new TermQuery(new Term(SearchIndex.TITLE + suffix, term)), 2 * weight));
        alternatives.add(boost(new TermQuery(new Term(SearchIndex.BODY + suffix, term)), weight));
        alternatives.add(boost(new TermQuery(new Term(SearchIndex.LEAD + suffix, term)), 0.5f * weight));
        if (term.length() >= 5) {
            int edits = term.length() >= 9 ? 2 : 1;
            alternatives.add(boost(new FuzzyQuery(new Term(SearchIndex.KEYWORDS + suffix, term), edits, 1),
                    3 * weight));
            alternatives.add(boost(new FuzzyQuery(new Term(SearchIndex.QUESTIONS + suffix, term), edits, 1),
                    2 * weight));
        }
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    /** A word among the words that tell a topic (topics.yml). */
    private static Query topicClause(String suffix, String term, boolean synonym) {
        return boost(new TermQuery(new Term(SearchIndex.TOPIC_WORDS + suffix, term)),
                TOPIC_WEIGHT * (synonym ? SYNONYM_WEIGHT : 1f));
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    /** The word a token came from; tokens past the last word (never expected) go to the last word. */
    private static int wordAt(List<Word> words, int offset) {
        for (int i = words.size() - 1; i >= 0; i--) {
            if (words.get(i).start() <= offset) {
                return i;
            }
        }
        return 0;
    }

    private static int wordStartingBefore(int[] starts, int offset) {
        for (int i = starts.length - 1; i >= 0; i--) {
            if (starts[i] <= offset) {
                return i;
            }
        }
        return 0;
    }
}
